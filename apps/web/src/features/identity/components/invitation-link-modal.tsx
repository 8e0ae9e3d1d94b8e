import type { Invitation } from '@shenbao/contracts';
import { Button, Input, Modal, Space, Typography } from 'antd';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { CopyButton } from '../../../ui/copy-button.tsx';
import { formatDateTime } from '../../../ui/format.ts';

export function invitationLink(token: string): string {
  return `${window.location.origin}/invitation?token=${encodeURIComponent(token)}`;
}

/** The link is shown once: the server keeps only a hash of the token. */
export function InvitationLinkModal({ invitation, onClose }: { invitation: Invitation | null; onClose: () => void }) {
  const { t } = useI18n();
  const link = invitation ? invitationLink(invitation.invitationToken) : '';
  return (
    <Modal
      open={invitation !== null}
      title={t('invite.title')}
      onCancel={onClose}
      maskClosable={false}
      width={640}
      footer={<Button onClick={onClose}>{t('invite.close')}</Button>}
    >
      {invitation && (
        <>
          <Typography.Paragraph>{t('invite.intro', { name: invitation.user.displayName })}</Typography.Paragraph>
          <Space.Compact style={{ width: '100%', marginBottom: 8 }}>
            <Input readOnly value={link} onFocus={(e) => e.target.select()} data-testid="invitation-link" />
            <CopyButton text={link} label={t('invite.copy')} doneLabel={t('invite.copied')} testId="copy-invitation-link" />
          </Space.Compact>
          <Typography.Text type="secondary">{t('invite.expiresAt', { time: formatDateTime(invitation.expiresAt) })}</Typography.Text>
        </>
      )}
    </Modal>
  );
}
