import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { VerifyDocumentQuery, VerifyDocumentResult } from '@shenbao/contracts';
import { Alert, Button, Card, Form, Input, Result, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { ApiError } from '../../../api/client.ts';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { verifyDocument } from '../api.ts';

/** /verify (public): anyone holding a printed application checks its footer's number and hash against the platform. */
export function VerifyPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const [form] = Form.useForm<VerifyDocumentQuery>();
  const [checking, setChecking] = useState(false);
  const [result, setResult] = useState<{ query: VerifyDocumentQuery; answer: VerifyDocumentResult } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const run = async (query: VerifyDocumentQuery) => {
    const clean = { number: query.number.trim(), sha256: query.sha256.trim().toLowerCase() };
    setChecking(true);
    setError(null);
    setResult(null);
    try {
      setResult({ query: clean, answer: await verifyDocument(clean) });
      setParams(clean, { replace: true });
    } catch (e) {
      if (e instanceof ApiError) {
        setError(e);
        const named = (path: string): keyof VerifyDocumentQuery | null => (path === '/query/number' ? 'number' : path === '/query/sha256' ? 'sha256' : null);
        form.setFields(e.fields.flatMap((f) => (named(f.path) ? [{ name: named(f.path)!, errors: [f.message] }] : [])));
      } else throw e;
    } finally {
      setChecking(false);
    }
  };

  // A link with ?number=…&sha256=… (e.g. from a scanned copy) checks at once.
  useEffect(() => {
    const number = params.get('number');
    const sha256 = params.get('sha256');
    if (number && sha256 && !result && !checking) {
      form.setFieldsValue({ number, sha256 });
      void run({ number, sha256 });
    }
  }, []);

  const answer = result?.answer;
  return (
    <div data-testid="verify-page" style={{ maxWidth: 820, margin: '0 auto' }}>
      <Card style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="verify-title">
          <SafetyCertificateOutlined /> {t('verify.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('verify.intro')}</Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={(v) => void run(v)} requiredMark={false}>
          <Form.Item name="number" label={t('verify.number')} rules={[{ required: true, whitespace: true, message: t('verify.numberRequired') }]}>
            <Input placeholder={t('verify.numberPlaceholder')} maxLength={60} allowClear data-testid="verify-number" />
          </Form.Item>
          <Form.Item
            name="sha256"
            label={t('verify.sha256')}
            rules={[
              { required: true, whitespace: true, message: t('verify.sha256Required') },
              { pattern: /^\s*[0-9a-fA-F]{64}\s*$/, message: t('verify.sha256Format') },
            ]}
          >
            <Input placeholder={t('verify.sha256Placeholder')} maxLength={100} allowClear style={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace' }} data-testid="verify-sha256" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={checking} icon={<SafetyCertificateOutlined />} data-testid="verify-submit">
            {t('verify.submit')}
          </Button>
        </Form>
      </Card>
      {error && <Alert type="error" showIcon message={error.message} style={{ marginBottom: 16 }} data-testid="verify-error" />}
      {answer && result && (
        <Card data-testid={answer.match ? 'verify-match' : 'verify-mismatch'}>
          {answer.match ? (
            <Result
              status="success"
              title={t('verify.match')}
              subTitle={
                <>
                  <div>{t('verify.matchDetail', { call: answer.callTitle ?? '', seq: answer.seq ?? '', time: formatDateTime(answer.submittedAt) })}</div>
                  <div style={{ marginTop: 8, fontFamily: 'ui-monospace, Menlo, Consolas, monospace', wordBreak: 'break-all' }}>
                    {result.query.number} · {result.query.sha256}
                  </div>
                </>
              }
              extra={answer.latest === false ? <Alert type="warning" showIcon message={t('verify.superseded')} data-testid="verify-superseded" /> : undefined}
            />
          ) : (
            <Result status="error" title={t('verify.mismatch')} subTitle={t('verify.mismatchDetail')} />
          )}
        </Card>
      )}
    </div>
  );
}
