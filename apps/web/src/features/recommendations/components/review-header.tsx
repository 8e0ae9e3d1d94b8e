import { ArrowLeftOutlined } from '@ant-design/icons';
import type { ApplicationDetail, InboxItem, PackForm } from '@shenbao/contracts';
import { Alert, Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { fieldIdOfPath, findField } from '../../../forms/form-model.ts';
import { formatDateMinute, formatDateTime } from '../../../ui/format.ts';
import { Mono } from '../../../ui/mono.tsx';
import { StatusTag } from '../../applications/components/status-tag.tsx';
import { PriorityTags } from './hint-tags.tsx';
import { DocumentDownloads } from '../../documents/components/document-downloads.tsx';

/** Rule findings shown at first, the rest behind 展开全部 (a sparse application can raise dozens). */
const FIRST_WARNINGS = 5;

function WarningsAlert({ warnings, fieldLabel }: { warnings: InboxItem['warnings']; fieldLabel: (path: string) => string }) {
  const { t } = useI18n();
  const [all, setAll] = useState(false);
  const shown = all ? warnings : warnings.slice(0, FIRST_WARNINGS);
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="review-warnings"
      message={t('rec.review.warnings', { n: warnings.length })}
      description={
        <>
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {shown.map((w) => (
              <li key={`${w.path}:${w.message}`}>{t('common.labelled', { label: fieldLabel(w.path), value: w.message })}</li>
            ))}
          </ul>
          {warnings.length > FIRST_WARNINGS && (
            <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => setAll(!all)} data-testid="review-warnings-toggle">
              {all ? t('rec.review.collapse') : t('rec.review.showAll', { n: warnings.length })}
            </Button>
          )}
        </>
      }
    />
  );
}

interface ReviewHeaderProps {
  detail: ApplicationDetail;
  item: InboxItem | undefined;
  form: PackForm;
  backTo: string;
}

/** Who applied for what, and what the reviewer should look at first: duplicates, rule warnings, a pending return. */
export function ReviewHeader({ detail, item, form, backTo }: ReviewHeaderProps) {
  const { t } = useI18n();
  const a = detail.application;
  const fieldLabel = (path: string) => findField(form, fieldIdOfPath(path) ?? '')?.label ?? path;
  const returned = detail.returnOpinion;
  return (
    <Card style={{ marginBottom: 16 }}>
      <div style={{ display: 'flex', alignItems: 'flex-start', gap: 12, marginBottom: 16 }}>
        <Link to={backTo} aria-label={t('rec.review.back')} style={{ lineHeight: '32px' }} data-testid="review-back">
          <ArrowLeftOutlined />
        </Link>
        <div style={{ flex: 1 }}>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="review-project-name">
            {a.projectName ?? t('applications.untitled')}
          </Typography.Title>
          <Space wrap style={{ marginTop: 4 }}>
            <StatusTag application={a} />
            {a.number && <Mono>{a.number}</Mono>}
            {item && <PriorityTags flags={item.priorityFlags} />}
          </Space>
        </div>
        <DocumentDownloads applicationId={a.id} />
      </div>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2, xl: 3 }}
        items={[
          { key: 'applicant', label: t('applications.applicant'), children: a.applicantName },
          { key: 'recommender', label: t('applications.recommender'), children: a.recommenderName ?? t('common.empty') },
          { key: 'direction', label: t('applications.direction'), children: a.directionLabel ?? t('common.empty') },
          { key: 'form', label: t('applications.form'), children: a.formTitle },
          { key: 'submitted', label: t('applications.submittedAt'), children: formatDateTime(a.submittedAt) },
          { key: 'call', label: t('applications.call'), children: a.callTitle },
        ]}
      />
      <Space direction="vertical" style={{ width: '100%', marginTop: 8 }}>
        {item?.duplicates.map((message) => (
          <Alert key={message} type="error" showIcon message={t('rec.inbox.duplicate')} description={message} data-testid="review-duplicate" />
        ))}
        {item && item.warnings.length > 0 && <WarningsAlert warnings={item.warnings} fieldLabel={fieldLabel} />}
        {a.status === 'returned' && returned && (
          <Alert
            type="warning"
            showIcon
            data-testid="review-returned"
            message={t('rec.review.returned', { time: formatDateTime(returned.at) })}
            description={
              <>
                <div style={{ whiteSpace: 'pre-wrap' }}>{returned.opinion}</div>
                {returned.fields.length > 0 && (
                  <div style={{ marginTop: 4 }}>
                    {returned.fields.map((path) => (
                      <Tag key={path} color="orange">
                        {fieldLabel(path)}
                      </Tag>
                    ))}
                  </div>
                )}
                {returned.revisionDeadline && <div style={{ marginTop: 4 }}>{t('opinion.deadline', { time: formatDateMinute(returned.revisionDeadline) })}</div>}
              </>
            }
          />
        )}
      </Space>
    </Card>
  );
}
