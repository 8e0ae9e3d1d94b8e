import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LoadedPack } from '@shenbao/contracts';
import { REPO_ROOT } from '../../platform/config.ts';
import { loadPack } from '../programs/index.ts';
import { quotaStatus, type QuotaItem } from './quotas.ts';

const pack = (id: string): Promise<LoadedPack> => loadPack(path.join(REPO_ROOT, 'programs', id));
const items = (n: number, directionId: string | null, answers: Record<string, unknown> = {}): QuotaItem[] => Array.from({ length: n }, () => ({ directionId, answers }));
const exceeded = (list: ReturnType<typeof quotaStatus>) => list.filter((q) => q.exceeded).map((q) => q.label);

describe('限额：五个配置包的每种限额形态', () => {
  it('001 每市：双跨 1、区域 1、行业 3 — at the limit passes, one over is refused by name', async () => {
    const { program } = await pack('hebei-2022-platform-cultivation');
    const city = { kind: 'city_bureau', regionClass: null };
    const ids = Object.fromEntries((program.quotas ?? []).map((q) => [q.id, q.categories?.[0]]));
    const atLimit = [...items(1, ids['city-cross-industry']!), ...items(1, ids['city-regional']!), ...items(3, ids['city-industry']!)];
    expect(exceeded(quotaStatus(program, city, 'city', atLimit, []))).toEqual([]);
    expect(exceeded(quotaStatus(program, city, 'city', [...atLimit, ...items(1, ids['city-cross-industry']!)], []))).toEqual(['每市推荐跨行业跨领域工业互联网平台不超过1个']);
    const over = quotaStatus(program, city, 'city', [...atLimit, ...items(1, ids['city-industry']!)], []);
    expect(over.find((q) => q.exceeded)).toMatchObject({ used: 4, limit: 3 });
  });

  it('002 全省总数 30 (scope call) counts every recommender of the call', async () => {
    const { program } = await pack('hunan-2023-platform-plan');
    const city = { kind: 'city_bureau', regionClass: null };
    const elsewhere = items(25, null).map((i) => ({ ...i, channelId: 'city' }));
    expect(exceeded(quotaStatus(program, city, 'city', items(5, null), elsewhere))).toEqual([]);
    expect(exceeded(quotaStatus(program, city, 'city', items(6, null), elsewhere))).toEqual(['全省工业互联网平台建设项目计划总数不超过30个']);
  });

  it('004 广东：珠三角 8、粤东西北 5 per city; province and 通信管理局 30; 深圳 15; central enterprises 10 outside local quotas', async () => {
    const { program } = await pack('miit-2023-pilot-demo');
    const prd = { kind: 'city_bureau', regionClass: 'pearl_river_delta' };
    const east = { kind: 'city_bureau', regionClass: 'east' };
    expect(exceeded(quotaStatus(program, prd, 'gd-industry', items(8, null), []))).toEqual([]);
    expect(exceeded(quotaStatus(program, prd, 'gd-industry', items(9, null), []))).toEqual(['珠三角地区各地市推荐项目数量不超过8个']);
    expect(exceeded(quotaStatus(program, east, 'gd-industry', items(5, null), []))).toEqual([]);
    expect(exceeded(quotaStatus(program, east, 'gd-industry', items(6, null), []))).toEqual(['粤东地区各地市推荐项目数量不超过5个']);
    expect(exceeded(quotaStatus(program, { kind: 'provincial_department', regionClass: null }, 'gd-industry', items(31, null), []))).toEqual(['省工业和信息化主管部门推荐项目原则上不超过30个']);
    expect(exceeded(quotaStatus(program, { kind: 'communications_administration', regionClass: null }, 'gd-ca', items(30, null), []))).toEqual([]);
    expect(exceeded(quotaStatus(program, { kind: 'communications_administration', regionClass: null }, 'gd-ca', items(31, null), []))).toEqual(['省通信管理局推荐项目原则上不超过30个']);
    expect(exceeded(quotaStatus(program, { kind: 'sub_provincial_city', regionClass: 'pearl_river_delta' }, 'gd-shenzhen', items(16, null), []))).toEqual(['计划单列市工业和信息化主管部门推荐项目原则上不超过15个']);
    // A central enterprise's 10 use no local quota: no city or province quota binds its channel.
    const central = quotaStatus(program, { kind: 'central_enterprise', regionClass: null }, 'central', items(10, null), []);
    expect(central.map((q) => q.id)).toEqual(['central-enterprise']);
    expect(exceeded(quotaStatus(program, { kind: 'central_enterprise', regionClass: null }, 'central', items(11, null), []))).toEqual(['中央企业推荐项目原则上不超过10个（不占属地指标）']);
  });

  it('000 and 003 set no quota: nothing binds', async () => {
    for (const id of ['hebei-2023-innovation-pilot', 'hebei-internet-plus-pilot']) {
      const { program } = await pack(id);
      expect(quotaStatus(program, { kind: 'city_bureau', regionClass: null }, 'city', items(50, null), [])).toEqual([]);
    }
  });
});
