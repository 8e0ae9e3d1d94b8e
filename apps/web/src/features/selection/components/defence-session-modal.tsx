import type { DefenceOverview, DefenceSessionBody, ExpertSummary } from '@shenbao/contracts';
import { Alert, DatePicker, Form, Input, InputNumber, Modal, Select, Table } from 'antd';
import type { ButtonProps } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { applyServerErrors } from '../../../ui/form-errors.ts';
import { formatDateTime } from '../../../ui/format.ts';
import { createDefenceSession } from '../api.ts';

interface Values {
  room: string;
  span: [Dayjs, Dayjs];
  panelExpertIds: string[];
  applicationIds: string[];
  slotMinutes: number;
}

const FIELDS = ['room', 'span', 'panelExpertIds', 'applicationIds', 'slotMinutes'] as const;

interface DefenceSessionModalProps {
  open: boolean;
  callId: string;
  /** Shortlisted applications without a slot yet. */
  candidates: DefenceOverview['shortlist'];
  experts: readonly ExpertSummary[];
  onCreated: () => void;
  onClose: () => void;
}

/** Consecutive slots from the session's start, in the order chosen; null when they do not fit in the session. */
export function consecutiveSlots(start: Dayjs, end: Dayjs, applicationIds: readonly string[], minutes: number): DefenceSessionBody['slots'] | null {
  const slots = applicationIds.map((applicationId, index) => ({
    applicationId,
    startsAt: start.add(index * minutes, 'minute').toISOString(),
    endsAt: start.add((index + 1) * minutes, 'minute').toISOString(),
  }));
  const last = slots.at(-1);
  return last && Date.parse(last.endsAt) > end.valueOf() ? null : slots;
}

/** 安排答辩: room, time span and panel; presenters get consecutive slots. The server refuses a conflicted panelist. */
export function DefenceSessionModal({ open, callId, candidates, experts, onCreated, onClose }: DefenceSessionModalProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const [errors, setErrors] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const values = Form.useWatch([], form) as Partial<Values> | undefined;
  const preview = values?.span && values.applicationIds?.length && values.slotMinutes ? consecutiveSlots(values.span[0], values.span[1], values.applicationIds, values.slotMinutes) : null;
  const names = new Map(candidates.map((c) => [c.applicationId, `${c.projectName ?? ''}（${c.applicantName}）`]));

  const submit = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const slots = consecutiveSlots(v.span[0], v.span[1], v.applicationIds, v.slotMinutes);
    if (!slots) {
      setErrors([t('sel.defence.slotsDoNotFit')]);
      return;
    }
    setSaving(true);
    setErrors([]);
    try {
      await createDefenceSession(callId, { room: v.room.trim(), startsAt: v.span[0].toISOString(), endsAt: v.span[1].toISOString(), panelExpertIds: v.panelExpertIds, slots });
      onCreated();
    } catch (cause) {
      setErrors(applyServerErrors(form, cause, [...FIELDS]));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      width={760}
      title={t('sel.defence.addSession')}
      onCancel={onClose}
      onOk={() => void submit()}
      okButtonProps={{ loading: saving, 'data-testid': 'defence-session-confirm' } as ButtonProps}
      destroyOnHidden
    >
      {errors.length > 0 && <Alert type="error" showIcon message={errors.join('；')} style={{ marginBottom: 12 }} data-testid="defence-session-error" />}
      <Form<Values> form={form} layout="vertical" preserve={false} initialValues={{ slotMinutes: 20, applicationIds: candidates.map((c) => c.applicationId) }}>
        <Form.Item name="room" label={t('sel.defence.room')} rules={[{ required: true, whitespace: true, message: t('common.enter', { field: t('sel.defence.room') }) }]}>
          <Input maxLength={200} data-testid="defence-room" />
        </Form.Item>
        <Form.Item name="span" label={t('sel.defence.time')} rules={[{ required: true, message: t('common.choose', { field: t('sel.defence.time') }) }]}>
          <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} data-testid="defence-span" />
        </Form.Item>
        <Form.Item name="panelExpertIds" label={t('sel.defence.panel')} rules={[{ required: true, message: t('common.choose', { field: t('sel.defence.panel') }) }]}>
          <Select mode="multiple" showSearch optionFilterProp="label" options={experts.map((e) => ({ value: e.userId, label: `${e.name}（${e.employerName}）` }))} data-testid="defence-panel" />
        </Form.Item>
        <Form.Item name="applicationIds" label={t('sel.defence.presenters')} rules={[{ required: true, message: t('common.choose', { field: t('sel.defence.presenters') }) }]}>
          <Select mode="multiple" options={candidates.map((c) => ({ value: c.applicationId, label: names.get(c.applicationId) }))} data-testid="defence-presenters" />
        </Form.Item>
        <Form.Item name="slotMinutes" label={t('sel.defence.slotMinutes')} rules={[{ required: true }]}>
          <InputNumber min={5} max={240} precision={0} addonAfter={t('sel.defence.minutes')} />
        </Form.Item>
      </Form>
      {values?.span && values.applicationIds && values.applicationIds.length > 0 && (
        preview ? (
          <Table
            size="small"
            pagination={false}
            rowKey="applicationId"
            dataSource={preview}
            columns={[
              { title: t('sel.defence.slot'), key: 'slot', width: 220, render: (_v, s) => `${formatDateTime(s.startsAt)} — ${formatDateTime(s.endsAt).slice(11, 16)}` },
              { title: t('applications.projectName'), key: 'project', render: (_v, s) => names.get(s.applicationId) },
            ]}
          />
        ) : (
          <Alert type="warning" showIcon message={t('sel.defence.slotsDoNotFit')} />
        )
      )}
    </Modal>
  );
}
