import { chars, variant, type PackCase } from '@shenbao/rules';

// Applicant organisations exactly as in apps/server/src/demo/organisations.yaml (enterprises carry no regionClass there).
const org = { name: '广州云创工业互联网有限公司', kind: 'enterprise', creditCode: '91440100323591730H', divisionCode: '440100', regionClass: null };
const shenzhenOrg = { name: '深圳安芯工控安全技术有限公司', kind: 'enterprise', creditCode: '91440300184914367U', divisionCode: '440300', regionClass: null };
const parkOrg = { name: '佛山智汇产业园运营管理有限公司', kind: 'park_operator', creditCode: '914406005290872061', divisionCode: '440600', regionClass: null };
const centralOrg = { name: '中国电信集团有限公司', kind: 'central_enterprise', creditCode: '91110000706786586M', divisionCode: '110000', regionClass: null };
const hunanOrg = { name: '长沙工创互联科技有限公司', kind: 'enterprise', creditCode: '91430100592347568C', divisionCode: '430100', regionClass: null };
const cityBureau = { name: '广州市工业和信息化局', kind: 'city_bureau', creditCode: '1144010056588945XR', divisionCode: '440100', regionClass: 'pearl_river_delta' };

// The server binds $call as { id: <pack id>, year } and an application's callId is the pack id of its call.
const call = { id: 'miit-2023-pilot-demo', year: 2023 };
const context = { org, call, now: '2023-12-01T10:00:00+08:00', lists: {}, applications: [] };

const file = (name: string, size: number, hash: string, extra: Record<string, unknown> = {}) => ({ name, size, sha256: hash.repeat(64), ...extra });
const video = (durationSeconds?: number, name = '云创注塑行业工业互联网平台项目视频.mp4') =>
  file(name, 420_000_000, 'a', { mime: 'video/mp4', ...(durationSeconds === undefined ? {} : { durationSeconds }) });

const PROJECT = '云创注塑行业工业互联网平台';
// Another application of the same applicant, as the platform binds it to $applications.
const other = (fields: Record<string, unknown>) => ({
  id: 'app-other',
  packId: 'miit-2023-pilot-demo',
  callId: call.id,
  year: 2023,
  status: 'submitted',
  selected: false,
  demonstrationUntil: null,
  acceptance: null,
  ...fields,
});

const index = {
  evidence: { seq: 1, category: '与申报书填报内容相关的佐证材料', title: '平台接入企业清单、合同及运行截图', location: '佐证材料.pdf 第1—48页' },
  audit: { seq: 2, category: '企业近三年财务审计报告', title: '2020—2022年度财务审计报告', location: '审计报告（3份）' },
  commitment: { seq: 3, category: '近5年以来未发生重大安全、环保、质量事故承诺函', title: '无重大事故承诺函', location: '承诺函.pdf 第1页' },
  sme: { seq: 4, category: '省级专精特新中小企业或国家级专精特新“小巨人”证明材料', title: '广东省专精特新中小企业认定证书', location: '专精特新证书.pdf 第1页' },
  ipr: { seq: 5, category: '相关专利及自主知识产权情况证明材料', title: '发明专利证书及软件著作权登记证书', location: '知识产权.pdf 第1—35页' },
  users: { seq: 6, category: '推广效果应用证明', title: '12家注塑企业盖章的使用证明', location: '应用证明.pdf 第1—12页' },
};

const application: PackCase = {
  name: '申报书：完整、合规（平台类，经广州市工信局报省工业和信息化厅）',
  form: 'application',
  context,
  expect: [],
  answers: {
    companyName: '广州云创工业互联网有限公司',
    creditCode: '91440100323591730H',
    applicantType: '信息技术企业',
    registeredAddress: '广州市黄埔区科学大道188号',
    establishedDate: '2015-06-18',
    legalRepresentative: '陈国栋',
    registeredCapital: 5000,
    employeeCount: 360,
    financials: [
      { year: 2020, revenue: 18650.5, profit: 1320.4, rdExpense: 2150 },
      { year: 2021, revenue: 21480.25, profit: 1688.1, rdExpense: 2460.8 },
      { year: 2022, revenue: 24310, profit: -120.55, rdExpense: 2890 },
    ],
    contactName: '陈伟杰',
    contactTitle: '总经理助理',
    contactMobile: '13902234567',
    contactPhone: '020-82211234',
    contactEmail: 'chenweijie@yunchuang.example.cn',
    projectName: PROJECT,
    direction: 'platform',
    channel: 'gd-industry',
    projectLocation: '广东省广州市黄埔区',
    constructionStatus: 'built',
    projectPeriod: { from: '2021-07', to: '2023-06' },
    investmentTotal: 2680,
    investmentCompleted: 2680,
    summary: '面向珠三角注塑行业建设工业互联网平台，提供设备联网、工艺参数优化、能耗管理和订单协同服务。',
    background: '珠三角注塑企业以中小企业为主，设备型号杂、数据采集难、能耗高，亟需低成本的数字化转型路径。',
    technicalSolution: '采用“边缘网关+工业PaaS+行业SaaS”三层架构，边缘侧支持主流注塑机协议，平台侧提供工艺机理模型和微服务组件。',
    constructionContent: '已建成设备接入、工艺优化、能耗管理、订单协同四个子系统，接入注塑机8600台，服务企业320家。',
    innovation: '自主研发注塑工艺机理模型库和国产化边缘网关，核心软件基于自主基础软硬件环境部署。',
    results: '接入企业平均设备综合效率提升12%，单位产品能耗下降9%，不良率下降25%。',
    replication: '已在佛山、东莞、中山等地复制推广，形成注塑行业中小企业数字化转型标准化解决方案。',
    nextSteps: '2024年计划新增接入企业200家，拓展至模具、五金行业，并与标识解析二级节点对接。',
    inDemonstrationPeriod: false,
    innovationEngineering: 'none',
    noMajorAccident: true,
    nationalDemoBase: true,
    growthCity: false,
    oldRevolutionaryArea: false,
    notableResults: ['绿色低碳'],
    notableResultsDescription: '通过能耗管理子系统，接入企业年节电约2100万千瓦时。',
    specialisedSme: { value: true, year: 2021 },
    littleGiant: { value: false },
    patents: 8,
    softwareCopyrights: 23,
    video: [video(480)],
    sealedApplication: [file('项目申报书（盖章）.pdf', 12_000_000, 'b')],
    supportingEvidence: [file('佐证材料.pdf', 38_000_000, 'c')],
    auditReports: [file('2020年度审计报告.pdf', 6_000_000, 'd'), file('2021年度审计报告.pdf', 6_200_000, 'e'), file('2022年度审计报告.pdf', 6_500_000, 'f')],
    accidentCommitmentLetter: [file('承诺函.pdf', 600_000, '1')],
    smeCertificates: [file('专精特新证书.pdf', 900_000, '2')],
    iprProofs: [file('知识产权.pdf', 22_000_000, '3')],
    userProofs: [file('应用证明.pdf', 15_000_000, '4')],
    evidenceIndex: [index.evidence, index.audit, index.commitment, index.sme, index.ipr, index.users],
  },
};

const VIDEO = '项目相关视频证明材料（5~10分钟）';

export const cases: PackCase[] = [
  application,

  // —— more complete, valid applications: the other channels and applicant kinds
  variant(application, '深圳企业经深圳市工业和信息化局直接报送（安全类）', { companyName: shenzhenOrg.name, creditCode: shenzhenOrg.creditCode, direction: 'security', channel: 'gd-shenzhen', projectName: '工控安全态势感知平台', projectLocation: '广东省深圳市南山区' }, [], { org: shenzhenOrg }),
  variant(application, '网络类经省通信管理局推荐', { direction: 'network', channel: 'gd-ca', projectName: '5G+工业互联网注塑园区专网' }, []),
  variant(application, '工厂类也可经省通信管理局推荐（两家共管）', { direction: 'factory', channel: 'gd-ca' }, []),
  variant(application, '园区运营管理机构申报园区类', { companyName: parkOrg.name, creditCode: parkOrg.creditCode, applicantType: '园区运营管理机构', direction: 'park', projectName: '智汇产业园工业互联网园区', projectLocation: '广东省佛山市顺德区' }, [], { org: parkOrg }),
  variant(application, '中央企业直接报送，不受广东注册限制', { companyName: centralOrg.name, creditCode: centralOrg.creditCode, applicantType: '基础电信企业', direction: 'network', channel: 'central', projectName: '5G全连接工厂专网服务平台', projectLocation: '广东省广州市' }, [], { org: centralOrg }),
  variant(application, '高校及科研院所不需财务审计报告和经营情况', { applicantType: '高校及科研院所', financials: undefined, auditReports: undefined, evidenceIndex: [index.evidence, index.commitment, index.sme, index.ipr, index.users] }, []),
  variant(application, '无显著成效时不需说明', { notableResults: undefined, notableResultsDescription: undefined }, []),
  variant(application, '本单位另有1个项目（其他类别），已撤回的申报不计', {}, [], {
    applications: [other({ id: 'app-1', categoryId: 'factory', directionId: 'factory', projectName: '注塑智能工厂' }), other({ id: 'app-2', categoryId: 'security', directionId: 'security', projectName: '已撤回的安全项目', status: 'withdrawn' })],
  }),
  variant(application, '同名项目示范期已届满、其他通知的同名项目已通过验收', {}, [], {
    applications: [
      other({ id: 'app-2021', packId: 'miit-2021-pilot-demo', callId: 'miit-2021-pilot-demo', year: 2021, categoryId: 'platform', directionId: 'platform', projectName: PROJECT, status: 'recommended', selected: true, demonstrationUntil: '2023-11-30' }),
      other({ id: 'app-eng', packId: 'miit-2021-innovation-engineering', callId: 'miit-2021-innovation-engineering', year: 2021, categoryId: 'platform', directionId: 'platform', projectName: PROJECT, status: 'recommended', selected: true, acceptance: 'passed' }),
    ],
  }),

  // —— the video (部通知二（四）：必须提供，5~10分钟，否则视为无效申报材料)
  variant(application, '缺少视频证明材料', { video: undefined }, [{ path: '/video', message: `请填写「${VIDEO}」`, severity: 'error' }]),
  variant(application, '视频只有4分钟', { video: [video(240)] }, [{ path: '/video/0', message: `「${VIDEO}」视频时长应为5分钟至10分钟（当前240秒）`, severity: 'error' }]),
  variant(application, '视频超过10分钟', { video: [video(630)] }, [{ path: '/video/0', message: `「${VIDEO}」视频时长应为5分钟至10分钟（当前630秒）`, severity: 'error' }]),
  variant(application, '视频恰为5分钟', { video: [video(300)] }, []),
  variant(application, '视频恰为10分钟', { video: [video(600)] }, []),
  variant(application, '视频无法读取时长', { video: [video(undefined)] }, [{ path: '/video/0', message: `「${VIDEO}」未能读取视频时长，请上传可播放的视频文件`, severity: 'error' }]),
  variant(application, '视频格式不符', { video: [video(480, '项目视频.wmv')] }, [{ path: '/video/0', message: `「${VIDEO}」只接受 .mp4、.mov 文件（项目视频.wmv）`, severity: 'error' }]),
  variant(application, '上传了两个视频', { video: [video(480), video(360, '补充视频.mp4')] }, [{ path: '/video', message: `「${VIDEO}」最多上传1个文件`, severity: 'error' }]),

  // —— eligibility rules over $org and $applications
  variant(application, '申报主体不是法人单位类型（政府部门）', { companyName: cityBureau.name, creditCode: cityBureau.creditCode }, [
    { path: '/companyName', message: '申报主体可以为工业企业、基础电信企业、信息技术企业、互联网企业、高校及科研院所、园区运营管理机构等，须具备独立法人资格', severity: 'error' },
  ], { org: cityBureau }),
  variant(application, '申报主体不在广东省注册', { companyName: hunanOrg.name, creditCode: hunanOrg.creditCode }, [
    { path: '/companyName', message: '申报主体应在广东省境内注册（中央企业可直接报送工业和信息化部）', severity: 'error' },
  ], { org: hunanOrg }),
  variant(application, '第三个项目：本单位已有2个项目', {}, [
    { path: '/projectName', message: '同一申报主体最多不超过2个项目，本单位在本次试点示范申报中已有2个项目', severity: 'error' },
  ], {
    applications: [
      other({ id: 'app-1', categoryId: 'factory', directionId: 'factory', projectName: '注塑智能工厂' }),
      other({ id: 'app-2', categoryId: 'security', directionId: 'security', projectName: '注塑行业工控安全防护', status: 'recommended' }),
    ],
  }),
  // The issuer enters directions as <category>-<n>: another application already holds direction platform-2 of 平台类.
  variant(application, '同一类别申报第二个方向', {}, [
    { path: '/direction', message: '每个申报主体同一类型只能申报一个试点示范方向，本单位已在该类别下申报了其他方向', severity: 'error' },
  ], { applications: [other({ categoryId: 'platform', directionId: 'platform-2', projectName: '模具行业工业互联网平台' })] }),
  variant(application, '同一项目已经省通信管理局申报（重复申报）', {}, [
    { path: '/projectName', message: '同一项目不能重复申报，本单位已有同名项目的申报（已通过省通信管理局、中央企业推荐的项目不再重复推荐）', severity: 'error' },
  ], { applications: [other({ categoryId: 'security', directionId: 'security', projectName: '云创注塑行业工业互联网平台 ' })] }),
  variant(application, '项目仍在前期试点示范的示范期内', {}, [
    { path: '/projectName', message: '该项目已列入前期试点示范且仍在示范期（2年有效期）内，不可重复申报', severity: 'error' },
  ], {
    applications: [
      other({ id: 'app-2022', packId: 'miit-2022-pilot-demo', callId: 'miit-2022-pilot-demo', year: 2022, categoryId: 'platform', directionId: 'platform', projectName: PROJECT, status: 'recommended', selected: true, demonstrationUntil: '2024-12-31' }),
    ],
  }),
  variant(application, '同名项目在其他通知中立项后验收未通过', {}, [
    { path: '/projectName', message: '本单位有同名项目已立项但尚未通过验收；未验收或验收未通过的工业互联网创新发展工程项目不可申报，请核对', severity: 'warning' },
  ], {
    applications: [
      other({ id: 'app-eng', packId: 'miit-2021-innovation-engineering', callId: 'miit-2021-innovation-engineering', year: 2021, categoryId: 'platform', directionId: 'platform', projectName: PROJECT, status: 'recommended', selected: true, acceptance: 'failed' }),
    ],
  }),

  // —— form rules
  variant(application, '申报单位名称与登记名称不一致', { companyName: '云创工业互联网' }, [{ path: '/companyName', message: '申报单位名称须填写全称，并与本单位登记名称一致', severity: 'error' }]),
  variant(application, '统一社会信用代码与登记的不一致', { creditCode: '91440600462711640B' }, [{ path: '/creditCode', message: '统一社会信用代码与本单位登记的代码不一致，请核对', severity: 'error' }]),
  variant(application, '统一社会信用代码校验位错误', { creditCode: '91440100323591730X' }, [
    { path: '/creditCode', message: '「统一社会信用代码」不是有效的统一社会信用代码（18位，校验位须正确）', severity: 'error' },
    { path: '/creditCode', message: '统一社会信用代码与本单位登记的代码不一致，请核对', severity: 'error' },
  ]),
  variant(application, '网络类选择了工信部门渠道', { direction: 'network' }, [
    { path: '/channel', message: '所选推荐渠道不负责该类别：省工业和信息化厅（含深圳市）负责新技术类、工厂类、载体类、园区类、平台类、安全类，省通信管理局负责工厂类、网络类、安全类', severity: 'error' },
  ]),
  variant(application, '平台类选择了省通信管理局', { channel: 'gd-ca' }, [
    { path: '/channel', message: '所选推荐渠道不负责该类别：省工业和信息化厅（含深圳市）负责新技术类、工厂类、载体类、园区类、平台类、安全类，省通信管理局负责工厂类、网络类、安全类', severity: 'error' },
  ]),
  variant(application, '广州企业选择深圳市直报渠道', { channel: 'gd-shenzhen' }, [
    { path: '/channel', message: '深圳市的申报单位经深圳市工业和信息化局直接报送，其他地市的申报单位经所在地级以上市工业和信息化主管部门报省工业和信息化厅', severity: 'error' },
  ]),
  variant(application, '深圳企业选择经省工业和信息化厅', { companyName: shenzhenOrg.name, creditCode: shenzhenOrg.creditCode, direction: 'security' }, [
    { path: '/channel', message: '深圳市的申报单位经深圳市工业和信息化局直接报送，其他地市的申报单位经所在地级以上市工业和信息化主管部门报省工业和信息化厅', severity: 'error' },
  ], { org: shenzhenOrg }),
  variant(application, '非中央企业选择中央企业渠道', { channel: 'central' }, [
    { path: '/channel', message: '中央企业渠道由中央企业直接报送；本单位不是中央企业的，请确认项目已由所属中央企业推荐，否则应经所在地市工业和信息化主管部门或省通信管理局推荐', severity: 'warning' },
  ]),
  variant(application, '自报仍在示范期内', { inDemonstrationPeriod: true }, [{ path: '/inDemonstrationPeriod', message: '已列入前期试点示范且仍在示范期的项目（2年有效期）不可重复申报', severity: 'error' }]),
  variant(application, '创新发展工程项目尚未验收', { innovationEngineering: 'not-accepted' }, [{ path: '/innovationEngineering', message: '未验收或验收未通过的工业互联网创新发展工程项目不可申报', severity: 'error' }]),
  variant(application, '创新发展工程项目验收未通过', { innovationEngineering: 'failed' }, [{ path: '/innovationEngineering', message: '未验收或验收未通过的工业互联网创新发展工程项目不可申报', severity: 'error' }]),
  variant(application, '创新发展工程已完成验收（优先支持）', { innovationEngineering: 'accepted' }, []),
  variant(application, '未建项目', { constructionStatus: 'unbuilt' }, [{ path: '/constructionStatus', message: '未建项目不可申报', severity: 'error' }]),
  variant(application, '在建项目可以申报', { constructionStatus: 'under-construction', projectPeriod: { from: '2022-09', to: '2024-06' }, investmentCompleted: 1800 }, []),
  variant(application, '建设周期尚未开始', { constructionStatus: 'under-construction', projectPeriod: { from: '2024-03', to: '2025-06' } }, [{ path: '/projectPeriod', message: '项目建设周期尚未开始，未建项目不可申报', severity: 'error' }]),
  variant(application, '近5年发生过重大事故', { noMajorAccident: false }, [{ path: '/noMajorAccident', message: '近5年以来发生过重大安全、环保、质量事故的单位不可申报', severity: 'error' }]),
  variant(application, '已完成投资大于总投资', { investmentCompleted: 2680.01 }, [{ path: '/investmentCompleted', message: '已完成投资不得大于项目总投资', severity: 'error' }]),
  variant(application, '没有任何工业互联网领域成果材料', {
    specialisedSme: { value: false }, patents: 0, softwareCopyrights: 0, smeCertificates: undefined, iprProofs: undefined, userProofs: undefined,
    evidenceIndex: [index.evidence, index.audit, index.commitment],
  }, [{ path: '/smeCertificates', message: '请提供项目在工业互联网领域相关成果材料（专精特新证明、专利及自主知识产权、获奖情况、核心技术创新能力证明、应用证明、管理支撑或重大活动保障证明等，至少一项）', severity: 'error' }]),
  variant(application, '财务审计报告只有两年', { auditReports: [file('2021年度审计报告.pdf', 6_200_000, 'e'), file('2022年度审计报告.pdf', 6_500_000, 'f')] }, [
    { path: '/auditReports', message: '企业近三年财务审计报告应包含2020、2021、2022年度各一份', severity: 'warning' },
  ]),
  variant(application, '成立不足三年的企业提供成立以来的审计报告', { establishedDate: '2021-03-15', financials: [{ year: 2021, revenue: 3200, profit: -410, rdExpense: 960 }, { year: 2022, revenue: 7800, profit: 260.5, rdExpense: 1450 }], auditReports: [file('2021年度审计报告.pdf', 6_200_000, 'e'), file('2022年度审计报告.pdf', 6_500_000, 'f')] }, []),
  variant(application, '索引目录漏列承诺函', { evidenceIndex: [index.evidence, index.audit, index.sme, index.ipr, index.users] }, [
    { path: '/evidenceIndex', message: '材料分类及索引目录应列出已上传的每一类证明材料', severity: 'warning' },
  ]),

  // —— field checks derived from the definitions
  variant(application, '缺少财务审计报告', { auditReports: undefined }, [{ path: '/auditReports', message: '请填写「企业近三年财务审计报告」', severity: 'error' }]),
  variant(application, '缺少事故承诺函', { accidentCommitmentLetter: undefined, evidenceIndex: [index.evidence, index.audit, index.sme, index.ipr, index.users] }, [
    { path: '/accidentCommitmentLetter', message: '请填写「近5年以来未发生重大安全、环保、质量事故承诺函」', severity: 'error' },
  ]),
  variant(application, '自报专精特新但未上传证明', { smeCertificates: undefined }, [{ path: '/smeCertificates', message: '请填写「省级专精特新中小企业或国家级专精特新“小巨人”证明材料」', severity: 'error' }]),
  variant(application, '专精特新选“是”未填认定年份', { littleGiant: { value: true } }, [{ path: '/littleGiant', message: '「国家级专精特新“小巨人”企业」选择“是”时请填写认定年份', severity: 'error' }]),
  variant(application, '填报了专利但未上传知识产权证明', { iprProofs: undefined }, [{ path: '/iprProofs', message: '请填写「相关专利及自主知识产权情况证明材料」', severity: 'error' }]),
  variant(application, '选择了显著成效但未说明', { notableResults: ['绿色低碳', '安全生产'], notableResultsDescription: undefined }, [{ path: '/notableResultsDescription', message: '请填写「显著成效情况说明」', severity: 'error' }]),
  variant(application, '申报主体类型选“其他”未注明', { applicantType: { other: ' ' } }, [{ path: '/applicantType', message: '「申报主体类型」选择“其他”时请注明', severity: 'error' }]),
  variant(application, '申报方向不在本通知中', { direction: 'mode' }, [{ path: '/direction', message: '「申报方向」请从本通知的申报方向中选择一个', severity: 'error' }]),
  variant(application, '经营情况年度超出近三年', { financials: [{ year: 2021, revenue: 21480.25, profit: 1688.1, rdExpense: 2460.8 }, { year: 2022, revenue: 24310, profit: -120.55, rdExpense: 2890 }, { year: 2023, revenue: 26000, profit: 900, rdExpense: 3000 }] }, [
    { path: '/financials/2/year', message: '「年度」不得大于2022', severity: 'error' },
  ]),
  variant(application, '手机号码与邮箱格式错误', { contactMobile: '020-8221123', contactEmail: 'chenweijie' }, [
    { path: '/contactMobile', message: '「手机」不是有效的11位手机号码', severity: 'error' },
    { path: '/contactEmail', message: '「电子邮箱」不是有效的电子邮箱', severity: 'error' },
  ]),
  variant(application, '项目名称超过100字', { projectName: chars(101) }, [{ path: '/projectName', message: '「项目名称」不得超过100字（当前101字）', severity: 'error' }]),
  variant(application, '叙述栏目空缺', { results: '  ' }, [{ path: '/results', message: '请填写「应用成效」', severity: 'error' }]),
];
