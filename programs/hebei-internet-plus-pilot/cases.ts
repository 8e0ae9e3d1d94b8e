import { chars, variant, type PackCase } from '@shenbao/rules';

// 唐山港城智联钢铁有限公司（apps/server/src/demo/organisations.yaml, ent-ts-gangtie）
const org = { name: '唐山港城智联钢铁有限公司', kind: 'enterprise', creditCode: '91130200514859787N', divisionCode: '130200', regionClass: null };
// The pack models the 2016 round run under the 办法 (program.yaml year 2016): $call.year = 2016.
const call = { id: 'hebei-internet-plus-pilot', year: 2016 };
const context = { org, lists: {}, applications: [], call, now: '2016-06-01T10:00:00+08:00' };

const pdf = (name: string, size = 2_000_000, fill = 'a') => [{ name, size, sha256: fill.repeat(64) }];

const application: PackCase = {
  name: '申报书：完整、合规的申报（企业）',
  form: 'application',
  answers: {
    companyName: '唐山港城智联钢铁有限公司',
    creditCode: '91130200514859787N',
    applicantType: 'enterprise',
    independentLegalPerson: true,
    registeredAddress: '河北省唐山市曹妃甸区钢铁大街88号',
    legalRepresentative: '高振国',
    ownership: '股份制',
    employeeCount: 2650,
    lastYearRevenue: 185000,
    contactName: '刘海涛',
    contactDepartment: '信息化管理部',
    contactTitle: '部长',
    contactPhone: '0315-8812345',
    contactMobile: '13931512345',
    contactEmail: 'liuht@gangcheng.example.cn',
    twoIntegrationLevel: '综合集成阶段',
    twoIntegrationEvidence: pdf('两化融合评估报告.pdf', 3_000_000, 'b'),
    itDepartmentName: '信息化管理部',
    itTeamSize: 36,
    itTeamRoster: [{ name: '信息化支撑队伍人员名单.xlsx', size: 60_000, sha256: 'c'.repeat(64) }],
    canFinishAcceptance: true,
    badRecordManagement: false,
    badRecordIntegrity: false,
    badRecordEnergy: false,
    badRecordOther: false,
    safetyAccident: false,
    itPilot: { value: true, year: 2015 },
    itInnovationAward: { value: false },
    twoIntegrationSystem: { value: true, year: 2015 },
    priorityEvidence: pdf('优先条件证明材料.pdf', 5_000_000, 'd'),
    projectName: '基于工业互联网的钢铁全流程智能工厂建设项目',
    direction: 'prod-smart-factory',
    projectPeriod: { from: '2016-03', to: '2017-10' },
    projectLocation: '唐山市曹妃甸工业区',
    innovationTypes: ['新技术', '新模式'],
    constructionContent: '建设覆盖炼铁、炼钢、轧钢全流程的设备联网与数据采集系统，部署生产执行系统和能源管理系统，建成钢铁智能工厂。',
    innovation: '以工业互联网打通铁钢轧全流程数据，实现基于数据驱动的动态排产与质量追溯。',
    demonstration: '在省内钢铁行业率先实现全流程智能管控，可为唐山地区钢铁企业转型升级提供示范。',
    expectedBenefits: '生产效率提高15%，吨钢综合能耗下降5%，产品质量异议率下降30%。',
    replicableModel: '形成钢铁行业全流程智能工厂建设模式与数据标准，可在同类钢铁企业推广。',
    schedule: '2016年二季度完成方案设计，2016年四季度完成设备联网，2017年二季度上线生产执行系统，2017年三季度完成系统联调。',
    investmentTotal: 1280.5,
    investAutomation: 620,
    investIt: 310.25,
    investDevelopment: 280.25,
    investOther: 70,
    fundSelf: 980.5,
    fundLoan: 300,
    fundOther: 0,
    sealedApplication: pdf('申报书盖章版.pdf', 8_000_000, 'e'),
    registrationCertificate: pdf('营业执照副本.pdf', 1_000_000, 'f'),
  },
  context,
  expect: [],
};

const quarterly: PackCase = {
  name: '季度进展报告：完整、合规（2016年第四季度）',
  form: 'quarterly-report',
  answers: {
    companyName: '唐山港城智联钢铁有限公司',
    projectName: '基于工业互联网的钢铁全流程智能工厂建设项目',
    agreementNo: '冀工信互联网+试点协议2016-017',
    reportYear: 2016,
    reportQuarter: 'Q4',
    progressSummary: '完成炼钢、轧钢两个车间的设备联网，接入设备1260台，数据采集点位2.3万个；能源管理系统完成部署。',
    scheduleStatus: '按实施方案进度推进',
    problems: '无',
    nextQuarterPlan: '开展生产执行系统开发与炼铁车间设备联网。',
    plannedInvestment: 1280.5,
    quarterInvestment: 260,
    cumulativeInvestment: 640.25,
    reporterName: '刘海涛',
    reporterMobile: '13931512345',
  },
  context: { ...context, now: '2016-12-26T10:00:00+08:00' },
  expect: [],
};

const items = [
  { category: '自动化设备购置与改造', seq: 1, equipment: '轧线自动化控制系统改造', supplier: '某自动化工程有限公司', contract: 'GC-2016-031', contractAmount: 620, invoiceNo: '13001610001', invoiceAmount: 620, invoiceDate: '2016-09-20', paymentVoucherNo: 'FK-160925', paymentAmount: 620 },
  { category: '信息化软硬件购置', seq: 1, equipment: '数据中心服务器与工业网络设备', supplier: '某信息技术有限公司', contract: 'GC-2016-045', contractAmount: 310.25, invoiceNo: '13001611002', invoiceAmount: 310.25, invoiceDate: '2016-11-08', paymentVoucherNo: 'FK-161115', paymentAmount: 310.25 },
  { category: '系统开发与服务', seq: 1, equipment: '生产执行系统（MES）开发', supplier: '某软件有限公司', contract: 'GC-2017-006', contractAmount: 280.25, invoiceNo: '13001706003', invoiceAmount: 280.25, invoiceDate: '2017-06-30', paymentVoucherNo: 'FK-170705', paymentAmount: 200 },
];

const acceptance: PackCase = {
  name: '验收申请：完整、合规（首次验收）',
  form: 'acceptance',
  answers: {
    companyName: '唐山港城智联钢铁有限公司',
    projectName: '基于工业互联网的钢铁全流程智能工厂建设项目',
    agreementNo: '冀工信互联网+试点协议2016-017',
    direction: 'prod-smart-factory',
    projectPeriod: { from: '2016-03', to: '2017-10' },
    constructionCompleted: true,
    acceptanceRound: 'first',
    completionSummary: '按实施方案完成铁钢轧全流程设备联网、生产执行系统和能源管理系统建设，各项建设内容均已完成。',
    benefitsAchieved: '生产效率提高16%，吨钢综合能耗下降5.2%，产品质量异议率下降32%。',
    replicableModel: '形成钢铁行业全流程智能工厂建设模式，已接待省内同行业企业学习观摩3次。',
    items,
    vouchers: pdf('合同发票付款凭证.pdf', 40_000_000, 'a'),
    firstTrancheReceived: 50,
    cityMatchingReceived: 20,
    acceptanceApplication: pdf('验收申请盖章版.pdf', 2_000_000, 'b'),
    performanceReport: pdf('绩效评估和补助资金使用情况分析专题报告.pdf', 3_000_000, 'c'),
  },
  context: { ...context, now: '2017-12-20T10:00:00+08:00' },
  expect: [],
};

const item0 = items[0]!;

export const cases: PackCase[] = [
  application,
  quarterly,
  acceptance,

  // —— 资格规则（program.yaml eligibility.rules）
  variant(application, '申报单位不在河北省登记', {}, [{ path: '/companyName', message: '申报单位须为在我省（河北省）进行工商登记的单位', severity: 'error' }], {
    org: { ...org, divisionCode: '430100' },
  }),
  variant(
    application,
    '弄虚作假被处理，仍在两年禁止申报期内',
    {},
    [{ path: '/companyName', message: '本单位因在项目申报、实施、验收中弄虚作假，两年内禁止申报国家和省相关专项资金项目，目前仍在禁止申报期限内', severity: 'error' }],
    { org: { ...org, bannedUntil: '2017-05-20T00:00:00+08:00' } },
  ),
  variant(application, '禁止申报期限已届满，可以申报', {}, [], { org: { ...org, bannedUntil: '2016-05-20T00:00:00+08:00' } }),
  variant(
    application,
    '有受到弄虚作假处理的项目，平台未登记禁止申报期限',
    {},
    [
      {
        path: '/companyName',
        message: '本单位有项目因弄虚作假受到取消称号、收回补助资金的处理（两年内禁止申报国家和省相关专项资金项目），平台未登记禁止申报期限，请主管部门核实处理日期',
        severity: 'warning',
      },
    ],
    { applications: [{ id: 'earlier', packId: 'hebei-internet-plus-pilot', year: 2015, projectName: '钢铁电子商务平台建设项目', status: 'sanctioned' }] },
  ),
  variant(application, '受处理项目的禁止申报期限已登记且已届满：不再提示', {}, [], {
    org: { ...org, bannedUntil: '2016-05-20T00:00:00+08:00' },
    applications: [{ id: 'earlier', packId: 'hebei-internet-plus-pilot', year: 2013, projectName: '钢铁电子商务平台建设项目', status: 'sanctioned' }],
  }),
  variant(quarterly, '禁止申报不影响已签实施协议项目的季度报告', {}, [], { org: { ...org, bannedUntil: '2018-05-20T00:00:00+08:00' } }),

  // —— 申报书：申报单位
  variant(application, '申报单位名称与登记名称不一致', { companyName: '港城智联钢铁' }, [
    { path: '/companyName', message: '申报单位名称须填写全称，并与工商（登记）注册名称一致', severity: 'error' },
  ]),
  variant(application, '统一社会信用代码与登记的不一致', { creditCode: '91130100949887859M' }, [
    { path: '/creditCode', message: '统一社会信用代码与本单位在平台登记的代码不一致，请核对', severity: 'warning' },
  ]),
  variant(application, '统一社会信用代码校验位错误', { creditCode: '91130200514859787A' }, [
    { path: '/creditCode', message: '「统一社会信用代码」不是有效的统一社会信用代码（18位，校验位须正确）', severity: 'error' },
    { path: '/creditCode', message: '统一社会信用代码与本单位在平台登记的代码不一致，请核对', severity: 'warning' },
  ]),
  variant(application, '企业不具有独立法人资格', { independentLegalPerson: false }, [
    { path: '/independentLegalPerson', message: '申报企业须具有独立法人资格', severity: 'error' },
  ]),
  variant(application, '事业单位未实行企业化运作', { applicantType: 'institution', independentLegalPerson: undefined, lastYearRevenue: undefined, enterpriseOperated: false, independentAccounting: true }, [
    { path: '/enterpriseOperated', message: '事业单位和社会组织须实行企业化运作方可申报', severity: 'error' },
  ]),
  variant(application, '社会组织未财务独立核算', { applicantType: 'social-organisation', independentLegalPerson: undefined, lastYearRevenue: undefined, enterpriseOperated: true, independentAccounting: false }, [
    { path: '/independentAccounting', message: '事业单位和社会组织须财务独立核算方可申报', severity: 'error' },
  ]),
  variant(application, '事业单位：企业化运作、财务独立核算，可以申报', { applicantType: 'institution', independentLegalPerson: undefined, lastYearRevenue: undefined, enterpriseOperated: true, independentAccounting: true }, []),
  variant(application, '事业单位未作企业化运作、独立核算声明', { applicantType: 'institution', independentLegalPerson: undefined, lastYearRevenue: undefined }, [
    { path: '/enterpriseOperated', message: '请填写「是否实行企业化运作」', severity: 'error' },
    { path: '/independentAccounting', message: '请填写「是否财务独立核算」', severity: 'error' },
  ]),
  variant(application, '高校重点实验室申报（填写所属高校）', { applicantType: 'university-lab', independentLegalPerson: undefined, lastYearRevenue: undefined, parentInstitution: '河北工业大学', ownership: { other: '事业单位' } }, []),
  variant(application, '高校重点实验室未填所属高校', { applicantType: 'university-lab', independentLegalPerson: undefined, lastYearRevenue: undefined }, [
    { path: '/parentInstitution', message: '请填写「所属高等院校或科研院所」', severity: 'error' },
  ]),
  variant(application, '单位性质选“其他”未注明', { ownership: { other: '' } }, [{ path: '/ownership', message: '「单位性质」选择“其他”时请注明', severity: 'error' }]),

  // —— 申报书：申报条件（第五条）
  variant(application, '两化融合发展水平处于起步建设阶段', { twoIntegrationLevel: '起步建设阶段' }, [
    { path: '/twoIntegrationLevel', message: '两化融合发展水平须达到单项应用阶段及以上', severity: 'error' },
  ]),
  variant(application, '两化融合发展水平恰为单项应用阶段，可以申报', { twoIntegrationLevel: '单项应用阶段' }, []),
  variant(application, '两化融合发展水平选项无效', { twoIntegrationLevel: '单项覆盖阶段' }, [
    { path: '/twoIntegrationLevel', message: '「两化融合发展水平所处阶段」的选项无效', severity: 'error' },
    { path: '/twoIntegrationLevel', message: '两化融合发展水平须达到单项应用阶段及以上', severity: 'error' },
  ]),
  variant(application, '信息化支撑队伍不足10人', { itTeamSize: 9 }, [{ path: '/itTeamSize', message: '须拥有专门的信息化支撑队伍，人数不少于10人', severity: 'error' }]),
  variant(application, '信息化支撑队伍恰为10人，可以申报', { itTeamSize: 10 }, []),
  variant(application, '未填信息化支撑队伍人数（只报未填）', { itTeamSize: undefined }, [{ path: '/itTeamSize', message: '请填写「专门的信息化支撑队伍人数」', severity: 'error' }]),
  variant(application, '信息化支撑队伍人数多于职工总数', { employeeCount: 30 }, [{ path: '/itTeamSize', message: '信息化支撑队伍人数不得多于职工总数，请核对', severity: 'error' }]),
  variant(application, '不能在规定期限内完成竣工验收', { canFinishAcceptance: false }, [
    { path: '/canFinishAcceptance', message: '在规定期限内项目能够完成竣工验收的方可申报', severity: 'error' },
  ]),
  variant(application, '建设期晚于申报年度次年年底', { projectPeriod: { from: '2016-03', to: '2018-03' } }, [
    {
      path: '/projectPeriod',
      message: '项目建设结束时间晚于申报年度的次年年底；剩余补助资金列入第二年年度预算、待项目验收合格后拨付，请确认项目能在规定期限内完成竣工验收',
      severity: 'warning',
    },
  ]),
  variant(application, '经营管理方面有不良记录', { badRecordManagement: true }, [
    { path: '/badRecordManagement', message: '违反国家相关法律和政策规定，在经营管理方面有不良记录的，不得申报', severity: 'error' },
  ]),
  variant(application, '企业诚信方面有不良记录', { badRecordIntegrity: true }, [
    { path: '/badRecordIntegrity', message: '违反国家相关法律和政策规定，在企业诚信方面有不良记录的，不得申报', severity: 'error' },
  ]),
  variant(application, '节能减排方面有不良记录', { badRecordEnergy: true }, [
    { path: '/badRecordEnergy', message: '违反国家相关法律和政策规定，在节能减排方面有不良记录的，不得申报', severity: 'error' },
  ]),
  variant(application, '其他方面有不良记录', { badRecordOther: true }, [
    { path: '/badRecordOther', message: '违反国家相关法律和政策规定，在经营管理、企业诚信、节能减排等方面有不良记录的，不得申报', severity: 'error' },
  ]),
  variant(application, '发生安全生产责任事故', { safetyAccident: true }, [{ path: '/safetyAccident', message: '发生安全生产责任事故的，不得申报', severity: 'error' }]),
  variant(application, '未声明是否发生安全生产责任事故（只报未填，不误报“发生事故”）', { safetyAccident: undefined }, [
    { path: '/safetyAccident', message: '请填写「是否发生安全生产责任事故」', severity: 'error' },
  ]),

  // —— 申报书：优先条件、项目、内容、投资
  variant(application, '优先条件选“是”未填年份', { itPilot: { value: true } }, [
    { path: '/itPilot', message: '「列入国家和省信息化类试点示范」选择“是”时请填写列入年份', severity: 'error' },
  ]),
  variant(application, '有优先条件但未上传证明材料', { priorityEvidence: [] }, [{ path: '/priorityEvidence', message: '请填写「优先条件证明材料」', severity: 'error' }]),
  variant(application, '无优先条件时证明材料可不上传', { itPilot: { value: false }, twoIntegrationSystem: { value: false }, priorityEvidence: undefined }, []),
  variant(application, '试点示范方向不在第四条所列方向中', { direction: 'production' }, [
    { path: '/direction', message: '「试点示范方向」请从本通知的申报方向中选择一个', severity: 'error' },
  ]),
  variant(application, '未选择项目突出的方面', { innovationTypes: [] }, [{ path: '/innovationTypes', message: '请填写「项目突出的方面」', severity: 'error' }]),
  variant(application, '项目建设内容超过500字', { constructionContent: chars(501) }, [
    { path: '/constructionContent', message: '「项目建设内容」不得超过500字（当前501字）', severity: 'error' },
  ]),
  variant(application, '起止时间颠倒', { projectPeriod: { from: '2017-10', to: '2016-03' } }, [
    { path: '/projectPeriod', message: '「项目建设起止时间」的开始年月不得晚于结束年月', severity: 'error' },
  ]),
  variant(application, '建设期超过三个年度', { projectPeriod: { from: '2014-06', to: '2017-10' } }, [
    {
      path: '/projectPeriod',
      message: '项目建设期超过三个年度；实际投资额只按项目期内近三年（含项目完成年度）产生的项目费用票据核计，此前的投资不计入',
      severity: 'warning',
    },
  ]),
  variant(application, '投资分项之和不等于项目总投资', { investOther: 71 }, [
    { path: '/investmentTotal', message: '自动化设备购置与改造、信息化软硬件购置、系统开发与服务、其他四项之和须等于项目总投资', severity: 'error' },
  ]),
  variant(application, '资金来源之和不等于项目总投资', { fundLoan: 299 }, [
    { path: '/fundSelf', message: '企业自筹、银行贷款、其他资金三项之和须等于项目总投资', severity: 'error' },
  ]),
  variant(application, '移动电话、办公电话格式错误', { contactMobile: '0315-881234', contactPhone: '电话' }, [
    { path: '/contactMobile', message: '「移动电话」不是有效的11位手机号码', severity: 'error' },
    { path: '/contactPhone', message: '「办公电话」不是有效的电话号码', severity: 'error' },
  ]),
  variant(application, '申报书扫描件不是 PDF', { sealedApplication: [{ name: '申报书.docx', size: 1000, sha256: 'a'.repeat(64) }] }, [
    { path: '/sealedApplication/0', message: '「申报书（加盖申报单位公章）扫描件」只接受 .pdf 文件（申报书.docx）', severity: 'error' },
  ]),

  // —— 季度进展报告
  variant(quarterly, '所报季度尚未到季度末', { reportYear: 2017, reportQuarter: 'Q1' }, [
    { path: '/reportQuarter', message: '试点进展情况于每个季度末上报，所报季度尚未到季度末', severity: 'error' },
  ]),
  variant(quarterly, '第四季度报告在11月报送（未到季度末）', {}, [{ path: '/reportQuarter', message: '试点进展情况于每个季度末上报，所报季度尚未到季度末', severity: 'error' }], {
    now: '2016-11-30T10:00:00+08:00',
  }),
  variant(quarterly, '累计完成投资少于本季度完成投资', { cumulativeInvestment: 200 }, [
    { path: '/cumulativeInvestment', message: '累计完成投资不得少于本季度完成投资', severity: 'error' },
  ]),
  variant(quarterly, '进度滞后未说明原因', { scheduleStatus: '滞后于实施方案进度' }, [{ path: '/delayReason', message: '请填写「进度滞后的原因及赶进度措施」', severity: 'error' }]),
  variant(quarterly, '进度滞后并说明原因', { scheduleStatus: '滞后于实施方案进度', delayReason: '轧线停产检修推迟设备联网，下季度增加施工班组追赶进度。' }, []),
  variant(quarterly, '未填实施协议编号', { agreementNo: '' }, [{ path: '/agreementNo', message: '请填写「实施协议编号」', severity: 'error' }]),

  // —— 验收申请
  variant(acceptance, '项目建设未完成即申请验收', { constructionCompleted: false }, [
    { path: '/constructionCompleted', message: '试点项目建设完成后方可提交验收申请', severity: 'error' },
  ]),
  variant(acceptance, '建设期尚未结束', {}, [{ path: '/projectPeriod', message: '项目实际建设结束时间晚于当前月份，试点项目建设完成后方可提交验收申请', severity: 'warning' }], {
    now: '2017-09-15T10:00:00+08:00',
  }),
  variant(acceptance, '发票时间在项目建设期之后', { items: [item0, { ...items[2]!, invoiceDate: '2017-11-05' }] }, [
    { path: '/items', message: '实际投资额按项目期内产生的项目费用票据核计，有发票时间不在项目建设起止时间内', severity: 'error' },
  ]),
  variant(acceptance, '发票早于项目完成年度前两年', { projectPeriod: { from: '2014-09', to: '2017-10' }, items: [{ ...item0, invoiceDate: '2014-10-10' }, items[1], items[2]] }, [
    { path: '/items', message: '实际投资额按近三年（含项目完成年度）产生的项目费用票据核计，有发票时间早于项目完成年度前两年', severity: 'error' },
  ]),
  variant(acceptance, '投资清单含三类以外的费用', { items: [...items, { ...item0, category: { other: '人员培训' }, seq: 1, equipment: '智能工厂操作人员培训', invoiceAmount: 10, contractAmount: 10, paymentAmount: 10 }] }, [
    { path: '/items', message: '投资清单含自动化设备购置与改造、信息化软硬件购置、系统开发与服务以外的费用，是否计入实际投资额由验收专家认定', severity: 'warning' },
  ]),
  variant(acceptance, '已拨付补助超过按实际投资额核定的补助总额', { items: [{ ...item0, contractAmount: 200, invoiceAmount: 200, paymentAmount: 200 }] }, [
    { path: '/firstTrancheReceived', message: '已拨付的补助资金超过按实际投资额核定的补助总额（实际投资额的20%，不超过100万元），超出部分应予核减', severity: 'warning' },
  ]),
  variant(acceptance, '已拨付补助恰等于核定补助总额', { items: [{ ...item0, contractAmount: 250, invoiceAmount: 250, paymentAmount: 250 }] }, []),
  variant(acceptance, '第二次验收：限期内完成整改', { acceptanceRound: 'second', rectificationDeadline: '2017-12-31', rectificationReport: pdf('整改情况报告.pdf') }, []),
  variant(acceptance, '第二次验收：已超过整改期限', { acceptanceRound: 'second', rectificationDeadline: '2017-12-10', rectificationReport: pdf('整改情况报告.pdf') }, [
    { path: '/rectificationDeadline', message: '已超过整改期限，未通过验收的项目应在限期内完成整改后申请第二次验收', severity: 'warning' },
  ]),
  variant(acceptance, '第二次验收：未填整改期限、未附整改情况报告', { acceptanceRound: 'second' }, [
    { path: '/rectificationDeadline', message: '请填写「整改期限」', severity: 'error' },
    { path: '/rectificationReport', message: '请填写「整改情况报告」', severity: 'error' },
  ]),
  variant(acceptance, '未附绩效评估和补助资金使用情况分析专题报告', { performanceReport: undefined }, [
    { path: '/performanceReport', message: '请填写「项目绩效评估和补助资金使用情况分析专题报告」', severity: 'error' },
  ]),
  variant(acceptance, '投资清单为空', { items: [] }, [
    { path: '/items', message: '请填写「项目已完成的投资清单」', severity: 'error' },
    { path: '/items', message: '「项目已完成的投资清单」至少填写1条（当前0）', severity: 'error' },
  ]),
  variant(acceptance, '投资清单行缺少名称、金额超两位小数', { items: [{ ...item0, equipment: '', invoiceAmount: 620.123 }, items[1], items[2]] }, [
    { path: '/items/0/equipment', message: '「项目已完成的投资清单」第1条：请填写「设备（软件、服务）名称」', severity: 'error' },
    { path: '/items/0/invoiceAmount', message: '「发票金额（万元）」最多保留2位小数', severity: 'error' },
  ]),
];
