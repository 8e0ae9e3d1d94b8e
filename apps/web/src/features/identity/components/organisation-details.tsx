import type { Organisation } from '@shenbao/contracts';
import { Descriptions, type DescriptionsProps } from 'antd';
import { Link } from 'react-router-dom';
import { useRequest } from '../../../api/use-request.ts';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { formatDate } from '../../../ui/format.ts';
import { getOrganisation } from '../api.ts';

type Items = NonNullable<DescriptionsProps['items']>;

export function OrganisationDetails({ organisation: o }: { organisation: Organisation }) {
  const { t, labels } = useI18n();
  const empty = t('common.empty');
  // Users see upwards only as far as the server lets them (an enterprise cannot read its city): no row then.
  const parent = useRequest((signal) => (o.parentId ? getOrganisation(o.parentId, signal) : Promise.resolve(null)), [o.parentId]);

  const items: Items = [
    { key: 'name', label: t('org.name'), children: o.name },
    { key: 'kind', label: t('org.kind'), children: labels.kind(o.kind) },
    { key: 'divisionCode', label: t('org.divisionCode'), children: o.divisionCode },
    { key: 'divisionName', label: t('org.divisionName'), children: o.divisionName ?? empty },
    { key: 'regionClass', label: t('org.regionClass'), children: o.regionClass ? labels.region(o.regionClass) : empty },
    { key: 'creditCode', label: t('org.creditCode'), children: o.creditCode ? <code>{o.creditCode}</code> : empty },
    { key: 'createdAt', label: t('org.createdAt'), children: formatDate(o.createdAt) },
  ];
  if (parent.data) {
    items.push({ key: 'parent', label: t('org.parent'), children: <Link to={`/organisations/${parent.data.id}`}>{parent.data.name}</Link> });
  }
  return (
    <Descriptions
      column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }}
      size="small"
      bordered
      items={items}
      data-testid="organisation-details"
    />
  );
}
