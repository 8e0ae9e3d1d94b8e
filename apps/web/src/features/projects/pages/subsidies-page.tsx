import type { SubsidySummary } from '@shenbao/contracts';
import { Card, Col, InputNumber, Row, Select, Space, Statistic, Table, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useRequest } from '../../../api/use-request.ts';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { ErrorView } from '../../../ui/status-views.tsx';
import { getSubsidySummary, listProjects } from '../api.ts';
import { wan } from '../status.tsx';

type Row = SubsidySummary['rows'][number];

/** /subsidies 资金拨付: what was paid, per call, city and year of payment — the server's sums over recorded payments. */
export function SubsidiesPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const callId = params.get('callId') ?? undefined;
  const yearText = params.get('year');
  const year = yearText && /^\d{4}$/.test(yearText) ? Number(yearText) : undefined;
  const summary = useRequest((signal) => getSubsidySummary({ callId, year }, signal), [callId, year]);
  const projects = useRequest((signal) => listProjects({}, signal), []);
  const calls = [...new Map((projects.data?.items ?? []).map((p) => [p.callId, p.callTitle])).entries()];
  const set = (key: string, value: string | undefined) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (value) next.set(key, value);
      else next.delete(key);
      return next;
    });
  const totals = summary.data?.totals;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="subsidies-title">
          {t('menu.subsidies')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('proj.subsidies.intro')}</Typography.Paragraph>
        <Space wrap size={16}>
          <Select<string> allowClear placeholder={t('proj.filter.call')} value={callId} onChange={(v) => set('callId', v)} options={calls.map(([id, title]) => ({ value: id, label: title }))} style={{ width: 420 }} data-testid="subsidies-call" />
          <InputNumber<number> placeholder={t('proj.subsidies.year')} min={2000} max={2100} value={year} onChange={(v) => set('year', v ? String(v) : undefined)} data-testid="subsidies-year" />
        </Space>
      </Card>
      {summary.error !== undefined ? (
        <ErrorView error={summary.error} onRetry={summary.reload} />
      ) : (
        <>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Card>
                <Statistic title={t('proj.subsidies.provincial')} value={totals ? wan(totals.provincial) : '—'} loading={summary.loading} valueRender={(v) => <span data-testid="subsidies-total-provincial">{v}</span>} />
              </Card>
            </Col>
            <Col xs={24} md={8}>
              <Card>
                <Statistic title={t('proj.subsidies.cityMatching')} value={totals ? wan(totals.cityMatching) : '—'} loading={summary.loading} valueRender={(v) => <span data-testid="subsidies-total-city">{v}</span>} />
              </Card>
            </Col>
            <Col xs={24} md={8}>
              <Card>
                <Statistic title={t('proj.subsidies.recovered')} value={totals ? wan(totals.recovered) : '—'} loading={summary.loading} valueRender={(v) => <span data-testid="subsidies-total-recovered">{v}</span>} />
              </Card>
            </Col>
          </Row>
          <Card title={t('proj.subsidies.byCallCityYear')}>
            <Table<Row>
              rowKey={(r) => `${r.callId}|${r.recommenderOrganisationId ?? ''}|${r.year}`}
              size="small"
              bordered
              loading={summary.loading}
              dataSource={summary.data?.rows ?? []}
              pagination={false}
              locale={{ emptyText: t('proj.subsidies.empty') }}
              data-testid="subsidies-table"
              columns={[
                { title: t('proj.call'), dataIndex: 'callTitle' },
                { title: t('proj.subsidies.city'), dataIndex: 'cityName', width: 200 },
                { title: t('proj.subsidies.yearColumn'), dataIndex: 'year', width: 90 },
                { title: t('proj.subsidies.projects'), dataIndex: 'projects', width: 90, align: 'right' },
                { title: t('proj.subsidies.provincial'), dataIndex: 'provincial', width: 150, align: 'right', render: (v: number) => wan(v) },
                { title: t('proj.subsidies.cityMatching'), dataIndex: 'cityMatching', width: 150, align: 'right', render: (v: number) => wan(v) },
                { title: t('proj.subsidies.recovered'), dataIndex: 'recovered', width: 150, align: 'right', render: (v: number) => wan(v) },
              ]}
            />
          </Card>
        </>
      )}
    </Space>
  );
}
