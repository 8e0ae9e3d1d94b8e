import type { Database } from '../platform/database.ts';
import { invoiceKey, supplierKey } from '../modules/projects/ledger-checks.ts';
import type { BuiltOrganisation } from './app.ts';
import { buildOpenCall } from './calls.ts';
import { buildProject, type ProjectWorld } from './project-fixture.ts';

/**
 * For the browser test of 项目管理 (e2e/projects.e2e.test.ts), on the demo data: a project of pack 003
 * (hebei-internet-plus-pilot) selected from 石家庄智造云科技有限公司's application to 河北省工业和信息化厅's call, written
 * directly into the database — the selection that makes projects has its own tests. Its project period is the last two
 * quarters that have ended, so two quarterly reports are due (and overdue) today, whatever day the test runs.
 *
 * Also written directly: the first tranche of the subsidy (paid on selection), and another funded project of the same
 * call whose ledger holds an invoice the test's applicant will enter again — the owner must see that reuse.
 */
export interface ProjectBrowserFixture {
  callId: string;
  projectId: string;
  projectName: string;
  applicantName: string;
  period: { from: string; to: string };
  /** The two quarters due, oldest first. */
  quarters: { year: number; quarter: number }[];
  /** Dates inside the project period for the ledger's invoices. */
  invoiceDates: [string, string];
  /** Planned investment of the application (万元): counted categories 400, total 420. */
  planned: { automation: number; it: number; development: number; other: number; total: number };
  firstTranche: number;
  other: { projectId: string; projectName: string; supplier: string; invoiceNo: string };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The last two calendar quarters that have ended, in China's time. */
function lastTwoQuarters(now: Date) {
  const shanghai = new Date(now.getTime() + 8 * 3_600_000);
  const current = shanghai.getUTCFullYear() * 4 + Math.floor(shanghai.getUTCMonth() / 3);
  return [current - 2, current - 1].map((q) => ({ year: Math.floor(q / 4), quarter: (q % 4) + 1 }));
}

async function demoOrganisation(database: Database, key: string): Promise<BuiltOrganisation> {
  const { rows } = await database.pool.query('SELECT id, name, kind, ancestor_ids FROM organisations WHERE demo_key = $1', [key]);
  if (!rows[0]) throw new Error(`demo organisation ${key} missing`);
  return { id: rows[0].id, name: rows[0].name, kind: rows[0].kind, ancestorIds: rows[0].ancestor_ids };
}

async function demoUserId(database: Database, username: string): Promise<string> {
  const { rows } = await database.pool.query('SELECT id FROM users WHERE username = $1', [username]);
  if (!rows[0]) throw new Error(`demo user ${username} missing`);
  return rows[0].id as string;
}

export async function seedDemoProject(database: Database): Promise<ProjectBrowserFixture> {
  const [province, city, pool] = [await demoOrganisation(database, 'hebei-dept'), await demoOrganisation(database, 'hebei-shijiazhuang'), await demoOrganisation(database, 'pool-hebei')];
  const applicant = await demoOrganisation(database, 'ent-sjz-zhizao');
  const otherApplicant = await demoOrganisation(database, 'ent-sjz-ruikang');
  const officerId = await demoUserId(database, 'hebei.officer');
  const callId = await buildOpenCall(database, 'hebei-internet-plus-pilot', { issuer: province });
  const world: ProjectWorld = { province, city, pool, callId, packId: 'hebei-internet-plus-pilot' };

  const quarters = lastTwoQuarters(new Date());
  const [q1, q2] = quarters as [{ year: number; quarter: number }, { year: number; quarter: number }];
  const period = { from: `${q1.year}-${pad(q1.quarter * 3 - 2)}`, to: `${q2.year}-${pad(q2.quarter * 3)}` };
  const planned = { automation: 200, it: 100, development: 100, other: 20, total: 420 };
  const answers = {
    projectPeriod: period,
    investmentTotal: planned.total,
    investAutomation: planned.automation,
    investIt: planned.it,
    investDevelopment: planned.development,
    investOther: planned.other,
    fundSelf: planned.total,
    fundLoan: 0,
    fundOther: 0,
  };
  const selectedAt = `${period.from}-05T10:00:00+08:00`;
  const documentNumber = `冀工信软件函〔${q1.year}〕${String(Date.now()).slice(-3)}号`;
  const project = await buildProject(database, world, { applicant, answers, name: '基于工业互联网的装备制造智能工厂试点项目', selectedAt });
  const other = await buildProject(database, world, { applicant: otherApplicant, answers, name: '制药全流程质量追溯数字化试点项目', selectedAt });
  await database.pool.query('UPDATE projects SET document_number = $1 WHERE id = ANY($2::uuid[])', [documentNumber, [project.id, other.id]]);

  // 事前补贴: the first tranche, paid on selection.
  const firstTranche = 40;
  await database.pool.query(
    `INSERT INTO subsidy_payments (project_id, kind, tranche, amount_wan, paid_on, voucher_no, note, payer_organisation_id, recorded_by)
     VALUES ($1, 'provincial', 0, $2, $3, $4, '确定为试点项目后拨付', $5, $6)`,
    [project.id, firstTranche.toFixed(2), `${period.from}-20`, `冀财拨〔${q1.year}〕0451号`, province.id, officerId],
  );

  // The other project's ledger already holds invoice 13001601 of 河北智能装备有限公司.
  const reused = { supplier: '河北智能装备有限公司', invoiceNo: '13001601' };
  await database.pool.query(
    `INSERT INTO ledger_items (project_id, category, item, supplier, contract, contract_amount_wan, invoice_no, invoice_amount_wan, invoice_date,
       payment_voucher_no, payment_amount_wan, amount_wan, files, invoice_key, supplier_key, created_by, updated_by)
     VALUES ($1, 'automation', '洁净车间自动化改造', $2, 'HT-ZY-0087', '150.00', $3, '150.00', $4, 'FK-ZY-0031', '150.00', '150.00',
       '{"contract":[],"invoice":[],"payment":[]}', $5, $6, $7, $7)`,
    [other.id, reused.supplier, reused.invoiceNo, `${period.from}-25`, invoiceKey(reused.invoiceNo), supplierKey(reused.supplier), officerId],
  );

  return {
    callId,
    projectId: project.id,
    projectName: project.name,
    applicantName: applicant.name,
    period,
    quarters,
    invoiceDates: [`${period.from}-18`, `${q2.year}-${pad(q2.quarter * 3 - 1)}-15`],
    planned,
    firstTranche,
    other: { projectId: other.id, projectName: other.name, ...reused },
  };
}
