import { Tag, Typography } from 'antd';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { Section } from '../../../ui/section.tsx';
import type { CallTabProps } from '../pack-index.ts';
import { PrintLayoutDescriptions } from './print-layout.tsx';
import { RubricTable } from './rubric-table.tsx';
import { SummaryTableSection } from './summary-table-section.tsx';

/** 评审与文书: how experts score, how the application prints, the recommendation table, later documents. */
export function ReviewTab({ pack, index }: CallTabProps) {
  const { t } = useI18n();
  const { program } = pack;
  return (
    <div data-testid="call-review">
      <Section title={t('review.rubric')}>
        {program.rubric ? <RubricTable rubric={program.rubric} /> : <Typography.Text type="secondary">{t('review.noRubric')}</Typography.Text>}
      </Section>
      <Section title={t('review.print')}>
        {program.printLayout ? (
          <PrintLayoutDescriptions layout={program.printLayout} />
        ) : (
          <Typography.Text type="secondary">{t('review.noPrint')}</Typography.Text>
        )}
      </Section>
      <Section title={t('review.summaryTable')}>
        <SummaryTableSection table={program.summaryTable} index={index} />
      </Section>
      {program.documents && program.documents.length > 0 && (
        <Section title={t('review.documents')}>
          {program.documents.map((doc) => (
            <div key={doc.id} style={{ marginBottom: 12 }}>
              <Typography.Text strong>{doc.title}</Typography.Text>
              <Tag style={{ marginInlineStart: 8 }}>{index.stage(doc.stage)}</Tag>
              {doc.outline && (
                <ul style={{ margin: '4px 0 0', paddingInlineStart: 20, listStyle: 'none' }}>
                  {doc.outline.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              )}
            </div>
          ))}
        </Section>
      )}
    </div>
  );
}
