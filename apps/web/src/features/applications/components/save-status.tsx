import { CheckCircleOutlined, ExclamationCircleOutlined, LoadingOutlined, EditOutlined } from '@ant-design/icons';
import { Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import type { SectionSaveState } from '../use-section-saves.ts';

export type SaveStatusKind = 'saving' | 'conflict' | 'error' | 'unsaved' | 'saved' | 'clean';

export function saveStatusOf(sections: Readonly<Record<string, SectionSaveState>>, savedAt: string | null): SaveStatusKind {
  const all = Object.values(sections);
  if (all.some((s) => s.saving)) return 'saving';
  if (all.some((s) => s.conflict)) return 'conflict';
  if (all.some((s) => s.error)) return 'error';
  if (all.some((s) => s.dirty)) return 'unsaved';
  return savedAt ? 'saved' : 'clean';
}

/** 已保存 HH:mm:ss / 保存中… / 未保存的修改, next to the 保存 button. */
export function SaveStatus({ sections, savedAt }: { sections: Readonly<Record<string, SectionSaveState>>; savedAt: string | null }) {
  const { t } = useI18n();
  const kind = saveStatusOf(sections, savedAt);
  const time = savedAt ? formatDateTime(savedAt).slice(11) : '';
  const view: Record<SaveStatusKind, { icon: ReactNode; text: string; type?: 'secondary' | 'warning' | 'danger' | 'success' }> = {
    saving: { icon: <LoadingOutlined />, text: t('save.saving'), type: 'secondary' },
    conflict: { icon: <ExclamationCircleOutlined />, text: t('save.conflict'), type: 'danger' },
    error: { icon: <ExclamationCircleOutlined />, text: t('save.failed'), type: 'danger' },
    unsaved: { icon: <EditOutlined />, text: t('save.unsaved'), type: 'warning' },
    saved: { icon: <CheckCircleOutlined />, text: t('save.saved', { time }), type: 'success' },
    clean: { icon: <CheckCircleOutlined />, text: t('save.clean'), type: 'secondary' },
  };
  const { icon, text, type } = view[kind];
  return (
    <Typography.Text type={type} data-testid="save-status" data-state={kind}>
      <Space size={4}>
        {icon}
        {text}
      </Space>
    </Typography.Text>
  );
}
