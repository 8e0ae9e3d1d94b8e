import { chars, variant, type PackCase } from '@shenbao/rules';

// 申报单位：保定的汽车零部件企业，申报行业工业互联网平台（汽车）。
const org = { name: '保定汇联汽车零部件有限公司', kind: 'enterprise', creditCode: '911306008655438803', divisionCode: '130600', regionClass: null };
const context = { org, lists: {}, applications: [] };

const file = (name: string, size = 1_200_000, tag = 'a') => [{ name, size, sha256: tag.repeat(64) }];

const customers = [
  { name: '保定长城精工汽车部件有限公司', evidence: file('长城精工应用证明.pdf', 900_000, 'c') },
  { name: '河北华驰汽车饰件有限公司', evidence: file('华驰饰件服务合同.pdf', 1_500_000, 'd') },
  { name: '涿州恒信模具制造有限公司', evidence: file('恒信模具用户评价.jpg', 600_000, 'e') },
];

const solutionDetails = [
  { name: '汽车零部件冲压设备预测性维护解决方案', painPoints: '冲压设备突发停机多、备件库存高。', deployment: '边缘网关采集振动与电流数据，云端模型预测故障。', benefits: '非计划停机减少30%，可在省内冲压企业推广。' },
  { name: '焊装质量在线追溯解决方案', painPoints: '焊点质量追溯依赖纸质记录。', deployment: '焊机联网，焊接参数与零件标识绑定上平台。', benefits: '质量问题定位时间由2天缩短到2小时。' },
  { name: '零部件供应链协同解决方案', painPoints: '主机厂与配套企业计划协同慢。', deployment: 'SaaS部署，打通主机厂需求与配套企业排产。', benefits: '库存周转率提高20%。' },
];

const industry: PackCase = {
  name: '行业平台：完整、合规的申报书',
  form: 'application',
  answers: {
    recommender: '保定市工业和信息化局',
    fillDate: '2022-11-18',
    companyName: '保定汇联汽车零部件有限公司',
    organisationCode: '865543880',
    foundedDate: '2009-04-16',
    ownership: '民营',
    registeredCapital: 12000,
    address: '河北省保定市莲池区东三环1688号',
    contactName: '王立新',
    contactTitle: '信息中心主任',
    contactPhone: '0312-5096688',
    contactMobile: '13931288765',
    contactFax: '0312-5096689',
    contactEmail: 'wanglx@huilian-auto.example.cn',
    lastYearSales: 86500.5,
    lastYearProfit: 5230.25,
    profileOverview: '公司成立于2009年，主营汽车冲压件、焊装总成，2021年销售收入8.65亿元，在省内汽车零部件行业排名前五。',
    coreCompetence: '拥有工业互联网平台研发团队120人，自主研发汇联汽配云平台，具备设备接入、数据建模、工业APP开发与实施能力。',
    honours: [
      { award: '两化融合管理体系贯标评定', level: '国家级', obtainedDate: '2020-09-30' },
      { award: '河北省工业互联网创新发展重点培育项目', level: '省级', obtainedDate: '2021-07-15' },
    ],
    platformName: '汇联汽车零部件行业工业互联网平台',
    platformType: 'industry',
    industries: ['汽车'],
    domains: ['设备预测性维护', '网络协同制造', '产品全生命周期管理'],
    constructionEntity: '保定汇联汽车零部件有限公司',
    constructionPeriod: { from: '2020-03', to: '2022-06' },
    constructionStatus: '已建成',
    investmentAmount: 3200,
    constructionMode: '自建',
    iaas: '租用',
    iaasProvider: '中国电信股份有限公司保定分公司',
    patents: 12,
    softwareCopyrights: 36,
    projectsAndStandards: 4,
    connectedDevices: 18600,
    dataPoints: 420000,
    protocols: 85,
    mechanismModels: 140,
    microservices: 320,
    industrialApps: 210,
    connectedEnterprises: 860,
    solutions: 24,
    staff: 156,
    developers: 1300,
    newTechnologies: ['5G', '大数据', '人工智能', '数字孪生'],
    contractValue: 5680.5,
    identifierNode: false,
    typicalCustomers: customers,
    techArchitecture: '平台采用边缘层、IaaS层、PaaS层、SaaS层四层架构，以汽车零部件工艺机理模型库为特色。',
    edgeLayer: '兼容Modbus、OPC UA、Profinet等85种协议，边缘网关具备数据清洗与本地推理能力。',
    iaasLayer: '基于电信天翼云租用计算与存储资源，容器化部署，具备故障自动告警与迁移能力。',
    cloudArchitecture: '混合云',
    paasLayer: '提供设备管理、工业大数据、数据建模分析、低代码应用开发、320个微服务组件和140个机理模型。',
    saasLayer: '面向设计、生产、管理、销售、服务提供210个工业APP，建有开发者社区和应用市场。',
    securityCapability: '通过等保三级测评，部署工控安全审计、态势感知和数据加密等安全防护机制。',
    industryService: '服务汽车零部件行业860家企业，覆盖冲压、焊装、注塑、涂装等工艺环节。',
    domainService: '在设备预测性维护、网络协同制造、产品全生命周期管理等领域形成标准化服务。',
    solutionDetails,
    hasDevelopmentPlan: true,
    independentCompany: false,
    rd2019: 8_200_000,
    rd2020: 9_600_000,
    rd2021: 12_400_000.5,
    revenue2019: 15_000_000,
    revenue2020: 21_000_000,
    revenue2021: 30_000_000,
    cost2019: 9_000_000,
    cost2020: 12_000_000,
    cost2021: 15_000_000,
    listedOrVc: false,
    organisationAndEcosystem: '设立平台事业部，实行首席数字官负责制，联合30家生态伙伴开展解决方案推广。',
    applicationCases: '设备管理优化：为长城精工接入冲压设备260台，非计划停机减少30%；供应链协同优化：为华驰饰件打通主机厂需求，库存下降20%。',
    stableGrowth: '疫情期间帮助120家配套企业远程运维复工复产，保障主机厂供应链稳定。',
    dualChainCarbon: '“双链”：零部件供应链协同解决方案；“双碳”：冲压车间能耗管理解决方案，单位产值能耗下降8%，下一步向省内汽车产业集群推广。',
    economicAnalysis: '依托平台设备开机率数据，按月形成保定汽车零部件产业运行监测报告。',
    nextPlan: '研发汽车零部件工艺机理模型2.0，拓展至京津冀汽车产业集群，探索按效果付费的商业模式。',
    businessLicence: file('营业执照.pdf', 800_000, 'f'),
    creditReport: file('企业征信报告.pdf', 2_000_000, '1'),
    auditReports: [
      { name: '2020年度审计报告.pdf', size: 8_000_000, sha256: '2'.repeat(64) },
      { name: '2021年度审计报告.pdf', size: 9_000_000, sha256: '3'.repeat(64) },
      { name: '项目专项审计报告及服务合同发票.pdf', size: 30_000_000, sha256: '4'.repeat(64) },
    ],
    ipCertificates: file('专利和软著证书.pdf', 25_000_000, '5'),
    deviceList: file('工业设备清单.pdf', 3_000_000, '6'),
    modelList: file('工业模型清单.pdf', 1_000_000, '7'),
    appList: file('工业APP清单.pdf', 1_000_000, '8'),
    solutionList: file('解决方案清单.pdf', 900_000, '9'),
    cloudEnterpriseList: file('2021年度上云上平台企业清单.pdf', 2_000_000, 'b'),
    runLogs: [
      { name: '平台运行日志.pdf', size: 5_000_000, sha256: 'ab'.repeat(32) },
      { name: '平台首页截图.png', size: 700_000, sha256: 'ac'.repeat(32) },
    ],
    supportingEvidence: file('荣誉与组织管理证明材料.pdf', 12_000_000, 'a'),
    sealedApplication: file('申报书盖章扫描件.pdf', 60_000_000, 'e'),
  },
  context,
  expect: [],
};

const cross = variant(
  industry,
  '跨行业跨领域平台：完整、合规的申报书',
  {
    platformName: '汇联工业互联网平台',
    platformType: 'cross-industry',
    industries: ['汽车', '工程机械', { other: '通用设备' }],
    domains: ['设备预测性维护', '网络协同制造'],
    serviceCities: 6,
    serviceParks: 4,
  },
  [],
);

const regional = variant(
  industry,
  '区域平台：完整、合规的申报书（面向行业、领域和行业/领域服务能力可不填，区域服务能力必填）',
  {
    platformName: '保定市工业互联网公共服务平台',
    platformType: 'regional',
    industries: undefined,
    domains: undefined,
    industryService: undefined,
    domainService: undefined,
    regionalService: '面向保定市工业企业提供节能降碳、安全生产、研发设计、智能制造等公共服务，汇聚12个园区平台数据。',
    serviceCities: 1,
    serviceParks: 12,
  },
  [],
);

export const cases: PackCase[] = [
  industry,
  cross,
  regional,

  // ── 平台类别与面向行业/领域（规则） ──
  variant(cross, '双跨平台只选1个大类行业', { industries: ['汽车'] }, [{ path: '/industries', message: '跨行业跨领域平台须不少于2个大类行业', severity: 'error' }]),
  variant(cross, '双跨平台只选1个领域', { domains: ['安全生产'] }, [{ path: '/domains', message: '跨行业跨领域平台须不少于2个领域', severity: 'error' }]),
  variant(industry, '行业平台选了2个大类行业', { industries: ['汽车', '轻工'] }, [{ path: '/industries', message: '行业工业互联网平台仅选择1个大类行业', severity: 'error' }]),
  variant(industry, '行业平台未选面向行业（必填且须为1个）', { industries: [] }, [
    { path: '/industries', message: '请填写「面向行业」', severity: 'error' },
    { path: '/industries', message: '行业工业互联网平台仅选择1个大类行业', severity: 'error' },
  ]),
  variant(industry, '“其他”行业未注明', { industries: [{ other: ' ' }] }, [{ path: '/industries', message: '「面向行业」选择“其他”时请注明', severity: 'error' }]),
  variant(industry, '平台类别不是本通知的三类之一', { platformType: 'platform' }, [{ path: '/platformType', message: '「平台类别」请从本通知的申报方向中选择一个', severity: 'error' }]),

  // ── 按类别必填的关键指标 (15)(16) ──
  variant(cross, '双跨平台未填(15)服务区域数量', { serviceCities: undefined, serviceParks: undefined }, [
    { path: '/serviceCities', message: '申报跨行业跨领域、区域工业互联网平台必须填写(15)服务区域数量（设区市个数或省级以上产业园区个数）', severity: 'error' },
  ]),
  variant(regional, '区域平台(15)两栏均为0', { serviceCities: 0, serviceParks: 0 }, [
    { path: '/serviceCities', message: '申报跨行业跨领域、区域工业互联网平台必须填写(15)服务区域数量（设区市个数或省级以上产业园区个数）', severity: 'error' },
  ]),
  variant(regional, '区域平台只填设区市也可', { serviceParks: undefined }, []),
  variant(industry, '行业平台未填(16)平台完成服务合同额', { contractValue: undefined }, [
    { path: '/contractValue', message: '请填写「(16)平台完成服务合同额（万元）」', severity: 'error' },
  ]),
  variant(regional, '区域平台未填(16)平台完成服务合同额', { contractValue: undefined }, [
    { path: '/contractValue', message: '请填写「(16)平台完成服务合同额（万元）」', severity: 'error' },
  ]),
  variant(industry, '共性指标(4)未填、(7)为负数', { connectedDevices: undefined, mechanismModels: -1 }, [
    { path: '/connectedDevices', message: '请填写「(4)接入设备数量（台/套）」', severity: 'error' },
    { path: '/mechanismModels', message: '「(7)工业机理模型数量（个）」不得小于0个', severity: 'error' },
  ]),
  variant(industry, '(14)新技术应用情况未选', { newTechnologies: [] }, [{ path: '/newTechnologies', message: '请填写「(14)新技术应用情况」', severity: 'error' }]),

  // ── (17)—(19) 标识解析二级节点 ──
  variant(industry, '已接入二级节点但未填(17)—(19)和标识解析融合应用能力', { identifierNode: true }, [
    { path: '/idRegistrations', message: '请填写「(17)二级节点标识注册量（万条）」', severity: 'error' },
    { path: '/idResolutions', message: '请填写「(18)二级节点标识解析量（万次）」', severity: 'error' },
    { path: '/idEnterprises', message: '请填写「(19)二级节点接入企业数（家）」', severity: 'error' },
    { path: '/identifierCapability', message: '请填写「标识解析融合应用能力」', severity: 'error' },
  ]),
  variant(
    industry,
    '已接入二级节点且填写完整',
    { identifierNode: true, idRegistrations: 1520.5, idResolutions: 8630.25, idEnterprises: 146, identifierCapability: '建设汽车零部件行业标识解析二级节点，采用主动标识载体实现零件全生命周期追溯。' },
    [],
  ),
  variant(industry, '未接入二级节点时(17)—(19)不检查', { identifierNode: false, idRegistrations: -5 }, []),
  variant(industry, '未选择是否接入二级节点', { identifierNode: undefined }, [{ path: '/identifierNode', message: '请填写「平台是否已接入标识解析二级节点」', severity: 'error' }]),

  // ── 典型应用企业 ──
  variant(industry, '典型应用企业少于三家', { typicalCustomers: customers.slice(0, 2) }, [
    { path: '/typicalCustomers', message: '「平台典型应用企业名称」至少填写3家（当前2）', severity: 'error' },
  ]),
  variant(industry, '典型应用企业重复', { typicalCustomers: [...customers.slice(0, 2), { ...customers[0], name: '保定长城精工汽车部件有限公司 ' }] }, [
    { path: '/typicalCustomers', message: '平台典型应用企业不得重复，请列举不少于三家不同的典型应用企业', severity: 'error' },
  ]),
  variant(industry, '典型应用企业未提供证明材料', { typicalCustomers: [customers[0], { name: '河北华驰汽车饰件有限公司' }, customers[2]] }, [
    { path: '/typicalCustomers/1/evidence', message: '「平台典型应用企业名称」第2家：请填写「证明材料」', severity: 'error' },
  ]),

  // ── 字数限制 ──
  variant(industry, '申报单位情况介绍超过1500字', { profileOverview: chars(1501) }, [
    { path: '/profileOverview', message: '「企业简介：（一）申报单位情况介绍」不得超过1500字（当前1501字）', severity: 'error' },
    { path: '/profileOverview', message: '「企业简介」限1500字：申报单位情况介绍与核心竞争力介绍合计不得超过1500字', severity: 'error' },
  ]),
  variant(industry, '企业简介两部分合计超过1500字', { profileOverview: chars(800), coreCompetence: chars(701) }, [
    { path: '/profileOverview', message: '「企业简介」限1500字：申报单位情况介绍与核心竞争力介绍合计不得超过1500字', severity: 'error' },
  ]),
  variant(industry, '企业简介两部分合计恰好1500字（换行不计）', { profileOverview: chars(750), coreCompetence: `${chars(375)}\n${chars(375)}` }, []),
  variant(industry, '平台应用案例和效果超过1500字', { applicationCases: chars(1520) }, [
    { path: '/applicationCases', message: '「平台应用案例和效果」不得超过1500字（当前1520字）', severity: 'error' },
  ]),
  variant(industry, '平台下一步发展计划超过1000字', { nextPlan: chars(1001) }, [
    { path: '/nextPlan', message: '「平台下一步发展计划」不得超过1000字（当前1001字）', severity: 'error' },
  ]),

  // ── 申报单位基本信息 ──
  variant(industry, '单位名称与申报单位不一致', { companyName: '汇联汽车零部件' }, [
    { path: '/companyName', message: '「单位名称」须与申报单位名称一致（申报书须加盖本单位公章）', severity: 'error' },
  ]),
  variant(industry, '组织机构代码校验位错误', { organisationCode: '865543881' }, [
    { path: '/organisationCode', message: '「组织机构代码」不是有效的组织机构代码', severity: 'error' },
    { path: '/organisationCode', message: '组织机构代码与本单位统一社会信用代码第9—17位不一致，请核对', severity: 'warning' },
  ]),
  variant(industry, '组织机构代码有效但不是本单位的', { organisationCode: '865543872' }, [
    { path: '/organisationCode', message: '组织机构代码与本单位统一社会信用代码第9—17位不一致，请核对', severity: 'warning' },
  ]),
  variant(industry, '企业性质选“其他”未注明', { ownership: { other: '' } }, [{ path: '/ownership', message: '「企业性质」选择“其他”时请注明', severity: 'error' }]),
  variant(industry, '企业性质“其他（事业单位）”', { ownership: { other: '事业单位' } }, []),
  variant(industry, '上年利润为负数可以填写', { lastYearProfit: -320.5 }, []),
  variant(industry, '手机、电话与E-mail格式错误', { contactMobile: '0312-5096688', contactPhone: 'abc', contactEmail: 'wanglx' }, [
    { path: '/contactMobile', message: '「联系人手机」不是有效的11位手机号码', severity: 'error' },
    { path: '/contactPhone', message: '「联系人电话」不是有效的电话号码', severity: 'error' },
    { path: '/contactEmail', message: '「联系人E-mail」不是有效的电子邮箱', severity: 'error' },
  ]),
  variant(industry, '传真可不填', { contactFax: undefined }, []),
  variant(industry, '企业荣誉可不填', { honours: undefined }, []),
  variant(industry, '企业荣誉未写级别', { honours: [{ award: '两化融合管理体系贯标评定', obtainedDate: '2020-09-30' }] }, [
    { path: '/honours/0/level', message: '「企业荣誉」第1条：请填写「级别」', severity: 'error' },
  ]),
  variant(industry, '填报日期早于通知印发日期', { fillDate: '2022-10-31' }, [{ path: '/fillDate', message: '「填报日期」不得早于2022-11-07', severity: 'error' }]),
  variant(industry, '推荐单位不是所在市工信局', { recommender: '石家庄市工业和信息化局' }, [
    { path: '/recommender', message: '推荐单位应为申报单位所在市（含定州、辛集市）工业和信息化局或雄安新区改革发展局', severity: 'warning' },
  ]),
  variant(industry, '定州市企业由定州市工信局推荐', { recommender: '定州市工业和信息化局' }, [], { org: { ...org, divisionCode: '130682' } }),
  variant(industry, '雄县企业由雄安新区改革发展局推荐', { recommender: '雄安新区改革发展局' }, [], { org: { ...org, divisionCode: '130638' } }),
  variant(industry, '申报单位不在河北省注册', {}, [{ path: '/companyName', message: '申报主体须为在河北省注册的单位', severity: 'error' }], {
    org: { ...org, divisionCode: '110108' },
  }),

  // ── 平台基础信息 ──
  variant(industry, '建设主体不含申报单位', { constructionEntity: '保定云联科技有限公司' }, [
    { path: '/constructionEntity', message: '申报单位应是申报平台的建设运营主体及产权拥有者，「建设主体」须包含申报单位', severity: 'error' },
  ]),
  variant(industry, '合作共建未注明合作企业', { constructionMode: '合作共建', constructionEntity: '保定汇联汽车零部件有限公司、河北云联科技有限公司' }, [
    { path: '/partnerNames', message: '请填写「合作企业名称」', severity: 'error' },
  ]),
  variant(industry, '自建IaaS无需注明服务商', { iaas: '自建', iaasProvider: undefined }, []),
  variant(industry, '租用IaaS未注明服务商', { iaasProvider: '' }, [{ path: '/iaasProvider', message: '请填写「IaaS服务商名称」', severity: 'error' }]),
  variant(industry, '建设时间起止颠倒', { constructionPeriod: { from: '2022-06', to: '2020-03' } }, [
    { path: '/constructionPeriod', message: '「建设时间」的开始年月不得晚于结束年月', severity: 'error' },
  ]),
  variant(industry, '新技术选项无效', { newTechnologies: ['5G', '元宇宙'] }, [{ path: '/newTechnologies', message: '「(14)新技术应用情况」含无效选项：元宇宙', severity: 'error' }]),

  // ── 应用服务能力 ──
  variant(cross, '双跨平台未填行业服务能力和领域服务能力', { industryService: '', domainService: undefined }, [
    { path: '/industryService', message: '请填写「平台服务能力：（1）行业服务能力」', severity: 'error' },
    { path: '/domainService', message: '请填写「平台服务能力：（2）领域服务能力」', severity: 'error' },
  ]),
  variant(regional, '区域平台未填区域服务能力', { regionalService: undefined }, [
    { path: '/regionalService', message: '请填写「平台服务能力：（3）区域服务能力」', severity: 'error' },
  ]),
  variant(industry, '详细介绍的解决方案不足3个', { solutionDetails: solutionDetails.slice(0, 2) }, [
    { path: '/solutionDetails', message: '「解决方案供给能力」至少填写3个（当前2）', severity: 'error' },
  ]),
  variant(industry, '(11)解决方案数量少于详细介绍的个数', { solutions: 2 }, [
    { path: '/solutions', message: '(11)解决方案数量少于“解决方案供给能力”中详细介绍的解决方案个数，请核对', severity: 'warning' },
  ]),

  // ── 可持续发展能力（投资回报率自动计算，不由申报单位填写） ──
  variant(industry, '研发投入某年未填', { rd2020: undefined }, [{ path: '/rd2020', message: '请填写「2020年平台相关的研发投入（元）」', severity: 'error' }]),
  variant(industry, '业务收入超过两位小数', { revenue2021: 30_000_000.125 }, [{ path: '/revenue2021', message: '「2021年平台相关的业务收入（元）」最多保留2位小数', severity: 'error' }]),
  variant(industry, '是否独立公司运营未选', { independentCompany: undefined }, [{ path: '/independentCompany', message: '请填写「平台是否为独立公司运营」', severity: 'error' }]),

  // ── 证明材料 ──
  variant(industry, '缺少附件1营业执照和附件8解决方案清单', { businessLicence: undefined, solutionList: [] }, [
    { path: '/businessLicence', message: '请填写「附件1：企业法人营业执照及组织机构代码证书」', severity: 'error' },
    { path: '/solutionList', message: '请填写「附件8：解决方案清单」', severity: 'error' },
  ]),
  variant(industry, '征信报告不是PDF', { creditReport: file('企业征信报告.docx', 100_000, '1') }, [
    { path: '/creditReport/0', message: '「附件2：企业征信情况报告」只接受 .pdf 文件（企业征信报告.docx）', severity: 'error' },
  ]),
  variant(industry, '审计报告文件超过50MB', { auditReports: file('近两年审计报告.pdf', 60 * 1024 * 1024, '2') }, [
    { path: '/auditReports/0', message: '「附件3：近两年年度审计报告、近两年项目专项审计报告」单个文件不得超过50MB（近两年审计报告.pdf）', severity: 'error' },
  ]),
  variant(industry, '有专利软著却未交附件4', { ipCertificates: undefined }, [
    { path: '/ipCertificates', message: '请填写「附件4：产品专利和知识产权证书」', severity: 'error' },
  ]),
  variant(industry, '无专利软著时附件4可不交', { patents: 0, softwareCopyrights: 0, ipCertificates: undefined }, []),
  variant(industry, '有接入设备、模型、APP、企业却未交附件5、6、7、9', { deviceList: undefined, modelList: undefined, appList: undefined, cloudEnterpriseList: undefined }, [
    { path: '/deviceList', message: '请填写「附件5：工业设备清单」', severity: 'error' },
    { path: '/modelList', message: '请填写「附件6：工业模型清单」', severity: 'error' },
    { path: '/appList', message: '请填写「附件7：工业APP清单」', severity: 'error' },
    { path: '/cloudEnterpriseList', message: '请填写「附件9：2021年度实际服务企业上云上平台清单」', severity: 'error' },
  ]),
  variant(industry, '已建成平台未交附件10运行日志和截图', { runLogs: undefined }, [
    { path: '/runLogs', message: '请填写「附件10：平台运行日志、平台截图」', severity: 'error' },
  ]),
  variant(industry, '拟建平台可不交附件10', { constructionStatus: '拟建', runLogs: undefined }, []),
  variant(industry, '缺少附件11和盖章申报书', { supportingEvidence: undefined, sealedApplication: undefined }, [
    { path: '/supportingEvidence', message: '请填写「附件11：申报书中需要提供的相关证明材料」', severity: 'error' },
    { path: '/sealedApplication', message: '请填写「加盖申报单位公章和骑缝章的申报书扫描件」', severity: 'error' },
  ]),
  variant(industry, '盖章申报书上传了两份', { sealedApplication: [...file('盖章扫描件1.pdf'), ...file('盖章扫描件2.pdf', 1000, 'f')] }, [
    { path: '/sealedApplication', message: '「加盖申报单位公章和骑缝章的申报书扫描件」最多上传1个文件', severity: 'error' },
  ]),
  variant(industry, '表单中没有的字段', { subsidyRequested: 100 }, [
    { path: '/subsidyRequested', message: '表单「河北省省级工业互联网平台申报书」没有字段“subsidyRequested”', severity: 'error' },
  ]),
];
