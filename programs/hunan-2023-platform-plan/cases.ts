import { chars, variant, type PackCase } from '@shenbao/rules';

// 长沙工创互联科技有限公司: a demo enterprise of apps/server/src/demo/organisations.yaml (长沙市, 430100).
const org = { name: '长沙工创互联科技有限公司', kind: 'enterprise', creditCode: '91430100592347568C', divisionCode: '430100', regionClass: null };
const context = { org, lists: {}, applications: [] };

const pdf = (name: string, size = 2_000_000, fill = 'a') => [{ name, size, sha256: fill.repeat(64) }];

/** The itemised list of completed investment: totals are quantity × unit price (万元), together 1850 万元. */
const items = [
  { category: '硬件设备费', item: '边缘计算网关', contract: '边缘计算网关采购合同', maker: '湖南某智能装备有限公司', quantity: 120, unitPrice: 2.5 }, // 300
  { category: '硬件设备费', item: '振动与温度传感器', contract: '工业传感器采购合同', maker: '长沙某传感技术有限公司', quantity: 2000, unitPrice: 0.085 }, // 170
  { category: '软件设备费', item: '工业互联网平台PaaS软件及定制开发', contract: '平台软件开发合同', maker: '某软件股份有限公司', quantity: 1, unitPrice: 680 }, // 680
  { category: '云服务费用', item: '云计算与云存储服务（年）', contract: '云服务合同', maker: '某云计算有限公司', quantity: 3, unitPrice: 150 }, // 450
  { category: '人工费用', item: '平台开发与实施新增人员劳务（人月）', contract: '劳务合同', quantity: 50, unitPrice: 5 }, // 250, no 生产厂商
];

const base: PackCase = {
  name: '申报书（特色型·行业级）：完整、合规的申报',
  form: 'platform-application',
  answers: {
    companyName: '长沙工创互联科技有限公司',
    platformName: '工创云工程机械行业工业互联网平台',
    contactName: '谭志刚',
    contactPhone: '13907310001',
    recommender: '长沙市工业和信息化局',
    applicationDate: '2023-02-15',
    projectPeriod: { from: '2021-03', to: '2023-10' },
    plannedInvestment: 2600,
    completedInvestment: 1850,
    organisationCode: '592347568',
    ownership: '民营',
    address: '湖南省长沙市岳麓区麓谷大道658号',
    foundedDate: '2014-06-18',
    cityCounty: '长沙市/岳麓区',
    park: '长沙高新技术产业开发区',
    leaderName: '谭志刚',
    leaderDepartment: '平台事业部',
    leaderPosition: '总经理',
    leaderProfessionalTitle: '高级工程师',
    leaderPhone: '0731-88001234',
    leaderMobile: '13907310001',
    leaderEmail: 'tanzg@gongchuang.example.cn',
    techSupport: [
      { name: '湖南大学', nature: '高等院校', code: '1243010028061919XD' },
      { name: '株洲轨道智联装备有限公司', nature: '民营企业', code: '33007069-3' },
    ],
    staffTotal: 86,
    staffSenior: 12,
    staffMiddle: 34,
    staffJunior: 28,
    staffOther: 12,
    staffPersonMonths: 1280,
    totalAssets2021: 52000,
    totalAssets2022: 61000,
    debtRatio2021: 48.5,
    debtRatio2022: 46.2,
    mainRevenue2021: 38000,
    mainRevenue2022: 45600,
    tax2021: 1850,
    tax2022: 2230,
    profit2021: 3200,
    profit2022: 4100,
    rdInvestment2021: 2600,
    rdInvestment2022: 3150,
    honours: [{ projectName: '工程机械产业链协同工业互联网平台', honourName: '湖南省“数字新基建”标志性项目' }],
    profile: '申报单位主要提供工程机械设备远程运维与产业链协同服务。平台面向工程机械主机厂及配套企业，提供设备接入、工况分析、预测性维护和供应链协同。项目计划投资2600万元，已完成1850万元。',
    buildMode: '自建',
    iaas: '租用',
    iaasProvider: '某云计算有限公司',
    operation: '独立运营',
    platformType: 'featured-industry',
    sceneCount: 6,
    scenes: ['研发设计', '生产作业', '质量管控', '仓储物流', '产品服务', '5G、区块链、VR/AR、数字孪生等新技术应用场景'],
    industryCount: 2,
    industries: ['工程机械', '轨道交通装备'],
    platformInvestTotal: 1850,
    platformInvest2021: 620,
    platformInvest2022: 980,
    platformRevenueTotal: 1260,
    platformRevenue2021: 480,
    platformRevenue2022: 780,
    registeredUsers: 5200,
    activeUsers: 1800,
    orders2022: 3600,
    serviceContracts2022: 980.5,
    serviceCities: 6,
    serviceParks: 4,
    connectedEnterprises: 420,
    thirdPartyProviders: 35,
    connectedDevices: 28000,
    dataPoints: 360000,
    protocols: 45,
    dataStockTb: 120.5,
    models: 260,
    industrialApps: 180,
    indicatorEvidence: pdf('平台能力指标证明材料.pdf'),
    investmentItems: items,
    necessity: '平台聚焦工程机械设备运维与配套协同，解决设备数据分散、故障响应慢、配套供应不稳定等问题。',
    architecture: '边缘层、IaaS层、PaaS层、应用层四层架构。',
    deviceConnectivity: '支持45种工业协议解析，接入设备2.8万台。',
    dataAnalytics: '提供时序数据存储、工况分析与故障预测模型。',
    securityProtection: '通过等保三级测评，部署工业防火墙与态势感知。',
    serviceFocus: '聚焦生产作业、质量管控、产品服务等环节。',
    solutions: '设备远程运维、预测性维护、供应链协同解决方案。',
    applicationCases: '服务主机厂及配套企业420家，设备非计划停机下降25%。',
    newTechnology: '应用5G专网与数字孪生开展设备远程诊断。',
    buildPlan: '2023年完成平台3.0升级，新增工业APP 50个，拓展至轨道交通装备行业。',
    otherOutcomes: '无',
    sealedApplication: pdf('申报书盖章签字版.pdf', 8_000_000, 'b'),
    screenshots: pdf('平台功能界面截图.pdf', 12_000_000, 'c'),
    businessLicence: pdf('营业执照.pdf', 1_000_000, 'd'),
    investmentVouchers: pdf('合同发票支付凭证.pdf', 60_000_000, 'e'),
    serviceRegionEvidence: pdf('服务区域列表及协议.pdf', 3_000_000, 'f'),
    serviceEnterpriseEvidence: pdf('服务企业列表及合同.pdf', 9_000_000, '1'),
    qualifications: pdf('资质专利证书.pdf', 6_000_000, '2'),
    auditedFinancials: pdf('2021-2022年度审计报告.pdf', 15_000_000, '3'),
    taxCertificate: pdf('纳税证明.pdf', 500_000, '4'),
  },
  context,
  expect: [],
};

const row = (i: number, changes: Record<string, unknown>) => items.map((r, j) => (j === i ? { ...r, ...changes } : r));
const noIndicators1to7 = {
  registeredUsers: undefined,
  activeUsers: undefined,
  orders2022: undefined,
  serviceContracts2022: undefined,
  serviceCities: undefined,
  serviceParks: undefined,
  connectedEnterprises: undefined,
  thirdPartyProviders: undefined,
};

/** 专业型 (enterprise-level): indicators 1–7 left blank, which the notice allows; the "若有" evidence then not required either. */
const professional = variant(base, '申报书（专业型）：指标1—7选填，留空仍合规', {
  platformType: 'professional',
  ...noIndicators1to7,
  serviceRegionEvidence: undefined,
  serviceEnterpriseEvidence: undefined,
}, []);

export const cases: PackCase[] = [
  base,
  professional,
  variant(base, '申报书（综合型）：完整、合规的申报', { platformType: 'comprehensive' }, []),
  variant(base, '申报书（特色型·区域级）：完整、合规的申报', { platformType: 'featured-regional' }, []),

  // —— 平台类别与能力指标 1—13
  variant(professional, '专业型缺指标8“接入设备数”（指标1可空）', { connectedDevices: undefined }, [
    { path: '/connectedDevices', message: '请填写「接入设备数（个）」', severity: 'error' },
  ]),
  variant(professional, '专业型缺指标9—13', { dataPoints: undefined, protocols: undefined, dataStockTb: undefined, models: undefined, industrialApps: undefined }, [
    { path: '/dataPoints', message: '请填写「接入数据采集点数（个）」', severity: 'error' },
    { path: '/protocols', message: '请填写「可解析的工业网络协议种类（种）」', severity: 'error' },
    { path: '/dataStockTb', message: '请填写「平台积累的工业数据存量（TB）」', severity: 'error' },
    { path: '/models', message: '请填写「平台积累的模型数（个）」', severity: 'error' },
    { path: '/industrialApps', message: '请填写「工业APP数（个）」', severity: 'error' },
  ]),
  variant(base, '特色型缺指标1“注册用户数”', { registeredUsers: undefined }, [{ path: '/registeredUsers', message: '请填写「注册用户数（个）」', severity: 'error' }]),
  variant(base, '综合型缺指标1—7（须全填）', { platformType: 'comprehensive', ...noIndicators1to7, serviceRegionEvidence: undefined, serviceEnterpriseEvidence: undefined }, [
    { path: '/registeredUsers', message: '请填写「注册用户数（个）」', severity: 'error' },
    { path: '/activeUsers', message: '请填写「活跃用户数（个）」', severity: 'error' },
    { path: '/orders2022', message: '请填写「2022年订单数量（笔）」', severity: 'error' },
    { path: '/serviceContracts2022', message: '请填写「2022年服务合同额（万元）」', severity: 'error' },
    { path: '/serviceCities', message: '请填写「服务区域数：地级市（个）」', severity: 'error' },
    { path: '/serviceParks', message: '请填写「服务区域数：省级以上园区（个）」', severity: 'error' },
    { path: '/connectedEnterprises', message: '请填写「接入企业数（个）」', severity: 'error' },
    { path: '/thirdPartyProviders', message: '请填写「接入第三方服务商数量（个）」', severity: 'error' },
  ]),
  variant(base, '平台类别选了“特色型”但未选行业级或区域级', { platformType: 'featured' }, [
    { path: '/platformType', message: '「平台类别」请从本通知的申报方向中选择一个', severity: 'error' },
  ]),
  variant(base, '综合型仅覆盖1个行业（跨行业跨领域）', { platformType: 'comprehensive', industryCount: 1, industries: ['工程机械'] }, [
    { path: '/platformType', message: '综合型工业互联网平台应具有跨行业跨领域的综合服务能力，覆盖行业数和覆盖场景数均应不少于2个', severity: 'warning' },
  ]),
  variant(base, '区域级特色平台服务区域数为0', { platformType: 'featured-regional', serviceCities: 0, serviceParks: 0, serviceRegionEvidence: undefined }, [
    { path: '/serviceCities', message: '区域级特色工业互联网平台应面向区域，推动平台在园区或产业集聚区落地，服务区域数（地级市或省级以上园区）不应为0', severity: 'warning' },
  ]),
  variant(base, '活跃用户数大于注册用户数', { activeUsers: 6000 }, [{ path: '/activeUsers', message: '活跃用户数大于注册用户数，请核对', severity: 'warning' }]),
  variant(base, '指标为负数、数据存量超两位小数', { models: -1, dataStockTb: 120.555 }, [
    { path: '/models', message: '「平台积累的模型数（个）」不得小于0个', severity: 'error' },
    { path: '/dataStockTb', message: '「平台积累的工业数据存量（TB）」最多保留2位小数', severity: 'error' },
  ]),

  // —— 覆盖场景、面向行业（“老三样”“新三样”）
  variant(base, '覆盖场景数少于勾选数', { sceneCount: 5 }, [{ path: '/sceneCount', message: '覆盖场景数少于所勾选的覆盖场景数，请核对', severity: 'warning' }]),
  variant(base, '覆盖行业数少于勾选数', { industries: ['工程机械', '轨道交通装备', '新能源汽车'] }, [
    { path: '/industryCount', message: '覆盖行业数少于所勾选的面向行业数，请核对', severity: 'warning' },
  ]),
  variant(base, '面向行业填了通知未列的行业（应选“其他（请注明）”）', { industries: ['工程机械', '生物医药'] }, [
    { path: '/industries', message: '「面向行业」含无效选项：生物医药', severity: 'error' },
  ]),
  variant(base, '面向行业选“其他”并注明', { industryCount: 3, industries: ['工程机械', '现代石化', { other: '生物医药' }] }, []),
  variant(base, '未勾选覆盖场景', { scenes: [] }, [{ path: '/scenes', message: '请填写「覆盖场景」', severity: 'error' }]),

  // —— 建设方式、IaaS、平台运营
  variant(base, '合作共建未填合作伙伴', { buildMode: '合作共建' }, [{ path: '/buildPartner', message: '请填写「合作伙伴」', severity: 'error' }]),
  variant(base, 'IaaS设施租用未填服务商', { iaasProvider: undefined }, [{ path: '/iaasProvider', message: '请填写「服务商」', severity: 'error' }]),
  variant(base, 'IaaS设施自建无需服务商', { iaas: '自建', iaasProvider: undefined }, []),
  variant(base, '平台运营选“其他”未注明', { operation: { other: '' } }, [{ path: '/operation', message: '「平台运营」选择“其他”时请注明', severity: 'error' }]),

  // —— 项目参与工作人员：高级 + 中级 + 初级 + 其他 = 总数
  variant(base, '人员分项之和不等于总数', { staffOther: 10 }, [
    { path: '/staffTotal', message: '项目参与工作人员中高级职称、中级职称、初级职称、其他人员人数之和须等于总数', severity: 'error' },
  ]),
  variant(base, '人员分项漏填（只报必填，不报求和）', { staffJunior: undefined }, [{ path: '/staffJunior', message: '请填写「初级职称（人）」', severity: 'error' }]),
  variant(base, '人员数不是整数（分项之和也随之不等）', { staffSenior: 12.5 }, [
    { path: '/staffSenior', message: '「高级职称（人）」应为整数', severity: 'error' },
    { path: '/staffTotal', message: '项目参与工作人员中高级职称、中级职称、初级职称、其他人员人数之和须等于总数', severity: 'error' },
  ]),

  // —— 企业及项目简介（800字以内）
  variant(base, '企业及项目简介超过800字', { profile: chars(801) }, [{ path: '/profile', message: '「企业及项目简介」不得超过800字（当前801字）', severity: 'error' }]),
  variant(base, '企业及项目简介恰好800字（换行不计）', { profile: `${chars(400)}\n${chars(400)}` }, []),

  // —— 项目起止时间、投资、收入
  variant(base, '项目结束时间晚于2023年10月', { projectPeriod: { from: '2021-03', to: '2023-12' } }, [
    { path: '/projectPeriod', message: '平台须在2023年10月底前完成建设任务、形成服务能力并投入应用，项目结束时间不得晚于2023年10月', severity: 'error' },
  ]),
  variant(base, '已完成投资大于计划投资', { plannedInvestment: 1800 }, [{ path: '/completedInvestment', message: '已完成投资大于计划投资，请核对', severity: 'warning' }]),
  variant(base, '平台2021、2022年投资额之和超过投资总额', { platformInvest2022: 1300 }, [
    { path: '/platformInvestTotal', message: '2021年投资额与2022年投资额之和不得超过平台投资总额', severity: 'error' },
  ]),
  variant(base, '平台2021、2022年收入之和超过收入总额', { platformRevenueTotal: 1000 }, [
    { path: '/platformRevenueTotal', message: '2021年平台收入与2022年平台收入之和不得超过平台收入总额', severity: 'error' },
  ]),
  variant(base, '未填平台收入情况（如有）：提示“有运营收入”', { platformRevenueTotal: undefined, platformRevenue2021: undefined, platformRevenue2022: undefined }, [
    { path: '/platformRevenueTotal', message: '征集条件要求平台“有运营收入”，未填写平台收入情况或平台收入总额为0', severity: 'warning' },
  ]),
  variant(base, '利润为负（亏损）可以填写', { profit2021: -320.5 }, []),
  variant(base, '金额超过两位小数、总资产为负', { plannedInvestment: 2600.125, totalAssets2021: -1 }, [
    { path: '/plannedInvestment', message: '「计划投资（万元）」最多保留2位小数', severity: 'error' },
    { path: '/totalAssets2021', message: '「2021年总资产（万元）」不得小于0万元', severity: 'error' },
  ]),

  // —— 平台已完成的投资清单：总价 = 数量 × 单价（万元），合计由系统计算
  variant(base, '投资清单：填入的总价与合计被系统重新计算', {
    investmentItems: items.map((r) => ({ ...r, total: 1 })),
    investmentListTotal: 99999,
  }, []),
  variant(base, '投资清单：数量变化使合计与已完成投资不一致', { investmentItems: row(1, { quantity: 2100 }) }, [
    { path: '/investmentListTotal', message: '平台已完成的投资清单合计与“已完成投资”不一致，请核对', severity: 'warning' },
  ]),
  variant(base, '投资清单：单价精确到元（4位小数）、总价四舍五入到分', {
    investmentItems: row(1, { quantity: 1999, unitPrice: 0.0851 }), // 1999 × 0.0851 = 170.1149 → 170.11
    completedInvestment: 1850.11,
  }, []),
  variant(base, '投资清单：单价超过4位小数', { investmentItems: row(1, { unitPrice: 0.08505 }) }, [
    { path: '/investmentItems/1/unitPrice', message: '「单价（万元）」最多保留4位小数', severity: 'error' },
    // 2000 × 0.08505 = 170.1 → 合计 1850.1
    { path: '/investmentListTotal', message: '平台已完成的投资清单合计与“已完成投资”不一致，请核对', severity: 'warning' },
  ]),
  variant(base, '投资清单：漏填单价（该行总价不计入合计）', { investmentItems: row(0, { unitPrice: undefined }) }, [
    { path: '/investmentItems/0/unitPrice', message: '「平台已完成的投资清单」第1条：请填写「单价（万元）」', severity: 'error' },
    { path: '/investmentListTotal', message: '平台已完成的投资清单合计与“已完成投资”不一致，请核对', severity: 'warning' },
  ]),
  variant(base, '投资清单：硬件设备缺生产厂商（人工费用可不填）', { investmentItems: row(0, { maker: '' }) }, [
    { path: '/investmentItems/0/maker', message: '「平台已完成的投资清单」第1条：请填写「生产厂商」', severity: 'error' },
  ]),
  variant(base, '投资清单：类别不是通知所列四类', { investmentItems: row(3, { category: '云服务设备费' }) }, [
    { path: '/investmentItems/3/category', message: '「类别」的选项无效', severity: 'error' },
  ]),
  variant(base, '投资清单：一条也没有', { investmentItems: [] }, [
    { path: '/investmentItems', message: '请填写「平台已完成的投资清单」', severity: 'error' },
    { path: '/investmentItems', message: '「平台已完成的投资清单」至少填写1条（当前0）', severity: 'error' },
  ]),

  // —— 申报单位信息
  variant(base, '组织机构代码与本单位信用代码不一致', { organisationCode: '861401340' }, [
    { path: '/organisationCode', message: '组织机构代码与本单位统一社会信用代码第9—17位不一致，请核对', severity: 'warning' },
  ]),
  variant(base, '组织机构代码校验位错误', { organisationCode: '592347560' }, [
    { path: '/organisationCode', message: '「组织机构代码」不是有效的组织机构代码', severity: 'error' },
    { path: '/organisationCode', message: '组织机构代码与本单位统一社会信用代码第9—17位不一致，请核对', severity: 'warning' },
  ]),
  variant(base, '技术支撑单位代码无效', { techSupport: [{ name: '湖南大学', nature: '高等院校', code: '1243010028061919XA' }] }, [
    { path: '/techSupport', message: '技术支撑单位的组织机构代码（统一社会信用代码）无效，请核对（18位统一社会信用代码或9位组织机构代码，校验位须正确）', severity: 'error' },
  ]),
  variant(base, '技术支撑单位（选填）可不填', { techSupport: undefined }, []),
  variant(base, '技术支撑单位行缺单位性质', { techSupport: [{ name: '湖南大学', code: '1243010028061919XD' }] }, [
    { path: '/techSupport/0/nature', message: '「技术支撑单位信息」第1家：请填写「单位性质」', severity: 'error' },
  ]),
  variant(base, '平台负责人手机与邮箱格式错误', { leaderMobile: '0731-8800123', leaderEmail: 'tanzg' }, [
    { path: '/leaderMobile', message: '「移动电话」不是有效的11位手机号码', severity: 'error' },
    { path: '/leaderEmail', message: '「电子邮箱」不是有效的电子邮箱', severity: 'error' },
  ]),
  variant(base, '企业荣誉与所在园区可不填', { honours: undefined, park: undefined }, []),
  variant(base, '申报单位不在湖南省', { companyName: '石家庄智造云科技有限公司', organisationCode: '949887859' }, [
    { path: '/companyName', message: '申报单位须在湖南省依法设立', severity: 'error' },
  ], {
    org: { name: '石家庄智造云科技有限公司', kind: 'enterprise', creditCode: '91130100949887859M', divisionCode: '130100', regionClass: null },
  }),

  // —— 证明材料
  variant(base, '填了服务区域数、接入企业数但缺（若有）证明材料', { serviceRegionEvidence: undefined, serviceEnterpriseEvidence: [] }, [
    { path: '/serviceRegionEvidence', message: '请填写「服务区域列表，区域服务协议或合同」', severity: 'error' },
    { path: '/serviceEnterpriseEvidence', message: '请填写「服务企业列表，客户服务合同、支付凭证和发票复印件」', severity: 'error' },
  ]),
  variant(base, '申报书扫描件不是PDF', { sealedApplication: pdf('申报书.docx', 1000, '5') }, [
    { path: '/sealedApplication/0', message: '「加盖公章并经法人代表或其授权代表签名的申报书扫描件」只接受 .pdf 文件（申报书.docx）', severity: 'error' },
  ]),
  variant(base, '缺纳税证明材料', { taxCertificate: undefined }, [{ path: '/taxCertificate', message: '请填写「纳税证明材料」', severity: 'error' }]),
];
