import { FilePdfOutlined, FileExcelOutlined } from '@ant-design/icons';
import type { Objection, SelectionView } from '@shenbao/contracts';
import { Alert, App, Button, Descriptions, Form, Input, Popconfirm, Space, Steps, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useRequest } from '../../../api/use-request.ts';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { applyServerErrors } from '../../../ui/form-errors.ts';
import { formatDateTime } from '../../../ui/format.ts';
import { useServerClockOffset, useServerNow } from '../../../ui/server-clock.ts';
import { Section } from '../../../ui/section.tsx';
import { ErrorView, PageLoading } from '../../../ui/status-views.tsx';
import { approveSelection, getDecision, publishList, publishNotice, resolveObjection, selectionListUrl } from '../api.ts';
import { NoticePeriod, noticePhase } from './notice-period.tsx';
import { ObjectionModal } from './objection-modal.tsx';
import { ObjectionsTable } from './objections-table.tsx';
import { ProposalEditor } from './proposal-editor.tsx';
import { SelectionListTable } from './selection-list-table.tsx';

type Status = NonNullable<SelectionView['selection']>['status'];
const STEP: Record<Status, number> = { proposed: 0, approved: 1, public_notice: 2, published: 3 };

/** A one-field form whose server errors land on the field (审定人, 公布文号). */
function useActionForm<Values extends object>() {
  const [form] = Form.useForm<Values>();
  const [errors, setErrors] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const run = async (fields: readonly (keyof Values & string)[], action: (values: Values) => Promise<void>) => {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    setErrors([]);
    try {
      await action(values);
    } catch (cause) {
      // The server's message often already names what its field list repeats.
      const [first, ...rest] = applyServerErrors(form, cause, fields);
      setErrors(first === undefined ? [] : [first, ...rest.filter((m) => !first.includes(m))]);
    } finally {
      setSaving(false);
    }
  };
  return { form, errors, saving, run };
}

function defaultNoticeText(view: SelectionView): string {
  return (
    `根据《${view.callTitle}》要求，经申报单位申报、推荐单位审核推荐、政策性审查和专家评审，拟确定以下项目入选，现予以公示。\n` +
    `公示期为${view.publicNoticeDays}天。公示期间，任何单位和个人对公示项目有异议的，可通过本平台“公示公告”栏目实名提出异议，并留下真实姓名（单位名称）和联系方式，附必要的证明材料。逾期及匿名异议不予受理。`
  );
}

/**
 * 审定与公示: the proposed list (拟定), its approval (审定), the public notice (公示) with objections, and the
 * published list (公布) with its document number; 入选名单 as Excel and PDF.
 */
export function DecisionTab({ callId }: { callId: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const decision = useRequest((signal) => getDecision(callId, signal), [callId]);
  const [dirty, setDirty] = useState(false);
  const [resolving, setResolving] = useState<Objection | null>(null);
  // An approved list may still change before the 公示: it then goes back for approval.
  const [reopened, setReopened] = useState(false);
  const approve = useActionForm<{ approverName: string }>();
  const notice = useActionForm<{ title: string; text: string }>();
  const publish = useActionForm<{ documentNumber: string }>();
  const now = useServerNow(useServerClockOffset(decision.data?.now), 5000);

  if (decision.error !== undefined) return <ErrorView error={decision.error} onRetry={decision.reload} />;
  if (!decision.data) return <PageLoading />;
  const view = decision.data;
  const selection = view.selection;
  const status = selection?.status;
  const phase = selection ? noticePhase(selection.noticeStartsAt, selection.noticeEndsAt, now) : 'none';
  const openObjections = view.objections.filter((o) => o.status === 'open').length;
  const exceeded = view.ceilings.filter((c) => c.exceeded);
  const done = (text: string) => {
    message.success(text);
    decision.reload();
  };

  return (
    <div data-testid="decision-tab" data-status={status ?? 'none'}>
      <Steps
        size="small"
        current={status ? STEP[status] + (status === 'published' ? 1 : 0) : 0}
        style={{ marginBottom: 24 }}
        items={[{ title: t('sel.decision.stepPropose') }, { title: t('sel.decision.stepApprove') }, { title: t('sel.decision.stepNotice') }, { title: t('sel.decision.stepPublish') }]}
      />

      {selection && (
        <Space wrap style={{ marginBottom: 16 }}>
          <Tag color={status === 'published' ? 'success' : 'processing'} data-testid="selection-status" data-status={status}>
            {selection.statusLabel}
          </Tag>
          {selection.approverName && <Typography.Text type="secondary">{t('sel.decision.approvedBy', { name: selection.approverName, time: formatDateTime(selection.approvedAt) })}</Typography.Text>}
          <Button size="small" icon={<FileExcelOutlined />} href={selectionListUrl(callId, 'xlsx')} data-testid="selection-download-xlsx">
            {t('sel.decision.downloadXlsx')}
          </Button>
          <Button size="small" icon={<FilePdfOutlined />} href={selectionListUrl(callId, 'pdf')} target="_blank" data-testid="selection-download-pdf">
            {t('sel.decision.downloadPdf')}
          </Button>
        </Space>
      )}

      {(!selection || status === 'proposed' || (status === 'approved' && reopened)) && (
        <>
          <Section title={t('sel.decision.proposeTitle')}>
            <Typography.Paragraph type="secondary">{t('sel.decision.proposeHint')}</Typography.Paragraph>
            <ProposalEditor
              key={`${selection?.version ?? 0}`}
              callId={callId}
              view={view}
              onSaved={() => {
                setReopened(false);
                decision.reload();
              }}
              onDirtyChange={setDirty}
            />
          </Section>
          {selection && status === 'proposed' && (
            <Section title={t('sel.decision.approveTitle')}>
              {approve.errors.length > 0 && <Alert type="error" showIcon message={approve.errors.join('；')} style={{ marginBottom: 12 }} data-testid="approve-error" />}
              {exceeded.length > 0 && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={t('sel.decision.exceededBlock', { list: exceeded.map((c) => c.label).join('、') })} />}
              <Form form={approve.form} layout="inline">
                <Form.Item
                  name="approverName"
                  label={t('sel.decision.approverName')}
                  rules={[
                    { required: true, whitespace: true, message: t('common.enter', { field: t('sel.decision.approverName') }) },
                    { min: 2, max: 50, message: t('sel.decision.approverLength') },
                  ]}
                >
                  <Input maxLength={50} style={{ width: 200 }} data-testid="approve-name" />
                </Form.Item>
                <Popconfirm
                  title={t('sel.decision.approveConfirm', { n: selection.items.length })}
                  disabled={dirty || selection.items.length === 0}
                  onConfirm={() =>
                    approve.run(['approverName'], async (v) => {
                      await approveSelection(callId, { approverName: v.approverName.trim() });
                      done(t('sel.decision.approvedDone'));
                    })
                  }
                >
                  <Button type="primary" loading={approve.saving} disabled={dirty || selection.items.length === 0} data-testid="approve-submit">
                    {t('sel.decision.approve')}
                  </Button>
                </Popconfirm>
              </Form>
              {dirty && <Typography.Text type="warning">{t('sel.decision.saveFirst')}</Typography.Text>}
            </Section>
          )}
        </>
      )}

      {selection && status !== 'proposed' && !reopened && (
        <Section
          title={t(status === 'published' ? 'sel.decision.publishedList' : 'sel.decision.approvedList', { n: selection.items.length })}
          extra={
            status === 'approved' ? (
              <Button onClick={() => setReopened(true)} data-testid="proposal-reopen">
                {t('sel.decision.reopen')}
              </Button>
            ) : undefined
          }
        >
          <SelectionListTable items={selection.items} showOutcome={view.outcomes.length > 1} />
        </Section>
      )}

      {selection && status === 'approved' && !reopened && (
        <Section title={t('sel.decision.noticeTitle')}>
          <Typography.Paragraph type="secondary">{t('sel.decision.noticeHint', { days: view.publicNoticeDays })}</Typography.Paragraph>
          {notice.errors.length > 0 && <Alert type="error" showIcon message={notice.errors.join('；')} style={{ marginBottom: 12 }} data-testid="notice-error" />}
          <Form form={notice.form} layout="vertical" initialValues={{ title: `${view.callTitle}拟入选名单公示`, text: defaultNoticeText(view) }}>
            <Form.Item name="title" label={t('sel.decision.noticeTitleField')} rules={[{ required: true, whitespace: true, min: 4, max: 200, message: t('sel.decision.noticeTitleLength') }]}>
              <Input maxLength={200} data-testid="notice-title" />
            </Form.Item>
            <Form.Item name="text" label={t('sel.decision.noticeText')} rules={[{ required: true, whitespace: true, min: 4, max: 10000, message: t('sel.decision.noticeTextLength') }]}>
              <Input.TextArea rows={5} maxLength={10000} showCount data-testid="notice-text" />
            </Form.Item>
            <Popconfirm
              title={t('sel.decision.noticeConfirm', { days: view.publicNoticeDays })}
              onConfirm={() =>
                notice.run(['title', 'text'], async (v) => {
                  await publishNotice(callId, { title: v.title.trim(), text: v.text.trim() });
                  done(t('sel.decision.noticeDone'));
                })
              }
            >
              <Button type="primary" loading={notice.saving} data-testid="notice-submit">
                {t('sel.decision.publishNotice')}
              </Button>
            </Popconfirm>
          </Form>
        </Section>
      )}

      {selection && (status === 'public_notice' || status === 'published') && (
        <Section title={t('sel.decision.noticeState')}>
          <Descriptions
            size="small"
            bordered
            column={1}
            style={{ marginBottom: 16 }}
            items={[
              { key: 'title', label: t('sel.decision.noticeTitleField'), children: selection.noticeTitle },
              { key: 'period', label: t('sel.decision.period'), children: <NoticePeriod startsAt={selection.noticeStartsAt} endsAt={selection.noticeEndsAt} serverNow={view.now} /> },
              ...(selection.documentNumber
                ? [
                    {
                      key: 'doc',
                      label: t('sel.decision.documentNumber'),
                      children: (
                        <span data-testid="selection-document-number">
                          {selection.documentNumber}（{t('sel.decision.publishedAt', { time: formatDateTime(selection.publishedAt) })}）
                        </span>
                      ),
                    },
                  ]
                : []),
            ]}
          />
          <Section title={t('sel.objections.title', { n: view.objections.length, open: openObjections })}>
            <ObjectionsTable objections={view.objections} onResolve={setResolving} />
          </Section>
        </Section>
      )}

      {selection && status === 'public_notice' && (
        <Section title={t('sel.decision.publishTitle')}>
          {phase !== 'ended' && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('sel.decision.publishWaitPeriod')} data-testid="publish-wait" />}
          {openObjections > 0 && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('sel.decision.publishWaitObjections', { n: openObjections })} />}
          {publish.errors.length > 0 && <Alert type="error" showIcon message={publish.errors.join('；')} style={{ marginBottom: 12 }} data-testid="publish-error" />}
          <Form form={publish.form} layout="inline">
            <Form.Item
              name="documentNumber"
              label={t('sel.decision.documentNumber')}
              rules={[
                { required: true, whitespace: true, message: t('common.enter', { field: t('sel.decision.documentNumber') }) },
                { min: 4, max: 100, message: t('sel.decision.documentNumberLength') },
              ]}
            >
              <Input maxLength={100} style={{ width: 280 }} placeholder="冀工信软件函〔2024〕××号" data-testid="publish-document-number" />
            </Form.Item>
            <Popconfirm
              title={t('sel.decision.publishConfirm')}
              onConfirm={() =>
                publish.run(['documentNumber'], async (v) => {
                  await publishList(callId, { documentNumber: v.documentNumber.trim() });
                  done(t('sel.decision.publishedDone'));
                })
              }
            >
              <Button type="primary" loading={publish.saving} data-testid="publish-submit">
                {t('sel.decision.publish')}
              </Button>
            </Popconfirm>
          </Form>
        </Section>
      )}

      <ObjectionModal
        objection={resolving}
        onClose={() => setResolving(null)}
        onSubmit={async (body) => {
          if (!resolving) return;
          await resolveObjection(resolving.id, body);
          setResolving(null);
          done(t('sel.objections.resolvedDone'));
        }}
      />
    </div>
  );
}
