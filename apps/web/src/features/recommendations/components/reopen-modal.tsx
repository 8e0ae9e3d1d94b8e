import type { Recommendation } from '@shenbao/contracts';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { ReasonModal } from '../../../ui/reason-modal.tsx';
import { reopenRecommendation } from '../api.ts';

interface ReopenModalProps {
  open: boolean;
  recommendation: Recommendation;
  onClose: () => void;
  onReopened: (reopened: Recommendation) => void;
}

/** 同意重新开启: the issuing department consents, with a reason; the recommender is told and may rank and issue again. */
export function ReopenModal({ open, recommendation, onClose, onReopened }: ReopenModalProps) {
  const { t } = useI18n();
  return (
    <ReasonModal
      open={open}
      title={t('rec.reopen.title')}
      intro={t('rec.reopen.intro', { recommender: recommendation.recommenderName })}
      reasonLabel={t('rec.reopen.reason')}
      reasonLengthMessage={t('rec.reopen.reasonLength')}
      maxLength={1000}
      okText={t('rec.reopen.ok')}
      testId="reopen"
      onClose={onClose}
      onSubmit={async (reason) => onReopened(await reopenRecommendation(recommendation.id, reason))}
    />
  );
}
