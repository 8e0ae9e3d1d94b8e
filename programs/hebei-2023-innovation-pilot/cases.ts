import { chars, variant, type PackCase } from '@shenbao/rules';

const org = { name: '石家庄智造云科技有限公司', kind: 'enterprise', creditCode: '91130100949887859M', divisionCode: '130100', regionClass: null };
const cultivation = [
  { year: '2022', city: '石家庄市', companyName: '石家庄智造云科技有限公司', projectName: '基于5G的装备制造智能工厂建设项目' },
  { year: '2023', city: '石家庄市', companyName: '石家庄智造云科技有限公司', projectName: '智造云装备行业工业互联网平台' },
];
const context = { org, lists: { cultivation }, applications: [] };

const common = {
  companyName: '石家庄智造云科技有限公司',
  projectPeriod: { from: '2022-03', to: '2023-06' },
  legalRepresentative: '张建华',
  ownership: '民营',
  organisationCode: '949887859',
  employeeCount: 420,
  itDepartmentName: '信息中心',
  itDepartmentSize: 18,
  contactName: '李明',
  contactMobile: '13832112345',
  contactDepartment: '信息中心',
  contactTitle: '主任',
  contactFax: '无',
  contactEmail: 'liming@zhizaoyun.example.cn',
  twoIntegration: { value: true, year: 2021 },
  itInnovationAward: { value: false },
  nationalPilot: { value: false },
  provincialPilot: { value: false },
  specialisedSme: { value: true, year: 2022 },
  epidemicSupplier: { value: false },
  constructionContent: '建设覆盖冲压、焊接、总装三条产线的5G专网，部署设备联网与边缘计算节点，实现生产数据实时采集与质量追溯。',
  benefits: '生产效率提高18%，产品不良率下降30%，能耗降低12%。',
  innovation: '首创5G+边缘计算的装备制造质量追溯模式，可在省内装备制造企业推广。',
  investmentTotal: 860.5,
  investAutomation: 420,
  investIt: 260.25,
  investDevelopment: 150.25,
  investOther: 30,
  receivedProvincialFunds: false,
  sealedApplication: [{ name: '申报材料盖章版.pdf', size: 4_200_000, sha256: 'a'.repeat(64) }],
  achievementEvidence: [{ name: '两化融合评定证书.pdf', size: 800_000, sha256: 'b'.repeat(64) }],
};

const mode: PackCase = {
  name: '模式应用类：完整、合规的申报',
  form: 'mode-application',
  answers: { ...common, projectName: '基于5G的装备制造智能工厂建设项目', direction: 'smart-manufacturing' },
  context,
  expect: [],
};

const platform: PackCase = {
  name: '平台类：完整、合规的申报',
  form: 'platform',
  answers: {
    ...common,
    projectName: '智造云装备行业工业互联网平台',
    direction: 'general-equipment',
    servedEnterprises: 320,
    connectedDevices: 15000,
    processDataPoints: 0,
    mechanismModels: 85,
    softwareInterfaces: 40,
    microservices: 260,
    industrialApps: 120,
    dataStorageTb: 56.5,
    architecture: '混合云',
  },
  context,
  expect: [],
};

const ledger: PackCase = {
  name: '投资清单：完整、合规',
  form: 'investment-ledger',
  answers: {
    completionYear: 2023,
    items: [
      { category: '自动化设备购置与改造', seq: 1, equipment: '六轴焊接机器人', supplier: '某机器人有限公司', contract: 'HT-2022-018', contractAmount: 120, invoiceAmount: 120, invoiceDate: '2022-06-15', paymentVoucherNo: 'FK-0618', paymentAmount: 120 },
      { category: '系统开发与服务', seq: 1, equipment: 'MES系统开发', supplier: '某软件有限公司', contract: 'HT-2021-102', contractAmount: 80, invoiceAmount: 80, invoiceDate: '2021-11-02', paymentVoucherNo: 'FK-1102', paymentAmount: 60 },
    ],
    vouchers: [{ name: '合同发票凭证.pdf', size: 30_000_000, sha256: 'c'.repeat(64) }],
  },
  context,
  expect: [],
};

export const cases: PackCase[] = [
  mode,
  platform,
  ledger,
  variant(mode, '分项之和不等于总投资', { investOther: 31 }, [
    { path: '/investmentTotal', message: '自动化设备购置与改造、信息化软硬件购置、系统开发与服务、其他四项之和须等于总投资', severity: 'error' },
  ]),
  variant(mode, '实际投资额低于500万元', { investmentTotal: 499.99, investAutomation: 200, investIt: 149.99, investDevelopment: 120, investOther: 30 }, [
    { path: '/investmentTotal', message: '申报模式应用类、行业（区域）级工业互联网平台类的项目，实际投资额需在500万元以上', severity: 'error' },
  ]),
  variant(platform, '平台类同样适用500万元门槛', { investmentTotal: 300, investAutomation: 100, investIt: 100, investDevelopment: 70, investOther: 30 }, [
    { path: '/investmentTotal', message: '申报模式应用类、行业（区域）级工业互联网平台类的项目，实际投资额需在500万元以上', severity: 'error' },
  ]),
  variant(mode, '项目建设内容超过500字', { constructionContent: chars(501) }, [
    { path: '/constructionContent', message: '「项目建设内容」不得超过500字（当前501字）', severity: 'error' },
  ]),
  variant(mode, '效益超过300字', { benefits: chars(301) }, [{ path: '/benefits', message: '「项目达到的经济和社会效益」不得超过300字（当前301字）', severity: 'error' }]),
  variant(mode, '创新性超过300字', { innovation: chars(320) }, [{ path: '/innovation', message: '「项目创新性及推广价值」不得超过300字（当前320字）', severity: 'error' }]),
  variant(mode, '栏目空缺（应填“无”）', { legalRepresentative: '  ', contactFax: undefined }, [
    { path: '/legalRepresentative', message: '请填写「法人代表」（无内容时请填写“无”）', severity: 'error' },
    { path: '/contactFax', message: '请填写「传真」（无内容时请填写“无”）', severity: 'error' },
  ]),
  variant(mode, '项目名称不在重点培育项目名单中', { projectName: '未入库的数字化车间项目' }, [
    { path: '/projectName', message: '项目名称须与2021、2022、2023年河北省工业互联网创新发展重点培育项目名单中的名称一致', severity: 'error' },
  ]),
  variant(mode, '企业名称与注册名称不一致', { companyName: '智造云科技' }, [
    { path: '/companyName', message: '企业名称须填写全称，并与工商注册和银行开户的户名一致', severity: 'error' },
  ]),
  variant(mode, '组织机构代码校验位错误', { organisationCode: '949887850' }, [
    { path: '/organisationCode', message: '「组织机构代码」不是有效的组织机构代码', severity: 'error' },
    { path: '/organisationCode', message: '组织机构代码与本单位统一社会信用代码第9—17位不一致，请核对', severity: 'warning' },
  ]),
  variant(mode, '移动电话与邮箱格式错误', { contactMobile: '0311-8790872', contactEmail: 'liming' }, [
    { path: '/contactMobile', message: '「移动电话」不是有效的11位手机号码', severity: 'error' },
    { path: '/contactEmail', message: '「电子邮箱」不是有效的电子邮箱', severity: 'error' },
  ]),
  variant(mode, '已获得省级财政资金支持', { receivedProvincialFunds: true }, [{ path: '/receivedProvincialFunds', message: '已获得省级财政资金支持的项目不可重复申报', severity: 'error' }]),
  variant(mode, '企业成就选“是”未填年份', { twoIntegration: { value: true } }, [{ path: '/twoIntegration', message: '「通过两化融合贯标评定」选择“是”时请填写评定年份', severity: 'error' }]),
  variant(mode, '有企业成就但未上传证明材料', { achievementEvidence: [] }, [{ path: '/achievementEvidence', message: '请填写「企业成就证明材料」（无内容时请填写“无”）', severity: 'error' }]),
  variant(mode, '无企业成就时证明材料可不上传', { twoIntegration: { value: false }, specialisedSme: { value: false }, achievementEvidence: undefined }, []),
  variant(mode, '申报材料扫描件格式不符', { sealedApplication: [{ name: '申报材料.docx', size: 1000, sha256: 'd'.repeat(64) }] }, [
    { path: '/sealedApplication/0', message: '「加盖申报单位公章的申报材料扫描件」只接受 .pdf 文件（申报材料.docx）', severity: 'error' },
  ]),
  variant(mode, '模式应用类选择了平台类方向', { direction: 'steel' }, [{ path: '/direction', message: '「项目方向」请从本通知的申报方向中选择一个', severity: 'error' }]),
  variant(mode, '项目结束时间晚于2023年6月', { projectPeriod: { from: '2022-03', to: '2023-12' } }, [
    { path: '/projectPeriod', message: '项目须在2023年6月底前能达到验收条件，项目结束时间不应晚于2023年6月', severity: 'warning' },
  ]),
  variant(mode, '起止时间颠倒', { projectPeriod: { from: '2023-05', to: '2022-03' } }, [{ path: '/projectPeriod', message: '「项目起止时间」的开始年月不得晚于结束年月', severity: 'error' }]),
  variant(mode, '同一项目重复申报', {}, [{ path: '/projectName', message: '本单位已有同名项目的申报，同一项目不得重复申报', severity: 'error' }], {
    applications: [{ id: 'earlier', projectName: '基于5G的装备制造智能工厂建设项目', status: 'submitted' }],
  }),
  variant(mode, '申报单位不在河北省', {}, [{ path: '/companyName', message: '申报单位须为河北省注册的单位', severity: 'error' }], {
    org: { ...org, divisionCode: '430100' },
  }),
  variant(platform, '其他行业未注明', { direction: 'other-industry' }, [{ path: '/directionOther', message: '请填写「其他行业（请注明）」（无内容时请填写“无”）', severity: 'error' }]),
  variant(platform, '平台名称未体现“平台”', { projectName: '基于5G的装备制造智能工厂建设项目' }, [
    { path: '/projectName', message: '平台类项目名称应为“××工业互联网平台”', severity: 'warning' },
  ]),
  variant(platform, '设备连接与数据采集点均为0', { connectedDevices: 0 }, [
    { path: '/connectedDevices', message: '工业设备连接数量（离散行业）与工艺流程数据采集点（流程行业）至少应填写一项', severity: 'warning' },
  ]),
  variant(platform, '平台架构选项无效', { architecture: '边缘云' }, [{ path: '/architecture', message: '「平台架构设计」的选项无效', severity: 'error' }]),
  variant(ledger, '票据超出近三年', { items: [{ ...(ledger.answers.items as object[])[0], invoiceDate: '2020-12-30' }] }, [
    { path: '/items', message: '投资清单只能列入项目期内近三年（含项目完成年度）的票据，有发票时间超出该范围', severity: 'error' },
  ]),
  variant(ledger, '付款金额大于发票金额', { items: [{ ...(ledger.answers.items as object[])[0], paymentAmount: 130 }] }, [
    { path: '/items', message: '有条目的付款金额大于发票金额，请核对', severity: 'warning' },
  ]),
  variant(ledger, '投资清单行缺少设备名称、金额超两位小数', { items: [{ ...(ledger.answers.items as object[])[0], equipment: '', invoiceAmount: 120.123 }] }, [
    { path: '/items/0/equipment', message: '「项目已完成的投资清单」第1条：请填写「设备名称」（无内容时请填写“无”）', severity: 'error' },
    { path: '/items/0/invoiceAmount', message: '「发票金额（万元）」最多保留2位小数', severity: 'error' },
  ]),
];
