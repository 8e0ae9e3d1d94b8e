import { Alert, Button, Checkbox, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';

interface SubmitModalProps {
  open: boolean;
  commitment: string;
  submitting: boolean;
  error: string | null;
  onCancel: () => void;
  onSubmit: () => void;
}

/** 提交: the commitment (承诺) must be read and accepted before the application goes to the recommender. */
export function SubmitModal({ open, commitment, submitting, error, onCancel, onSubmit }: SubmitModalProps) {
  const { t } = useI18n();
  const [accepted, setAccepted] = useState(false);
  return (
    <Modal
      open={open}
      title={t('submit.title')}
      onCancel={onCancel}
      footer={[
        <Button key="cancel" onClick={onCancel}>
          {t('common.cancel')}
        </Button>,
        <Button key="submit" type="primary" disabled={!accepted} loading={submitting} onClick={onSubmit} data-testid="submit-confirm">
          {t('submit.ok')}
        </Button>,
      ]}
      afterClose={() => setAccepted(false)}
      width={640}
      destroyOnHidden
      data-testid="submit-modal"
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="submit-error" />}
      <Typography.Title level={5}>{t('submit.commitment')}</Typography.Title>
      <div
        style={{ maxHeight: 320, overflowY: 'auto', padding: 12, background: '#fafafa', border: '1px solid #f0f0f0', borderRadius: 4, marginBottom: 16 }}
        data-testid="commitment-text"
      >
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0, textIndent: '2em' }}>{commitment}</Typography.Paragraph>
      </div>
      <Checkbox checked={accepted} onChange={(e) => setAccepted(e.target.checked)} data-testid="commitment-accept">
        {t('submit.accept')}
      </Checkbox>
    </Modal>
  );
}
