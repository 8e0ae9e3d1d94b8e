import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { AuditVerification } from '@shenbao/contracts';
import { Alert, Button } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { verifyAuditChain } from '../api.ts';

/** 校验哈希链: recomputes every event's hash on the server and reports the first break. */
export function useChainVerification() {
  const [result, setResult] = useState<AuditVerification | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const run = async () => {
    setRunning(true);
    setError(null);
    try {
      setResult(await verifyAuditChain());
    } catch (cause) {
      setResult(null);
      setError(cause instanceof Error ? cause.message : String(cause));
    } finally {
      setRunning(false);
    }
  };
  const clear = () => {
    setResult(null);
    setError(null);
  };
  return { result, error, running, run, clear };
}

export function VerifyChainButton({ running, onClick }: { running: boolean; onClick: () => void }) {
  const { t } = useI18n();
  return (
    <Button icon={<SafetyCertificateOutlined />} loading={running} onClick={onClick} data-testid="verify-chain">
      {t('audit.verify')}
    </Button>
  );
}

export function VerificationAlert({
  result,
  error,
  onClose,
}: {
  result: AuditVerification | null;
  error: string | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  if (error) return <Alert type="error" showIcon closable onClose={onClose} message={error} style={{ marginBottom: 16 }} />;
  if (!result) return null;
  return result.ok ? (
    <Alert
      type="success"
      showIcon
      closable
      onClose={onClose}
      message={t('audit.verifyOk', { n: result.checked })}
      style={{ marginBottom: 16 }}
      data-testid="verify-result"
    />
  ) : (
    <Alert
      type="error"
      showIcon
      closable
      onClose={onClose}
      message={t('audit.verifyBroken', { id: result.firstBrokenId ?? '?', n: result.checked })}
      style={{ marginBottom: 16 }}
      data-testid="verify-result"
    />
  );
}
