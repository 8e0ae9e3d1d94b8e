import { Card, List, Tag } from 'antd';
import { useMe } from '../../../app/auth/auth-provider.tsx';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';

/** In plain words, what each of the user's roles does on the platform. */
export function DutiesCard() {
  const { user } = useMe();
  const { t, labels } = useI18n();
  return (
    <Card title={t('home.duties')} data-testid="duties-card">
      <List
        dataSource={user.roles}
        renderItem={(role) => (
          <List.Item>
            <List.Item.Meta title={<Tag color="blue">{labels.role(role)}</Tag>} description={t(`duty.${role}`)} />
          </List.Item>
        )}
      />
    </Card>
  );
}
