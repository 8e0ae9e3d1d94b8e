import { Space } from 'antd';
import type { CallTabProps } from '../pack-index.ts';
import { ListCard } from './list-card.tsx';

/** 导入名单: the lists the call's rules read (e.g. 重点培育项目名单), imported by the issuing department. */
export function ListsTab({ pack }: CallTabProps) {
  const definitions = new Map((pack.program.lists ?? []).map((l) => [l.id, l]));
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="call-lists">
      {pack.call.lists.map((list) => (
        <ListCard key={list.id} callId={pack.call.id} list={list} description={definitions.get(list.id)?.description} />
      ))}
    </Space>
  );
}
