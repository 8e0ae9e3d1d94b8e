import type { ProgramPack } from '@shenbao/contracts';
import { Descriptions, type DescriptionsProps } from 'antd';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';

type PrintLayout = NonNullable<ProgramPack['printLayout']>;
type FontSpec = PrintLayout['body'];
type Items = NonNullable<DescriptionsProps['items']>;

// 号数: the sizes notices name (四号 = 14 pt, 三号 = 16 pt …).
const CHINESE_SIZES: Record<number, string> = {
  42: '初号',
  36: '小初',
  26: '一号',
  24: '小一',
  22: '二号',
  18: '小二',
  16: '三号',
  15: '小三',
  14: '四号',
  12: '小四',
  10.5: '五号',
  9: '小五',
};

/** 打印版式: paper, fonts (宋体/黑体/楷体/仿宋) with sizes in pt and 号, line spacing, table of contents. */
export function PrintLayoutDescriptions({ layout }: { layout: PrintLayout }) {
  const { t, locale } = useI18n();
  const font = (spec: FontSpec) => {
    const named = locale === 'zh-CN' ? CHINESE_SIZES[spec.sizePt] : undefined;
    return `${t(`font.${spec.font}`)} ${spec.sizePt} pt${named ? `（${named}）` : ''}`;
  };
  const items: Items = [
    { key: 'paper', label: t('review.paper'), children: layout.paper },
    { key: 'body', label: t('review.body'), children: font(layout.body) },
    { key: 'lineSpacing', label: t('review.lineSpacing'), children: `${layout.lineSpacingPt} pt` },
  ];
  if (layout.heading1) items.push({ key: 'h1', label: t('review.heading1'), children: font(layout.heading1) });
  if (layout.heading2) items.push({ key: 'h2', label: t('review.heading2'), children: font(layout.heading2) });
  if (layout.tocDepth) items.push({ key: 'toc', label: t('review.tocDepth'), children: t('review.tocValue', { n: layout.tocDepth }) });
  return <Descriptions size="small" bordered column={{ xs: 1, sm: 2, md: 3, lg: 3, xl: 3, xxl: 3 }} items={items} data-testid="print-layout" />;
}
