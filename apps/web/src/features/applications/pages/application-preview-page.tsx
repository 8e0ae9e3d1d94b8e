import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import type { ApplicationDetail, PackForm } from '@shenbao/contracts';
import { computeFields, evaluate, ruleBindings } from '@shenbao/rules';
import { Alert, Button, Space } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useRequest } from '../../../api/use-request.ts';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import type { Answers } from '../../../forms/form-model.ts';
import { ErrorView, PageLoading } from '../../../ui/status-views.tsx';
import { getCall } from '../../programs/api.ts';
import { DocumentDownloads } from '../../documents/components/document-downloads.tsx';
import { getApplication } from '../api.ts';
import { PrintableApplication } from '../components/printable-application.tsx';

interface Prepared {
  answers: Answers;
  hidden: Set<string>;
}

/** Computed fields filled and hidden fields known, as the engine would: the preview prints what will be submitted. */
async function prepare(form: PackForm, detail: ApplicationDetail): Promise<Prepared> {
  const bindings = ruleBindings({});
  const answers = await computeFields(form, detail.answers, bindings).catch(() => detail.answers);
  const hidden = new Set<string>();
  for (const field of form.sections.flatMap((s) => s.fields)) {
    if (!field.visibleWhen) continue;
    const shown = await evaluate(field.visibleWhen, answers, bindings).catch(() => true);
    if (shown !== true) hidden.add(field.id);
  }
  return { answers, hidden };
}

/** /applications/:id/preview: a clean, printable page without the app's frame or any editing control. */
export function ApplicationPreviewPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const detail = useRequest((signal) => getApplication(id, signal), [id]);
  const callId = detail.data?.application.callId;
  const pack = useRequest((signal) => (callId ? getCall(callId, signal) : Promise.resolve(null)), [callId]);
  const form = pack.data?.forms.find((f) => f.id === detail.data?.application.formId);
  const [prepared, setPrepared] = useState<Prepared | null>(null);

  useEffect(() => {
    if (!pack.data || !form || !detail.data) return;
    let live = true;
    void prepare(form, detail.data).then((p) => {
      if (live) setPrepared(p);
    });
    return () => {
      live = false;
    };
  }, [pack.data, form, detail.data]);

  if (detail.error !== undefined) return <ErrorView error={detail.error} onRetry={detail.reload} />;
  if (pack.error !== undefined) return <ErrorView error={pack.error} onRetry={pack.reload} />;
  if (!detail.data || !pack.data) return <PageLoading />;
  if (!form) return <Alert type="error" showIcon message={t('editor.formMissing', { form: detail.data.application.formId })} />;
  if (!prepared) return <PageLoading />;

  return (
    <div className="print-page" style={{ background: '#f0f2f5', minHeight: '100vh', paddingBottom: 24 }}>
      <div className="no-print" style={{ display: 'flex', justifyContent: 'space-between', padding: '12px 24px', background: '#fff', marginBottom: 16 }}>
        <Link to={`/applications/${id}`}>
          <Button icon={<ArrowLeftOutlined />}>{t('preview.back')}</Button>
        </Link>
        <Space>
          <span style={{ color: 'rgba(0,0,0,0.45)' }}>{t('preview.hint')}</span>
          <DocumentDownloads applicationId={id} />
          <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="preview-print">
            {t('preview.print')}
          </Button>
        </Space>
      </div>
      <div className="print-sheet" style={{ background: '#fff', maxWidth: '210mm', margin: '0 auto', boxShadow: '0 2px 12px rgba(0,0,0,0.12)' }}>
        <PrintableApplication detail={detail.data} program={pack.data.program} form={form} answers={prepared.answers} hidden={prepared.hidden} />
      </div>
    </div>
  );
}
