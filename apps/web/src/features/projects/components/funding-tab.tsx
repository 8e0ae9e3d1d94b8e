import { MoneyCollectOutlined } from '@ant-design/icons';
import { PAYMENT_KIND_LABELS, PAYMENT_KINDS, type ProjectDetail, type SubsidyPlan } from '@shenbao/contracts';
import { Alert, App, Button, DatePicker, Descriptions, Empty, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { applyServerErrors } from '../../../ui/form-errors.ts';
import { formatCalendarDate, formatDateTime } from '../../../ui/format.ts';
import { Section } from '../../../ui/section.tsx';
import { recordPayment } from '../api.ts';
import { wan } from '../status.tsx';

interface TabProps {
  detail: ProjectDetail;
  reload: () => void;
}

type Kind = (typeof PAYMENT_KINDS)[number];
type Tranche = SubsidyPlan['tranches'][number];

interface PaymentValues {
  kind: Kind;
  tranche?: number;
  amount: number | null;
  paidOn: Dayjs | null;
  voucherNo: string;
  note?: string;
}

/** 记录拨付: which money (省级补助 by tranche, 市级配套, 收回), amount, date and voucher; the server checks the limits. */
function PaymentModal({ detail, subsidy, kinds, onClose, onSaved }: { detail: ProjectDetail; subsidy: SubsidyPlan; kinds: Kind[]; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<PaymentValues>();
  const kind = Form.useWatch('kind', form);
  const trancheIndex = Form.useWatch('tranche', form);
  const [errors, setErrors] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const open = subsidy.tranches.filter((x) => x.open);
  const tranche = subsidy.tranches.find((x) => x.index === trancheIndex);
  const submit = async () => {
    let values: PaymentValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    setErrors([]);
    try {
      await recordPayment(detail.project.id, {
        kind: values.kind,
        ...(values.kind === 'provincial' && values.tranche !== undefined ? { tranche: values.tranche } : {}),
        amount: values.amount ?? 0,
        paidOn: values.paidOn ? values.paidOn.format('YYYY-MM-DD') : '',
        voucherNo: values.voucherNo.trim(),
        ...(values.note?.trim() ? { note: values.note.trim() } : {}),
      });
      onSaved();
    } catch (cause) {
      setErrors(applyServerErrors(form, cause, ['kind', 'tranche', 'amount', 'paidOn', 'voucherNo', 'note']));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      width={640}
      title={t('proj.funding.recordTitle')}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button key="ok" type="primary" loading={saving} onClick={() => void submit()} data-testid="payment-save">
          {t('proj.funding.record')}
        </Button>,
      ]}
    >
      {errors.length > 0 && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={errors.join('；')} data-testid="payment-error" />}
      <Form form={form} layout="vertical" initialValues={{ kind: kinds[0], tranche: kinds[0] === 'provincial' ? open.at(-1)?.index : undefined }} data-testid="payment-form">
        <Form.Item name="kind" label={t('proj.funding.kind')} rules={[{ required: true }]}>
          <Select options={kinds.map((k) => ({ value: k, label: PAYMENT_KIND_LABELS[k] }))} data-testid="payment-kind" />
        </Form.Item>
        {kind === 'provincial' && (
          <Form.Item name="tranche" label={t('proj.funding.tranche')} rules={[{ required: true, message: t('common.choose', { field: t('proj.funding.tranche') }) }]}>
            <Select
              data-testid="payment-tranche"
              options={subsidy.tranches.map((x) => ({ value: x.index, label: `${t('proj.funding.trancheN', { n: x.index + 1 })}：${x.label}`, disabled: !x.open }))}
              optionRender={(o) => <span data-testid={`payment-tranche-${String(o.value)}`} style={{ whiteSpace: 'normal' }}>{o.label}</span>}
            />
          </Form.Item>
        )}
        {kind === 'provincial' && tranche && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            message={tranche.remaining !== null ? t('proj.funding.trancheRemaining', { amount: wan(tranche.remaining) }) : t('proj.funding.trancheOpenAmount', { amount: wan(subsidy.final ?? subsidy.estimate), paid: wan(subsidy.paid) })}
            data-testid="payment-hint"
          />
        )}
        <Form.Item name="amount" label={t('proj.funding.amount')} rules={[{ required: true, message: t('common.enter', { field: t('proj.funding.amount') }) }]}>
          <InputNumber<number> min={0} precision={2} addonAfter="万元" style={{ width: 240 }} data-testid="payment-amount" />
        </Form.Item>
        <Form.Item name="paidOn" label={t(kind === 'recovery' ? 'proj.funding.recoveredOn' : 'proj.funding.paidOn')} rules={[{ required: true, message: t('common.choose', { field: t('proj.funding.paidOn') }) }]}>
          <DatePicker format="YYYY-MM-DD" data-testid="payment-date" />
        </Form.Item>
        <Form.Item name="voucherNo" label={t('proj.funding.voucherNo')} rules={[{ required: true, whitespace: true, message: t('common.enter', { field: t('proj.funding.voucherNo') }) }]}>
          <Input maxLength={60} style={{ maxWidth: 320 }} data-testid="payment-voucher" />
        </Form.Item>
        <Form.Item name="note" label={t('proj.funding.note')}>
          <Input.TextArea rows={2} maxLength={500} data-testid="payment-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 资金: the subsidy as the pack's policy computes it on the server, each tranche, every payment. */
export function FundingTab({ detail, reload }: TabProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [recording, setRecording] = useState(false);
  const s = detail.subsidy;
  if (!s) return <Empty description={t('proj.funding.none')} />;
  const can = detail.permissions;
  const owed = s.toRecover > s.recovered;
  const kinds: Kind[] = [...(can.recordPayment ? (['provincial'] as Kind[]) : []), ...(can.recordCityMatching ? (['city_matching'] as Kind[]) : []), ...(can.recordPayment && owed ? (['recovery'] as Kind[]) : [])];
  return (
    <div data-testid="funding-tab">
      <Section
        title={t('proj.funding.title')}
        extra={
          <Space>
            {can.recordPayment && <Link to={`/subsidies?callId=${encodeURIComponent(detail.project.callId)}`}>{t('proj.funding.summaryLink')}</Link>}
            {kinds.length > 0 && (
              <Button type="primary" icon={<MoneyCollectOutlined />} onClick={() => setRecording(true)} data-testid="payment-record">
                {t('proj.funding.record')}
              </Button>
            )}
          </Space>
        }
      >
        <Typography.Paragraph type="secondary">{s.basis}</Typography.Paragraph>
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, md: 2 }}
          data-testid="subsidy-summary"
          items={[
            { key: 'rate', label: t('proj.funding.rate'), children: t('proj.funding.rateValue', { rate: Math.round(s.rate * 10000) / 100, cap: wan(s.capWan) }) },
            { key: 'estimate', label: t('proj.funding.estimate'), children: <span data-testid="subsidy-estimate">{wan(s.estimate)}</span> },
            {
              key: 'final',
              label: t('proj.funding.final'),
              children: (
                <span data-testid="subsidy-final">
                  {s.final === null ? t('proj.funding.finalPending') : wan(s.final)}
                  {s.capApplied && <Tag color="orange" style={{ marginInlineStart: 8 }}>{t('proj.funding.capApplied')}</Tag>}
                </span>
              ),
            },
            { key: 'paid', label: t('proj.funding.paid'), children: <Typography.Text strong data-testid="subsidy-paid">{wan(s.paid)}</Typography.Text> },
            ...(s.overpaid > 0 ? [{ key: 'over', label: t('proj.funding.overpaid'), children: <Typography.Text type="danger">{wan(s.overpaid)}</Typography.Text> }] : []),
            ...(s.cityMatching ? [{ key: 'city', label: t('proj.funding.cityMatching'), children: <span data-testid="subsidy-city">{wan(s.cityMatchingPaid)}</span> }] : []),
            ...(s.toRecover > 0 ? [{ key: 'recover', label: t('proj.funding.toRecover'), children: t('proj.funding.recoverState', { owed: wan(s.toRecover), back: wan(s.recovered) }) }] : []),
          ]}
        />
      </Section>
      <Section title={t('proj.funding.tranches')}>
        <Table<Tranche>
          size="small"
          bordered
          rowKey="index"
          pagination={false}
          dataSource={s.tranches}
          data-testid="subsidy-tranches"
          columns={[
            { title: t('proj.funding.tranche'), dataIndex: 'index', width: 80, render: (v: number) => t('proj.funding.trancheN', { n: v + 1 }) },
            { title: t('proj.funding.trancheLabel'), dataIndex: 'label' },
            { title: t('proj.funding.share'), dataIndex: 'share', width: 90, render: (v: number | null) => (v === null ? t('proj.funding.shareOpen') : `${Math.round(v * 10000) / 100}%`) },
            { title: t('proj.funding.planned'), dataIndex: 'planned', width: 140, align: 'right', render: (v: number | null) => (v === null ? t('proj.funding.plannedOpen') : wan(v)) },
            { title: t('proj.funding.paidColumn'), dataIndex: 'paid', width: 130, align: 'right', render: (v: number, x) => <span data-testid={`tranche-paid-${x.index}`}>{wan(v)}</span> },
            { title: t('proj.funding.remaining'), dataIndex: 'remaining', width: 130, align: 'right', render: (v: number | null) => wan(v) },
            { title: t('proj.funding.openState'), dataIndex: 'open', width: 140, render: (v: boolean) => (v ? <Tag color="success">{t('proj.funding.open')}</Tag> : <Tag>{t('proj.funding.closed')}</Tag>) },
          ]}
        />
      </Section>
      <Section title={t('proj.funding.payments')}>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={s.payments}
          locale={{ emptyText: t('proj.funding.noPayments') }}
          data-testid="subsidy-payments"
          columns={[
            { title: t('proj.funding.kind'), dataIndex: 'kindLabel', width: 130 },
            { title: t('proj.funding.tranche'), dataIndex: 'tranche', width: 90, render: (v: number | null) => (v === null ? '—' : t('proj.funding.trancheN', { n: v + 1 })) },
            { title: t('proj.funding.amount'), dataIndex: 'amount', width: 130, align: 'right', render: (v: number) => wan(v) },
            { title: t('proj.funding.paidOn'), dataIndex: 'paidOn', width: 130, render: (v: string) => formatCalendarDate(v) },
            { title: t('proj.funding.voucherNo'), dataIndex: 'voucherNo', width: 150 },
            { title: t('proj.funding.payer'), dataIndex: 'payerName', width: 180 },
            { title: t('proj.funding.note'), dataIndex: 'note', render: (v: string | null) => v ?? '—' },
            { title: t('proj.funding.recordedAt'), dataIndex: 'recordedAt', width: 170, render: (v: string) => formatDateTime(v) },
          ]}
        />
      </Section>
      {recording && (
        <PaymentModal
          detail={detail}
          subsidy={s}
          kinds={kinds}
          onClose={() => setRecording(false)}
          onSaved={() => {
            setRecording(false);
            message.success(t('proj.funding.recorded'));
            reload();
          }}
        />
      )}
    </div>
  );
}
