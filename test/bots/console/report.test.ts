// The funnel report from the console, English and Chinese: figures on the card, the chart written
// as a PNG under the data folder with its path printed, a period nobody can read refused.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/domain/db/database.ts';
import { freshDatabase } from '../../support/engines.ts';
import { funnelConsole } from '../../support/funnel-console.ts';
import { pngInfo } from '../../support/png.ts';

describe('the funnel report in the console', () => {
  let db: Database & { drop(): Promise<void> };
  const dir = mkdtempSync(path.join(tmpdir(), 'crm-report-'));
  beforeAll(async () => {
    db = await freshDatabase('pglite');
  });
  afterAll(async () => {
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers with figures and a chart file, in English and Chinese', async () => {
    const c = funnelConsole(db, 'en', 'Dana Reyes', '2026-11-23T02:00:00Z', dir);
    await c.say('/crm whoami', ':as Sam', '/customer add Acme Robotics source:expo', '/customer add Globex source:website', '/customer update Acme status:intent');
    const out = await c.say(':as Dana Reyes', '/crm report funnel this month');
    expect(out).toContain('Sales funnel, Nov 1, 2026 to Nov 30, 2026');
    expect(out).toMatch(/New customers\s+All: 2 new, 1 interested \(50%\), 0 won \(0%\)/);
    expect(out).toContain('expo: 1 new, 1 interested (100%), 0 won (0%)');
    expect(out).toContain('lead → interested: 1');
    const file = /\[image: [^\]]+\] (\S+\.png)/.exec(out)![1]!;
    expect(file.startsWith(path.join(dir, 'charts'))).toBe(true);
    const png = pngInfo(readFileSync(file));
    expect(png).toMatchObject({ width: 520, distinctPixels: true });
    expect(png.height).toBeGreaterThan(100);
    expect(await c.say('/crm report funnel someday')).toContain('“someday” is not a period I can read');
    expect(out).toContain('By owner');
    // A rep reads the funnel of their own customers (Sam added both), without the by-owner rows.
    const own = await c.say(':as Sam', '/crm report funnel');
    expect(own).toContain('Your sales funnel, Nov 1, 2026 to Nov 30, 2026');
    expect(own).toMatch(/New customers\s+All: 2 new, 1 interested \(50%\), 0 won \(0%\)/);
    expect(own).not.toContain('By owner');

    const zh = funnelConsole(db, 'zh-CN', '王经理', '2026-11-23T02:00:00Z', dir);
    await zh.say('/crm whoami', ':as 李雷', '/客户 新建 华为技术 来源:展会');
    const cn = await zh.say(':as 王经理', '/crm 报表 漏斗 本月');
    expect(cn).toContain('销售漏斗（2026年11月1日至2026年11月30日）');
    expect(cn).toMatch(/新增客户\s+全部：新增 1，意向 0（0%），成交 0（0%）/);
    expect(cn).toMatch(/\[图片：本期新增客户所达阶段\] \S+\.png/);
    expect(await zh.say('/crm 报表 漏斗 上上个月')).toContain('「上上个月」不是可识别的时间段');
    const mine = await zh.say(':as 李雷', '/crm 报表 漏斗 本月');
    expect(mine).toContain('我的销售漏斗（2026年11月1日至2026年11月30日）');
    expect(mine).toMatch(/新增客户\s+全部：新增 1，意向 0（0%），成交 0（0%）/);
    expect(mine).not.toContain('按负责人');
  }, 120_000);
});
