import { UserAddOutlined } from '@ant-design/icons';
import type { Invitation, Organisation, User } from '@shenbao/contracts';
import { App, Button, Card } from 'antd';
import { useState } from 'react';
import { useRequest } from '../../../api/use-request.ts';
import { useMe } from '../../../app/auth/auth-provider.tsx';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { ErrorView } from '../../../ui/status-views.tsx';
import { listUsers, removeUser } from '../api.ts';
import { canManageUsers, grantableRoles } from '../role-options.ts';
import { InvitationLinkModal } from './invitation-link-modal.tsx';
import { InviteUserModal } from './invite-user-modal.tsx';
import { UsersTable } from './users-table.tsx';

/** The users of one organisation, with 邀请用户 and 移除 for those who manage them. */
export function OrganisationUsersCard({ organisation, onChanged }: { organisation: Organisation; onChanged: () => void }) {
  const me = useMe();
  const { t } = useI18n();
  const { message } = App.useApp();
  const [inviting, setInviting] = useState(false);
  const [invitation, setInvitation] = useState<Invitation | null>(null);
  const { data, error, loading, reload } = useRequest((signal) => listUsers(organisation.id, signal), [organisation.id]);
  const roles = grantableRoles(me, organisation.kind);
  const manage = canManageUsers(me, organisation.id) && roles.length > 0;

  const remove = async (user: User) => {
    try {
      await removeUser(organisation.id, user.id);
      message.success(t('users.removed', { name: user.displayName }));
      reload();
      onChanged();
    } catch (cause) {
      message.error(cause instanceof Error ? cause.message : String(cause));
    }
  };

  return (
    <Card
      title={t('users.title')}
      data-testid="organisation-users"
      extra={
        manage && (
          <Button type="primary" icon={<UserAddOutlined />} onClick={() => setInviting(true)} data-testid="invite-user">
            {t('users.invite')}
          </Button>
        )
      }
    >
      {error !== undefined ? (
        <ErrorView error={error} onRetry={reload} />
      ) : (
        <UsersTable users={data?.items ?? []} loading={loading} currentUserId={me.user.id} onRemove={manage ? remove : undefined} />
      )}
      {manage && (
        <InviteUserModal
          open={inviting}
          organisationId={organisation.id}
          roles={roles}
          onClose={() => setInviting(false)}
          onInvited={(created) => {
            setInviting(false);
            setInvitation(created);
            reload();
            onChanged();
          }}
        />
      )}
      <InvitationLinkModal invitation={invitation} onClose={() => setInvitation(null)} />
    </Card>
  );
}
