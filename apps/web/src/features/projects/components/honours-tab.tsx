import { ExclamationCircleOutlined } from '@ant-design/icons';
import type { ProjectDetail } from '@shenbao/contracts';
import { Alert, App, AutoComplete, Button, Descriptions, Empty, Form, Input, InputNumber, Modal, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { applyServerErrors } from '../../../ui/form-errors.ts';
import { formatCalendarDate, formatDate, formatDateTime } from '../../../ui/format.ts';
import { Section } from '../../../ui/section.tsx';
import { sanction } from '../api.ts';
import { wan } from '../status.tsx';
import { BanNotice } from './ban-notice.tsx';

interface TabProps {
  detail: ProjectDetail;
  reload: () => void;
}

type Stage = 'application' | 'implementation' | 'acceptance';
const STAGES: Stage[] = ['application', 'implementation', 'acceptance'];

interface SanctionValues {
  stage: Stage;
  ground: string;
  findings: string;
  documentNumber?: string;
  recoverAmount?: number | null;
}

/** 作出处理 (003 第十七条): the ground, the facts found, the document; the server revokes, recovers and bans. */
function SanctionModal({ detail, onClose, onDone }: { detail: ProjectDetail; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<SanctionValues>();
  const [errors, setErrors] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    let values: SanctionValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    setErrors([]);
    try {
      await sanction(detail.project.id, {
        stage: values.stage,
        ground: values.ground.trim(),
        findings: values.findings.trim(),
        ...(values.documentNumber?.trim() ? { documentNumber: values.documentNumber.trim() } : {}),
        ...(typeof values.recoverAmount === 'number' ? { recoverAmount: values.recoverAmount } : {}),
      });
      onDone();
    } catch (cause) {
      setErrors(applyServerErrors(form, cause, ['stage', 'ground', 'findings', 'documentNumber', 'recoverAmount']));
    } finally {
      setSaving(false);
    }
  };
  const paid = detail.subsidy?.paid ?? 0;
  return (
    <Modal
      open
      width={720}
      title={t('proj.honours.sanctionTitle')}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button key="ok" danger type="primary" loading={saving} onClick={() => void submit()} data-testid="sanction-confirm">
          {t('proj.honours.sanctionConfirm')}
        </Button>,
      ]}
    >
      <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t('proj.honours.sanctionIntro', { title: detail.honours?.title ?? t('proj.honours.noTitleShort'), paid: wan(paid) })} />
      {errors.length > 0 && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={errors.join('；')} data-testid="sanction-error" />}
      <Form form={form} layout="vertical" initialValues={{ stage: 'implementation' }}>
        <Form.Item name="stage" label={t('proj.honours.stage')} rules={[{ required: true }]}>
          <Select options={STAGES.map((s) => ({ value: s, label: t(`proj.honours.stage.${s}`) }))} style={{ maxWidth: 240 }} data-testid="sanction-stage" />
        </Form.Item>
        <Form.Item name="ground" label={t('proj.honours.ground')} rules={[{ required: true, whitespace: true, min: 2, max: 500, message: t('proj.reasonLength', { n: 500 }) }]}>
          <AutoComplete options={detail.sanctionGrounds.map((g) => ({ value: g }))} data-testid="sanction-ground">
            <Input.TextArea rows={2} maxLength={500} data-testid="sanction-ground-input" />
          </AutoComplete>
        </Form.Item>
        <Form.Item name="findings" label={t('proj.honours.findings')} rules={[{ required: true, whitespace: true, min: 2, max: 5000, message: t('proj.reasonLength', { n: 5000 }) }]}>
          <Input.TextArea rows={4} maxLength={5000} showCount data-testid="sanction-findings" />
        </Form.Item>
        <Form.Item name="documentNumber" label={t('proj.honours.documentNumber')}>
          <Input maxLength={100} style={{ maxWidth: 360 }} data-testid="sanction-document" />
        </Form.Item>
        <Form.Item name="recoverAmount" label={t('proj.honours.recoverAmount')} extra={t('proj.honours.recoverHint', { paid: wan(paid) })}>
          <InputNumber<number> min={0} precision={2} addonAfter="万元" style={{ width: 240 }} data-testid="sanction-recover" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 称号与处理: the title and its demonstration period; sanctions with their effects; the applicant's bans. */
export function HonoursTab({ detail, reload }: TabProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [sanctioning, setSanctioning] = useState(false);
  const h = detail.honours;
  return (
    <div data-testid="honours-tab">
      <Section title={t('proj.honours.title')}>
        {h ? (
          <Descriptions
            size="small"
            bordered
            column={1}
            data-testid="honours-view"
            items={[
              { key: 'title', label: t('proj.honours.name'), children: <Tag color={h.revokedAt ? 'default' : 'gold'}>{h.title}</Tag> },
              { key: 'granted', label: t('proj.honours.grantedAt'), children: formatDate(h.grantedAt) },
              { key: 'demo', label: t('proj.honours.demoEnds'), children: h.demonstrationEndsOn ? formatCalendarDate(h.demonstrationEndsOn) : t('proj.honours.noDemoPeriod') },
              ...(h.revokedAt ? [{ key: 'revoked', label: t('proj.honours.revokedAt'), children: <Typography.Text type="danger">{formatDate(h.revokedAt)}</Typography.Text> }] : []),
            ]}
          />
        ) : (
          <Empty
            description={t(detail.project.demonstrationEndsOn ? 'proj.honours.demoOnly' : detail.project.status === 'revoked' ? 'proj.honours.noneRevoked' : 'proj.honours.none', {
              date: formatCalendarDate(detail.project.demonstrationEndsOn),
            })}
          />
        )}
      </Section>
      <Section
        title={t('proj.honours.sanctions')}
        extra={
          detail.permissions.sanction ? (
            <Button danger icon={<ExclamationCircleOutlined />} onClick={() => setSanctioning(true)} data-testid="sanction-open">
              {t('proj.honours.sanction')}
            </Button>
          ) : null
        }
      >
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={detail.sanctions}
          locale={{ emptyText: t('proj.honours.noSanctions') }}
          data-testid="sanctions"
          columns={[
            { title: t('proj.honours.decidedAt'), dataIndex: 'decidedAt', width: 170, render: (v: string) => formatDateTime(v) },
            { title: t('proj.honours.stage'), dataIndex: 'stage', width: 100, render: (v: Stage) => t(`proj.honours.stage.${v}`) },
            { title: t('proj.honours.ground'), dataIndex: 'ground' },
            { title: t('proj.honours.findings'), dataIndex: 'findings' },
            { title: t('proj.honours.documentNumber'), dataIndex: 'documentNumber', width: 160, render: (v: string | null) => v ?? '—' },
            {
              title: t('proj.honours.effects'),
              key: 'effects',
              width: 260,
              render: (_v, s) => (
                <>
                  {s.titleRevoked && <div>{t('proj.honours.titleRevoked')}</div>}
                  {s.recoverAmount > 0 && <div>{t('proj.honours.recover', { amount: wan(s.recoverAmount) })}</div>}
                  {s.banEndsAt && <div>{t('proj.honours.ban', { date: formatDate(s.banEndsAt) })}</div>}
                </>
              ),
            },
          ]}
        />
      </Section>
      {/* Read again after a sanction (it may have started a ban). */}
      <BanNotice key={detail.sanctions.length} organisationId={detail.project.applicantOrganisationId} />
      {sanctioning && (
        <SanctionModal
          detail={detail}
          onClose={() => setSanctioning(false)}
          onDone={() => {
            setSanctioning(false);
            message.success(t('proj.honours.sanctioned'));
            reload();
          }}
        />
      )}
    </div>
  );
}
