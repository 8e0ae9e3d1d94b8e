import type { SubmitResult } from '@shenbao/contracts';
import { Button, Modal, Result, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { Mono } from '../../../ui/mono.tsx';

/** After 提交: the 申报编号 the server gave, the time and the snapshot's hash. */
export function SubmittedModal({ result, onClose }: { result: SubmitResult | null; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Modal open={result !== null} onCancel={onClose} footer={null} width={560} destroyOnHidden>
      {result && (
        <Result
          status="success"
          title={t('submit.done')}
          subTitle={
            <>
              <div>
                {t('submit.number')}
                <Typography.Text strong copyable style={{ fontSize: 18 }} data-testid="submitted-number">
                  {result.number}
                </Typography.Text>
              </div>
              <div>{t('submit.at', { time: formatDateTime(result.submittedAt) })}</div>
              <div style={{ marginTop: 8 }}>
                SHA-256 <Mono>{result.sha256}</Mono>
              </div>
            </>
          }
          extra={[
            <Link key="list" to="/applications">
              <Button type="primary" data-testid="submitted-to-list">
                {t('submit.toList')}
              </Button>
            </Link>,
            <Button key="stay" onClick={onClose}>
              {t('submit.stay')}
            </Button>,
          ]}
        />
      )}
    </Modal>
  );
}
