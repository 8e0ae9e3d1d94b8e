import type { ApplicationDetail, User } from '@shenbao/contracts';
import { Alert, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useRequest } from '../../../api/use-request.ts';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { listUsers } from '../../identity/api.ts';
import { assignFillers } from '../api.ts';

interface FillersModalProps {
  open: boolean;
  detail: ApplicationDetail;
  onClose: () => void;
  onSaved: () => void;
}

/** 指定填报人: which of the organisation's fillers may fill this application. */
export function FillersModal({ open, detail, onClose, onSaved }: FillersModalProps) {
  const { t } = useI18n();
  const organisationId = detail.application.applicantOrganisationId;
  const [chosen, setChosen] = useState<string[]>(detail.fillers.map((f) => f.userId));
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const users = useRequest((signal) => (open ? listUsers(organisationId, signal) : Promise.resolve({ items: [] as User[] })), [organisationId, open]);
  const options = (users.data?.items ?? [])
    .filter((u) => u.status !== 'removed' && u.roles.includes('applicant_filler'))
    .map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}）` }));

  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      await assignFillers(detail.application.id, chosen);
      onSaved();
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('fillers.title')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => void save()}
      onCancel={onClose}
      confirmLoading={saving}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('fillers.intro')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Select<string[]>
        mode="multiple"
        value={chosen}
        onChange={setChosen}
        loading={users.loading}
        options={options}
        style={{ width: '100%' }}
        placeholder={t('start.fillersPlaceholder')}
        data-testid="fillers-select"
      />
    </Modal>
  );
}
