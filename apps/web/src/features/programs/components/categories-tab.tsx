import type { PackCategory } from '@shenbao/contracts';
import { Space, Tag, Tree, Typography, type TreeDataNode } from 'antd';
import { useMemo } from 'react';
import { useI18n, type Translate } from '../../../app/i18n/i18n-provider.tsx';
import { countDirections, type CallTabProps, type PackIndex } from '../pack-index.ts';

function NodeTitle({ node, index, t }: { node: PackCategory; index: PackIndex; t: Translate }) {
  const children = node.children ?? [];
  return (
    <Space size={[6, 4]} wrap>
      <span style={{ fontWeight: children.length > 0 ? 500 : undefined }}>{node.label}</span>
      {children.length > 0 && <Typography.Text type="secondary">{t('categories.count', { n: countDirections(children) })}</Typography.Text>}
      {node.form && <Tag color="blue">{t('common.labelled', { label: t('categories.form'), value: index.form(node.form) })}</Tag>}
      {node.channels?.map((channel) => (
        <Tag key={channel} color="geekblue">{t('common.labelled', { label: t('categories.channels'), value: index.channel(channel) })}</Tag>
      ))}
      {node.enteredByIssuer && (
        <Tag color="gold" data-testid="entered-by-issuer">
          {t('categories.enteredByIssuer')}
        </Tag>
      )}
    </Space>
  );
}

function toTreeData(nodes: readonly PackCategory[], index: PackIndex, t: Translate): TreeDataNode[] {
  return nodes.map((node) => ({
    key: node.id,
    title: <NodeTitle node={node} index={index} t={t} />,
    children: node.children ? toTreeData(node.children, index, t) : undefined,
  }));
}

/** 类别与方向: the tree an applicant chooses a direction from, with the form and channels of each branch. */
export function CategoriesTab({ pack, index }: CallTabProps) {
  const { t } = useI18n();
  const categories = pack.program.categories;
  const treeData = useMemo(() => toTreeData(categories, index, t), [categories, index, t]);
  return (
    <div data-testid="call-categories">
      <Typography.Paragraph type="secondary">
        {t('categories.intro')}
        {t('categories.directionCount', { n: pack.call.directionCount })}
      </Typography.Paragraph>
      <Tree treeData={treeData} defaultExpandAll selectable={false} blockNode showLine />
    </div>
  );
}
