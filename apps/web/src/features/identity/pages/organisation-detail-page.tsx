import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useRequest } from '../../../api/use-request.ts';
import { useAuth, useMe } from '../../../app/auth/auth-provider.tsx';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { ORGANISATION_LIST_ROLES, hasAnyRole } from '../../../app/navigation.ts';
import { ErrorView, PageLoading } from '../../../ui/status-views.tsx';
import { getOrganisation } from '../api.ts';
import { OrganisationDetails } from '../components/organisation-details.tsx';
import { OrganisationFormModal } from '../components/organisation-form-modal.tsx';
import { OrganisationUsersCard } from '../components/organisation-users-card.tsx';
import { canEditOrganisation, canReadUsers } from '../role-options.ts';

/** /organisations/:id: an organisation's details and its users. */
export function OrganisationDetailPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const { refresh } = useAuth();
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const { data: organisation, error, loading, reload } = useRequest((signal) => getOrganisation(id, signal), [id]);

  if (error !== undefined) return <ErrorView error={error} onRetry={reload} />;
  if (!organisation || (loading && organisation.id !== id)) return <PageLoading />;

  const canEdit = canEditOrganisation(me, organisation.id);
  const backToList = hasAnyRole(me.user.roles, ORGANISATION_LIST_ROLES);

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            {backToList && (
              <Link to="/organisations" aria-label={t('org.back')}>
                <ArrowLeftOutlined />
              </Link>
            )}
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="organisation-name">
              {organisation.name}
            </Typography.Title>
          </Space>
        }
        extra={
          canEdit && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="edit-organisation">
              {t('common.edit')}
            </Button>
          )
        }
      >
        <OrganisationDetails organisation={organisation} />
      </Card>
      {canReadUsers(me, organisation.id) && <OrganisationUsersCard organisation={organisation} onChanged={reload} />}
      {canEdit && (
        <OrganisationFormModal
          mode="edit"
          open={editing}
          organisation={organisation}
          onClose={() => setEditing(false)}
          onSaved={(saved) => {
            setEditing(false);
            reload();
            if (saved.id === me.organisation.id) void refresh();
          }}
        />
      )}
    </Space>
  );
}
