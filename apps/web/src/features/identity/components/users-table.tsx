import type { User } from '@shenbao/contracts';
import { Badge, Button, Popconfirm, Space, Table, Tag } from 'antd';
import type { BadgeProps } from 'antd';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import type { MessageKey } from '../../../app/i18n/messages.ts';
import { formatDateTime } from '../../../ui/format.ts';

const STATUS: Record<User['status'], { label: MessageKey; badge: BadgeProps['status'] }> = {
  active: { label: 'status.active', badge: 'success' },
  invited: { label: 'status.invited', badge: 'processing' },
  removed: { label: 'status.removed', badge: 'default' },
};

interface UsersTableProps {
  users: User[];
  loading: boolean;
  currentUserId: string;
  /** Absent when the viewer may not remove users here. */
  onRemove?: (user: User) => Promise<void>;
}

export function UsersTable({ users, loading, currentUserId, onRemove }: UsersTableProps) {
  const { t, labels } = useI18n();
  return (
    <Table<User>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={users}
      pagination={false}
      scroll={{ x: 800 }}
      data-testid="users-table"
      columns={[
        { title: t('users.username'), dataIndex: 'username', render: (name: string) => <code>{name}</code> },
        { title: t('users.displayName'), dataIndex: 'displayName' },
        {
          title: t('users.roles'),
          dataIndex: 'roles',
          render: (_v, user) => (
            <Space size={[0, 4]} wrap>
              {user.roles.map((role) => (
                <Tag key={role}>{labels.role(role)}</Tag>
              ))}
            </Space>
          ),
        },
        {
          title: t('users.status'),
          dataIndex: 'status',
          width: 100,
          render: (_v, user) => <Badge status={STATUS[user.status].badge} text={t(STATUS[user.status].label)} />,
        },
        {
          title: t('users.lastLogin'),
          dataIndex: 'lastLoginAt',
          width: 180,
          render: (_v, user) => (user.lastLoginAt ? formatDateTime(user.lastLoginAt) : t('users.never')),
        },
        ...(onRemove
          ? [
              {
                title: t('users.actions'),
                key: 'actions',
                width: 90,
                render: (_v: unknown, user: User) =>
                  user.status === 'removed' || user.id === currentUserId ? null : (
                    <Popconfirm
                      title={t('users.removeConfirm', { name: user.displayName })}
                      okText={t('users.remove')}
                      cancelText={t('common.cancel')}
                      okButtonProps={{ danger: true }}
                      onConfirm={() => onRemove(user)}
                    >
                      <Button type="link" danger size="small" data-testid={`remove-user-${user.username}`}>
                        {t('users.remove')}
                      </Button>
                    </Popconfirm>
                  ),
              },
            ]
          : []),
      ]}
    />
  );
}
