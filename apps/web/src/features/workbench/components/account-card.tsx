import { Card, Descriptions, Space, Tag } from 'antd';
import { useMe } from '../../../app/auth/auth-provider.tsx';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';

/** Who is signed in: person, organisation, roles. */
export function AccountCard() {
  const { user, organisation } = useMe();
  const { t, labels } = useI18n();
  const division = organisation.divisionName
    ? `${organisation.divisionName}（${organisation.divisionCode}）`
    : organisation.divisionCode;
  return (
    <Card title={t('home.account')} data-testid="account-card">
      <Descriptions column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }} size="small">
        <Descriptions.Item label={t('home.displayName')}>{user.displayName}</Descriptions.Item>
        <Descriptions.Item label={t('home.username')}>{user.username}</Descriptions.Item>
        <Descriptions.Item label={t('home.organisation')}>{organisation.name}</Descriptions.Item>
        <Descriptions.Item label={t('home.kind')}>{labels.kind(organisation.kind)}</Descriptions.Item>
        <Descriptions.Item label={t('home.division')}>{division}</Descriptions.Item>
        <Descriptions.Item label={t('home.roles')}>
          <Space size={[0, 4]} wrap>
            {user.roles.map((role) => (
              <Tag color="blue" key={role}>
                {labels.role(role)}
              </Tag>
            ))}
          </Space>
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
