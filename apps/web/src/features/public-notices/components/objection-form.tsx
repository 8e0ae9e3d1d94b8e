import { UploadOutlined } from '@ant-design/icons';
import type { ObjectionBody, PublicNotice } from '@shenbao/contracts';
import { Alert, Button, Form, Input, Result, Select, Typography, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { applyServerErrors } from '../../../ui/form-errors.ts';
import { formatDateTime } from '../../../ui/format.ts';
import { Mono } from '../../../ui/mono.tsx';
import { lodgeObjection, type ObjectionReceiptBody } from '../api.ts';

const MAX_FILES = 3;
const MAX_BYTES = 5 * 1024 * 1024;
const ACCEPT = ['application/pdf', 'image/jpeg', 'image/png'];
const ACCEPT_EXT = /\.(pdf|jpe?g|png)$/i;

interface Values {
  name: string;
  phone: string;
  email?: string;
  applicationId?: string;
  content: string;
}

const FIELDS = ['name', 'phone', 'email', 'applicationId', 'content'] as const;

/** A file as base64 without the data-URL prefix. */
function toBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/** 提出异议: who (real name or organisation), how to reach them, which project, what and why, and up to three evidence files. */
export function ObjectionForm({ notice }: { notice: PublicNotice }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [errors, setErrors] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const [receipt, setReceipt] = useState<ObjectionReceiptBody | null>(null);

  if (receipt) {
    return (
      <Result
        status="success"
        title={t('notices.objection.received')}
        subTitle={
          <span data-testid="objection-receipt">
            {t('notices.objection.receipt')} <Mono>{receipt.id}</Mono> · {formatDateTime(receipt.lodgedAt)}
          </span>
        }
        extra={<Typography.Text type="secondary">{t('notices.objection.receiptHint')}</Typography.Text>}
      />
    );
  }

  const submit = async (values: Values) => {
    setSaving(true);
    setErrors([]);
    try {
      const evidence = await Promise.all(files.map(async (f) => ({ name: f.name, contentBase64: await toBase64(f.originFileObj as Blob) })));
      const body: ObjectionBody = {
        name: values.name.trim(),
        phone: values.phone.trim(),
        content: values.content.trim(),
        ...(values.email?.trim() ? { email: values.email.trim() } : {}),
        ...(values.applicationId ? { applicationId: values.applicationId } : {}),
        ...(evidence.length > 0 ? { evidence } : {}),
      };
      setReceipt(await lodgeObjection(notice.id, body));
    } catch (cause) {
      setErrors(applyServerErrors(form, cause, [...FIELDS]));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)} data-testid="objection-form" style={{ maxWidth: 720 }}>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('notices.objection.hint')} />
      {errors.length > 0 && <Alert type="error" showIcon message={errors.join('；')} style={{ marginBottom: 12 }} data-testid="objection-form-error" />}
      <Form.Item name="name" label={t('notices.objection.name')} rules={[{ required: true, whitespace: true, message: t('common.enter', { field: t('notices.objection.name') }) }, { min: 2, max: 50, message: t('notices.objection.nameLength') }]}>
        <Input maxLength={50} data-testid="objection-name" />
      </Form.Item>
      <Form.Item
        name="phone"
        label={t('notices.objection.phone')}
        rules={[
          { required: true, message: t('common.enter', { field: t('notices.objection.phone') }) },
          { pattern: /^[0-9+\-() ]{7,20}$/, message: t('notices.objection.phoneInvalid') },
        ]}
      >
        <Input maxLength={20} data-testid="objection-phone" />
      </Form.Item>
      <Form.Item name="email" label={t('notices.objection.email')} rules={[{ type: 'email', message: t('notices.objection.emailInvalid') }]}>
        <Input maxLength={200} data-testid="objection-email" />
      </Form.Item>
      <Form.Item name="applicationId" label={t('notices.objection.project')} tooltip={t('notices.objection.projectHint')}>
        <Select
          allowClear
          placeholder={t('notices.objection.wholeList')}
          options={notice.items.map((item) => ({ value: item.applicationId, label: `${item.rank}. ${item.projectName ?? ''}（${item.applicantName}）` }))}
          data-testid="objection-project"
        />
      </Form.Item>
      <Form.Item
        name="content"
        label={t('notices.objection.content')}
        rules={[
          { required: true, whitespace: true, message: t('common.enter', { field: t('notices.objection.content') }) },
          { min: 10, max: 5000, message: t('notices.objection.contentLength') },
        ]}
      >
        <Input.TextArea rows={6} maxLength={5000} showCount data-testid="objection-content" />
      </Form.Item>
      <Form.Item label={t('notices.objection.evidence')} extra={t('notices.objection.evidenceHint')}>
        <div data-testid="objection-evidence">
          <Upload
            multiple
            accept=".pdf,.jpg,.jpeg,.png"
            fileList={files}
            maxCount={MAX_FILES}
            beforeUpload={(file) => {
              const typeOk = ACCEPT.includes(file.type) || ACCEPT_EXT.test(file.name);
              if (!typeOk || file.size > MAX_BYTES) {
                setErrors([t(typeOk ? 'notices.objection.fileTooLarge' : 'notices.objection.fileType', { name: file.name })]);
                return Upload.LIST_IGNORE;
              }
              setFiles((current) => [...current, { uid: file.uid, name: file.name, size: file.size, type: file.type, originFileObj: file, status: 'done' as const }].slice(0, MAX_FILES));
              // Kept in the browser and sent with the objection as base64.
              return false;
            }}
            onRemove={(file) => setFiles((current) => current.filter((f) => f.uid !== file.uid))}
          >
            <Button icon={<UploadOutlined />} disabled={files.length >= MAX_FILES}>
              {t('notices.objection.chooseFiles')}
            </Button>
          </Upload>
        </div>
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={saving} data-testid="objection-submit">
        {t('notices.objection.submit')}
      </Button>
    </Form>
  );
}
