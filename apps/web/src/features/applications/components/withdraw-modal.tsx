import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { ReasonModal } from '../../../ui/reason-modal.tsx';
import { withdrawApplication } from '../api.ts';

interface WithdrawModalProps {
  open: boolean;
  applicationId: string;
  onClose: () => void;
  onWithdrawn: () => void;
}

/** 撤回: before the recommender acts, with a reason kept in the history. */
export function WithdrawModal({ open, applicationId, onClose, onWithdrawn }: WithdrawModalProps) {
  const { t } = useI18n();
  return (
    <ReasonModal
      open={open}
      title={t('withdraw.title')}
      intro={t('withdraw.intro')}
      reasonLabel={t('withdraw.reason')}
      reasonLengthMessage={t('withdraw.reasonLength')}
      maxLength={500}
      okText={t('withdraw.ok')}
      testId="withdraw"
      onClose={onClose}
      onSubmit={async (reason) => {
        await withdrawApplication(applicationId, reason);
        onWithdrawn();
      }}
    />
  );
}
