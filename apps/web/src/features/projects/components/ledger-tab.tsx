import { DeleteOutlined, EditOutlined, FileExcelOutlined, FilePdfOutlined, PlusOutlined } from '@ant-design/icons';
import type { Ledger, LedgerFinding, LedgerItem, LedgerItemBody, ProjectDetail, ProjectFile } from '@shenbao/contracts';
import { Alert, App, Button, DatePicker, Descriptions, Form, Input, InputNumber, List, Modal, Popconfirm, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useRequest } from '../../../api/use-request.ts';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { applyServerErrors } from '../../../ui/form-errors.ts';
import { formatCalendarDate } from '../../../ui/format.ts';
import { Section } from '../../../ui/section.tsx';
import { ErrorView, PageLoading } from '../../../ui/status-views.tsx';
import { addLedgerItem, deleteLedgerItem, fileUrl, getLedger, updateLedgerItem } from '../api.ts';
import { wan } from '../status.tsx';
import { ProjectFilesField } from './project-files.tsx';

interface TabProps {
  detail: ProjectDetail;
  reload: () => void;
}

/** The findings of one row, by the column they point at ('' for the row, 'files' for the scans). */
function findingsOf(ledger: Ledger, itemId: string): Map<string, LedgerFinding[]> {
  const out = new Map<string, LedgerFinding[]>();
  for (const f of ledger.findings) {
    if (f.itemId !== itemId) continue;
    const column = f.path.split('/')[3] ?? '';
    out.set(column, [...(out.get(column) ?? []), f]);
  }
  return out;
}

function Flagged({ findings, children }: { findings: LedgerFinding[] | undefined; children: React.ReactNode }) {
  if (!findings?.length) return <>{children}</>;
  const error = findings.some((f) => f.severity === 'error');
  return (
    <Tooltip title={findings.map((f) => f.message).join('；')}>
      <Typography.Text type={error ? 'danger' : 'warning'} underline data-testid="ledger-cell-flag">
        {children}
      </Typography.Text>
    </Tooltip>
  );
}

/** 检查结果: every finding; the owner also sees invoices used in another funded project, with that project. */
function FindingsList({ ledger }: { ledger: Ledger }) {
  const { t } = useI18n();
  if (ledger.findings.length === 0) return <Alert type="success" showIcon message={t('proj.ledger.clean')} data-testid="ledger-clean" />;
  const sorted = [...ledger.findings].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return (
    <List
      size="small"
      bordered
      dataSource={sorted}
      data-testid="ledger-findings"
      renderItem={(f) => (
        <List.Item data-testid="ledger-finding" data-check={f.check} data-severity={f.severity}>
          <Space direction="vertical" size={2}>
            <Space wrap>
              <Tag color={f.severity === 'error' ? 'error' : 'warning'}>{t(f.severity === 'error' ? 'proj.ledger.error' : 'proj.ledger.warning')}</Tag>
              <Typography.Text>{f.message}</Typography.Text>
            </Space>
            {f.other && (
              <Typography.Text type="secondary" data-testid="ledger-reused-other">
                {t('proj.ledger.otherProject')}
                <Link to={`/projects/${f.other.projectId}?tab=ledger`}>{f.other.projectName}</Link>
                {t('proj.ledger.otherDetail', { applicant: f.other.applicantName, call: f.other.callTitle, supplier: f.other.supplier, invoice: f.other.invoiceNo, amount: wan(f.other.invoiceAmount) })}
              </Typography.Text>
            )}
          </Space>
        </List.Item>
      )}
    />
  );
}

function TotalsTable({ ledger }: { ledger: Ledger }) {
  const { t } = useI18n();
  const flagged = new Map(ledger.findings.filter((f) => f.category && f.itemId === null).map((f) => [f.category!, f]));
  return (
    <Table
      size="small"
      bordered
      rowKey="category"
      pagination={false}
      dataSource={ledger.totals}
      data-testid="ledger-totals"
      columns={[
        { title: t('proj.ledger.category'), dataIndex: 'label' },
        { title: t('proj.ledger.counted'), dataIndex: 'counted', width: 120, render: (v: boolean) => (v ? <Tag color="success">{t('proj.ledger.countedYes')}</Tag> : <Tag>{t('proj.ledger.countedNo')}</Tag>) },
        { title: t('proj.ledger.planned'), dataIndex: 'planned', width: 150, align: 'right', render: (v: number | null) => wan(v) },
        {
          title: t('proj.ledger.amount'),
          dataIndex: 'amount',
          width: 150,
          align: 'right',
          render: (v: number, row) => <Flagged findings={flagged.has(row.category) ? [flagged.get(row.category)!] : undefined}>{wan(v)}</Flagged>,
        },
        { title: t('proj.ledger.paidAmount'), dataIndex: 'paid', width: 150, align: 'right', render: (v: number) => wan(v) },
        { title: t('proj.ledger.rows'), dataIndex: 'rows', width: 80, align: 'right' },
      ]}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0} colSpan={2}>
            <Typography.Text strong>{t('proj.ledger.actual')}</Typography.Text>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={2} align="right">
            {wan(ledger.plannedTotal)}
          </Table.Summary.Cell>
          <Table.Summary.Cell index={3} align="right">
            <Typography.Text strong data-testid="ledger-counted-total">
              {wan(ledger.countedTotal)}
            </Typography.Text>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={4} colSpan={2}>
            <Typography.Text type="secondary">{t('proj.ledger.allTotal', { total: wan(ledger.total) })}</Typography.Text>
          </Table.Summary.Cell>
        </Table.Summary.Row>
      )}
    />
  );
}

/** antd's Form.Item hands value/onChange to its child: the scans of one kind, uploaded as ledger files. */
function ScansInput({ value, onChange, projectId, testId }: { value?: ProjectFile[]; onChange?: (files: ProjectFile[]) => void; projectId: string; testId: string }) {
  return <ProjectFilesField projectId={projectId} purpose="ledger" files={value ?? []} onChange={(files) => onChange?.(files)} testId={testId} />;
}

interface ItemValues {
  category: string;
  item: string;
  supplier?: string;
  contract?: string;
  contractAmount?: number | null;
  invoiceNo?: string;
  invoiceAmount?: number | null;
  invoiceDate?: Dayjs | null;
  paymentVoucherNo?: string;
  paymentAmount?: number | null;
  maker?: string;
  quantity?: number | null;
  unitPrice?: number | null;
  contractFileIds?: ProjectFile[];
  invoiceFileIds?: ProjectFile[];
  paymentFileIds?: ProjectFile[];
}

const FIELDS = ['category', 'item', 'supplier', 'contract', 'contractAmount', 'invoiceNo', 'invoiceAmount', 'invoiceDate', 'paymentVoucherNo', 'paymentAmount', 'maker', 'quantity', 'unitPrice', 'contractFileIds', 'invoiceFileIds', 'paymentFileIds'] as const;

function bodyOf(values: ItemValues, version: number | undefined): LedgerItemBody {
  const text = (v: string | undefined) => (v && v.trim() ? v.trim() : undefined);
  const num = (v: number | null | undefined) => (v === null || v === undefined ? undefined : v);
  return {
    category: values.category,
    item: values.item.trim(),
    supplier: text(values.supplier),
    contract: text(values.contract),
    contractAmount: num(values.contractAmount),
    invoiceNo: text(values.invoiceNo),
    invoiceAmount: num(values.invoiceAmount),
    invoiceDate: values.invoiceDate ? values.invoiceDate.format('YYYY-MM-DD') : undefined,
    paymentVoucherNo: text(values.paymentVoucherNo),
    paymentAmount: num(values.paymentAmount),
    maker: text(values.maker),
    quantity: num(values.quantity),
    unitPrice: num(values.unitPrice),
    contractFileIds: (values.contractFileIds ?? []).map((f) => f.fileId),
    invoiceFileIds: (values.invoiceFileIds ?? []).map((f) => f.fileId),
    paymentFileIds: (values.paymentFileIds ?? []).map((f) => f.fileId),
    ...(version !== undefined ? { version } : {}),
  };
}

/** 新增 / 修改台账条目: the notice's columns; the checks run on the server and show on the ledger. */
function ItemModal({ projectId, ledger, item, onClose, onSaved }: { projectId: string; ledger: Ledger; item: LedgerItem | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<ItemValues>();
  const [errors, setErrors] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const itemised = ledger.layout === 'itemised';
  const money = (name: keyof ItemValues, label: string, decimals = 2) => (
    <Form.Item name={name} label={label} style={{ flex: 1, minWidth: 200 }}>
      <InputNumber<number> min={0} precision={decimals} style={{ width: '100%' }} addonAfter="万元" data-testid={`ledger-${name}`} />
    </Form.Item>
  );
  const text = (name: keyof ItemValues, label: string, max: number) => (
    <Form.Item name={name} label={label} style={{ flex: 1, minWidth: 200 }}>
      <Input maxLength={max} data-testid={`ledger-${name}`} />
    </Form.Item>
  );
  const submit = async () => {
    let values: ItemValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    setErrors([]);
    try {
      if (item) await updateLedgerItem(projectId, item.id, bodyOf(values, item.version));
      else await addLedgerItem(projectId, bodyOf(values, undefined));
      onSaved();
    } catch (cause) {
      setErrors(applyServerErrors(form, cause, FIELDS));
    } finally {
      setSaving(false);
    }
  };
  const initial: Partial<ItemValues> = item
    ? {
        category: item.category,
        item: item.item,
        supplier: item.supplier ?? undefined,
        contract: item.contract ?? undefined,
        contractAmount: item.contractAmount,
        invoiceNo: item.invoiceNo ?? undefined,
        invoiceAmount: item.invoiceAmount,
        invoiceDate: item.invoiceDate ? dayjs(item.invoiceDate) : null,
        paymentVoucherNo: item.paymentVoucherNo ?? undefined,
        paymentAmount: item.paymentAmount,
        maker: item.maker ?? undefined,
        quantity: item.quantity,
        unitPrice: item.unitPrice,
        contractFileIds: item.files.contract,
        invoiceFileIds: item.files.invoice,
        paymentFileIds: item.files.payment,
      }
    : { category: ledger.categories[0]?.id, contractFileIds: [], invoiceFileIds: [], paymentFileIds: [] };
  const row = { display: 'flex', gap: 16, flexWrap: 'wrap' } as const;
  return (
    <Modal
      open
      width={880}
      title={t(item ? 'proj.ledger.editTitle' : 'proj.ledger.addTitle')}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button key="ok" type="primary" loading={saving} onClick={() => void submit()} data-testid="ledger-item-save">
          {t('common.save')}
        </Button>,
      ]}
    >
      {errors.length > 0 && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={errors.join('；')} data-testid="ledger-item-error" />}
      <Form form={form} layout="vertical" initialValues={initial} data-testid="ledger-item-form">
        <div style={row}>
          <Form.Item name="category" label={t('proj.ledger.category')} rules={[{ required: true, message: t('common.choose', { field: t('proj.ledger.category') }) }]} style={{ flex: 1, minWidth: 200 }}>
            <Select options={ledger.categories.map((c) => ({ value: c.id, label: `${c.label}${c.counted ? '' : t('proj.ledger.notCountedSuffix')}` }))} data-testid="ledger-category" />
          </Form.Item>
          <Form.Item name="item" label={t(itemised ? 'proj.ledger.itemName' : 'proj.ledger.equipment')} rules={[{ required: true, whitespace: true, message: t('common.enter', { field: t('proj.ledger.equipment') }) }]} style={{ flex: 2, minWidth: 300 }}>
            <Input maxLength={200} data-testid="ledger-item" />
          </Form.Item>
        </div>
        {itemised ? (
          <div style={row}>
            {text('maker', t('proj.ledger.maker'), 200)}
            <Form.Item name="quantity" label={t('proj.ledger.quantity')} style={{ flex: 1, minWidth: 160 }}>
              <InputNumber<number> min={0} precision={2} style={{ width: '100%' }} data-testid="ledger-quantity" />
            </Form.Item>
            {money('unitPrice', t('proj.ledger.unitPrice'), 4)}
            {text('contract', t('proj.ledger.contract'), 200)}
          </div>
        ) : (
          <>
            <div style={row}>
              {text('supplier', t('proj.ledger.supplier'), 200)}
              {text('contract', t('proj.ledger.contract'), 200)}
              {money('contractAmount', t('proj.ledger.contractAmount'))}
            </div>
            <div style={row}>
              {text('invoiceNo', t('proj.ledger.invoiceNo'), 60)}
              {money('invoiceAmount', t('proj.ledger.invoiceAmount'))}
              <Form.Item name="invoiceDate" label={t('proj.ledger.invoiceDate')} style={{ flex: 1, minWidth: 200 }}>
                <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" data-testid="ledger-invoiceDate" />
              </Form.Item>
            </div>
            <div style={row}>
              {text('paymentVoucherNo', t('proj.ledger.paymentVoucherNo'), 60)}
              {money('paymentAmount', t('proj.ledger.paymentAmount'))}
            </div>
          </>
        )}
        <Typography.Paragraph type="secondary">{t('proj.ledger.scansHint')}</Typography.Paragraph>
        <div style={row}>
          <Form.Item name="contractFileIds" label={t('proj.ledger.contractScans')} style={{ flex: 1, minWidth: 240 }}>
            <ScansInput projectId={projectId} testId="ledger-contract-scans" />
          </Form.Item>
          {!itemised && (
            <Form.Item name="invoiceFileIds" label={t('proj.ledger.invoiceScans')} style={{ flex: 1, minWidth: 240 }}>
              <ScansInput projectId={projectId} testId="ledger-invoice-scans" />
            </Form.Item>
          )}
          <Form.Item name="paymentFileIds" label={t('proj.ledger.paymentScans')} style={{ flex: 1, minWidth: 240 }}>
            <ScansInput projectId={projectId} testId="ledger-payment-scans" />
          </Form.Item>
        </div>
      </Form>
    </Modal>
  );
}

function ScanLinks({ projectId, files, label }: { projectId: string; files: ProjectFile[]; label: string }) {
  if (files.length === 0) return null;
  return (
    <div>
      {label}：
      {files.map((f, i) => (
        <a key={f.fileId} href={fileUrl(projectId, f.fileId)} title={`${f.name} · SHA-256 ${f.sha256}`} style={{ marginInlineEnd: 4 }}>
          {i + 1}
        </a>
      ))}
    </div>
  );
}

/** 投资台账: the rows with their checks, category totals against the plan, 实际投资额; rows kept by the applicant. */
export function LedgerTab({ detail, reload }: TabProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const projectId = detail.project.id;
  const ledger = useRequest((signal) => getLedger(projectId, signal), [projectId]);
  const [editing, setEditing] = useState<LedgerItem | 'new' | null>(null);
  if (ledger.error !== undefined) return <ErrorView error={ledger.error} onRetry={ledger.reload} />;
  if (!ledger.data) return <PageLoading />;
  const l = ledger.data;
  const canEdit = detail.permissions.editLedger && l.editable;
  const itemised = l.layout === 'itemised';
  const refresh = () => {
    ledger.reload();
    reload();
  };
  const remove = async (item: LedgerItem) => {
    try {
      await deleteLedgerItem(projectId, item.id);
      message.success(t('proj.ledger.deleted'));
      refresh();
    } catch (cause) {
      message.error(cause instanceof Error ? cause.message : String(cause));
    }
  };
  const cell = (item: LedgerItem, column: string, content: React.ReactNode) => <Flagged findings={findingsOf(l, item.id).get(column)}>{content}</Flagged>;

  return (
    <div data-testid="ledger-tab">
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'period', label: t('proj.period'), children: l.period ? t('proj.periodRange', { from: l.period.from, to: l.period.to }) : t('common.empty') },
          { key: 'window', label: t('proj.ledger.window'), children: l.window ? t('proj.ledger.windowRange', { from: l.window.fromYear, to: l.window.toYear }) : t('common.empty') },
          { key: 'state', label: t('proj.ledger.state'), children: l.editable ? t('proj.ledger.editable') : <Tag>{t('proj.ledger.locked')}</Tag> },
        ]}
      />
      <Section title={t('proj.ledger.totalsTitle')}>
        <TotalsTable ledger={l} />
      </Section>
      <Section title={t('proj.ledger.findingsTitle')}>
        <FindingsList ledger={l} />
      </Section>
      <Section
        title={t('proj.ledger.itemsTitle')}
        extra={
          <Space>
            <Button icon={<FileExcelOutlined />} href={`/api/projects/${detail.project.id}/ledger.xlsx`} data-testid="ledger-xlsx">
              {t('proj.ledger.downloadXlsx')}
            </Button>
            <Button icon={<FilePdfOutlined />} href={`/api/projects/${detail.project.id}/ledger.pdf`} data-testid="ledger-pdf">
              {t('proj.ledger.downloadPdf')}
            </Button>
            {canEdit ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="ledger-add">
                {t('proj.ledger.add')}
              </Button>
            ) : null}
          </Space>
        }
      >
        <Table<LedgerItem>
          rowKey="id"
          size="small"
          bordered
          dataSource={l.items}
          pagination={l.items.length > 30 ? { pageSize: 30 } : false}
          scroll={{ x: 1500 }}
          locale={{ emptyText: t('proj.ledger.empty') }}
          data-testid="ledger-items"
          columns={[
            { title: t('proj.ledger.category'), dataIndex: 'categoryLabel', width: 150, fixed: 'left', render: (v: string, i) => cell(i, 'category', v) },
            { title: t('proj.ledger.seq'), dataIndex: 'seq', width: 56, align: 'center' },
            { title: t(itemised ? 'proj.ledger.itemName' : 'proj.ledger.equipment'), dataIndex: 'item', width: 200, render: (v: string, i) => cell(i, '', v) },
            ...(itemised
              ? [
                  { title: t('proj.ledger.maker'), dataIndex: 'maker', width: 150, render: (v: string | null) => v ?? '—' },
                  { title: t('proj.ledger.quantity'), dataIndex: 'quantity', width: 90, align: 'right' as const, render: (v: number | null) => v ?? '—' },
                  { title: t('proj.ledger.unitPrice'), dataIndex: 'unitPrice', width: 120, align: 'right' as const, render: (v: number | null) => (v === null ? '—' : `${v} 万元`) },
                ]
              : [
                  { title: t('proj.ledger.supplier'), dataIndex: 'supplier', width: 180, render: (v: string | null) => v ?? '—' },
                  { title: t('proj.ledger.contract'), dataIndex: 'contract', width: 180, render: (v: string | null) => v ?? '—' },
                  { title: t('proj.ledger.contractAmount'), dataIndex: 'contractAmount', width: 130, align: 'right' as const, render: (v: number | null) => wan(v) },
                  { title: t('proj.ledger.invoiceNo'), dataIndex: 'invoiceNo', width: 130, render: (v: string | null, i: LedgerItem) => cell(i, 'invoiceNo', v ?? '—') },
                  { title: t('proj.ledger.invoiceAmount'), dataIndex: 'invoiceAmount', width: 130, align: 'right' as const, render: (v: number | null, i: LedgerItem) => cell(i, 'invoiceAmount', wan(v)) },
                  { title: t('proj.ledger.invoiceDate'), dataIndex: 'invoiceDate', width: 130, render: (v: string | null, i: LedgerItem) => cell(i, 'invoiceDate', v ? formatCalendarDate(v) : '—') },
                  { title: t('proj.ledger.paymentVoucherNo'), dataIndex: 'paymentVoucherNo', width: 130, render: (v: string | null) => v ?? '—' },
                  { title: t('proj.ledger.paymentAmount'), dataIndex: 'paymentAmount', width: 130, align: 'right' as const, render: (v: number | null, i: LedgerItem) => cell(i, 'paymentAmount', wan(v)) },
                ]),
            ...(itemised ? [{ title: t('proj.ledger.lineTotal'), dataIndex: 'amount', width: 130, align: 'right' as const, render: (v: number) => wan(v) }] : []),
            {
              title: t('proj.ledger.scans'),
              key: 'files',
              width: 130,
              render: (_v, i) =>
                cell(
                  i,
                  'files',
                  <>
                    <ScanLinks projectId={projectId} files={i.files.contract} label={t('proj.ledger.scanContract')} />
                    <ScanLinks projectId={projectId} files={i.files.invoice} label={t('proj.ledger.scanInvoice')} />
                    <ScanLinks projectId={projectId} files={i.files.payment} label={t('proj.ledger.scanPayment')} />
                    {i.files.contract.length + i.files.invoice.length + i.files.payment.length === 0 && '—'}
                  </>,
                ),
            },
            ...(canEdit
              ? [
                  {
                    title: t('proj.actions'),
                    key: 'actions',
                    width: 150,
                    fixed: 'right' as const,
                    render: (_v: unknown, i: LedgerItem) => (
                      <Space size={4}>
                        <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(i)} data-testid="ledger-edit">
                          {t('common.edit')}
                        </Button>
                        <Popconfirm title={t('proj.ledger.deleteConfirm', { item: i.item })} onConfirm={() => void remove(i)}>
                          <Button size="small" danger icon={<DeleteOutlined />} data-testid="ledger-delete" />
                        </Popconfirm>
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Section>
      {editing && (
        <ItemModal
          projectId={projectId}
          ledger={l}
          item={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            message.success(t('proj.ledger.saved'));
            refresh();
          }}
        />
      )}
    </div>
  );
}
