import { Alert, Button, Checkbox, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import type { StatementPhase } from '../api.ts';
import { signStatement } from '../api.ts';

interface StatementModalProps {
  open: boolean;
  callId: string;
  callTitle: string;
  phase: StatementPhase;
  /** The server's text of the statement (statementText of the call). */
  text: string;
  onSigned: () => void;
  onCancel: () => void;
}

/** 保密及无利益冲突承诺: read, tick, 同意并签署. Before it is signed the expert sees nothing of the applications. */
export function StatementModal({ open, callId, callTitle, phase, text, onSigned, onCancel }: StatementModalProps) {
  const { t } = useI18n();
  const [agreed, setAgreed] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const sign = async () => {
    setSaving(true);
    setError(null);
    try {
      await signStatement(callId, phase);
      onSigned();
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={open}
      width={640}
      title={t(phase === 'before' ? 'expert.statement.beforeTitle' : 'expert.statement.afterTitle')}
      onCancel={onCancel}
      maskClosable={false}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onCancel}>
          {t('common.cancel')}
        </Button>,
        <Button key="sign" type="primary" disabled={!agreed} loading={saving} onClick={() => void sign()} data-testid="statement-sign">
          {t('expert.statement.sign')}
        </Button>,
      ]}
    >
      <Typography.Paragraph type="secondary">{callTitle}</Typography.Paragraph>
      <div style={{ border: '1px solid #d9d9d9', borderRadius: 6, padding: 16, background: '#fafafa', whiteSpace: 'pre-wrap', lineHeight: 1.8, textIndent: '2em' }} data-testid="statement-text">
        {text}
      </div>
      <Checkbox checked={agreed} onChange={(e) => setAgreed(e.target.checked)} style={{ marginTop: 16 }} data-testid="statement-agree">
        {t('expert.statement.agree')}
      </Checkbox>
      {error && <Alert type="error" showIcon message={error} style={{ marginTop: 12 }} data-testid="statement-error" />}
    </Modal>
  );
}
