import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Dropdown, Empty, List, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { listNotifications, markNotificationsRead, type NotificationItem, type NotificationList } from '../api.ts';

/** How often the bell asks for news while the page is open. */
const POLL_MS = 60_000;

function NotificationRow({ item, onOpen }: { item: NotificationItem; onOpen: (item: NotificationItem) => void }) {
  return (
    <List.Item
      onClick={() => onOpen(item)}
      style={{ cursor: 'pointer', padding: '10px 16px', background: item.readAt ? undefined : '#f0f5ff' }}
      data-testid="notification-item"
      data-read={item.readAt ? 'true' : 'false'}
    >
      <List.Item.Meta
        title={
          <Typography.Text strong={!item.readAt} style={{ fontSize: 13 }}>
            {item.title}
          </Typography.Text>
        }
        description={
          <>
            <Typography.Paragraph style={{ margin: 0, fontSize: 12 }} ellipsis={{ rows: 2 }}>
              {item.body}
            </Typography.Paragraph>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(item.createdAt)}
            </Typography.Text>
          </>
        }
      />
    </List.Item>
  );
}

/** 站内通知: the unread count in the header; the list drops down, a click opens the link and marks it read. */
export function NotificationBell() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [data, setData] = useState<NotificationList | null>(null);
  const [open, setOpen] = useState(false);

  const load = useCallback(async () => {
    try {
      setData(await listNotifications());
    } catch {
      // The bell is secondary: a failed poll keeps the last list.
    }
  }, []);

  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), POLL_MS);
    return () => clearInterval(timer);
  }, [load]);

  const markRead = async (ids: string[]) => {
    if (ids.length === 0) return;
    try {
      await markNotificationsRead(ids);
    } finally {
      await load();
    }
  };

  const openItem = (item: NotificationItem) => {
    setOpen(false);
    if (!item.readAt) void markRead([item.id]);
    if (item.link?.startsWith('/')) navigate(item.link);
  };

  const unreadIds = (data?.items ?? []).filter((i) => !i.readAt).map((i) => i.id);
  const panel = (
    <div style={{ width: 360, background: '#fff', borderRadius: 6, boxShadow: '0 6px 16px rgba(0,0,0,0.12)' }} data-testid="notification-panel">
      <div style={{ display: 'flex', alignItems: 'center', padding: '10px 16px', borderBottom: '1px solid #f0f0f0' }}>
        <Typography.Text strong style={{ flex: 1 }}>
          {t('notifications.title')}
        </Typography.Text>
        <Button type="link" size="small" disabled={unreadIds.length === 0} onClick={() => void markRead(unreadIds)} data-testid="notifications-read-all">
          {t('notifications.readAll')}
        </Button>
      </div>
      <div style={{ maxHeight: 420, overflowY: 'auto' }}>
        {data && data.items.length > 0 ? (
          <List dataSource={data.items} renderItem={(item) => <NotificationRow item={item} onOpen={openItem} />} />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} style={{ padding: 24 }} />
        )}
      </div>
    </div>
  );

  return (
    <Dropdown open={open} onOpenChange={setOpen} trigger={['click']} placement="bottomRight" popupRender={() => panel}>
      <Button type="text" aria-label={t('notifications.title')} style={{ color: 'inherit' }} data-testid="notification-bell">
        <Badge count={data?.unread ?? 0} size="small" offset={[4, -2]} data-testid="notification-unread">
          <BellOutlined style={{ color: '#fff', fontSize: 18 }} />
        </Badge>
      </Button>
    </Dropdown>
  );
}
