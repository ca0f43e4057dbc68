// The monthly review from the console, English and Chinese: a source cost set with /crm team, a
// month of customers, calls, a tier change and complaints typed in October, then on 23 November the
// review of last month (the default) with its figures, ROI, themes and a chart file that opens as a
// real, non-blank PNG; a rep gets their own review.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/domain/db/database.ts';
import { freshDatabase } from '../../support/engines.ts';
import { funnelConsole } from '../../support/funnel-console.ts';
import { pngInfo } from '../../support/png.ts';

describe('the monthly review in the console', () => {
  let db: Database & { drop(): Promise<void> };
  const dir = mkdtempSync(path.join(tmpdir(), 'crm-monthly-'));
  beforeAll(async () => {
    db = await freshDatabase('pglite');
  });
  afterAll(async () => {
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers in English with figures, ROI, themes and a chart file', async () => {
    const c = funnelConsole(db, 'en', 'Dana Reyes', '2026-10-10T02:00:00Z', dir);
    expect(await c.say('/crm whoami', '/crm team currency USD', '/crm team source cost expo 2000')).toContain('expo $2,000.00');
    await c.say(':as Sam', '/customer add Acme Robotics source:expo', '/customer add Globex source:expo', '/customer add Initech source:website');
    await c.say('/log Acme call, they liked the demo', '/log Acme complaint: late delivery of the samples', '/log Globex complaint: late delivery again', '/customer update Acme tier:A');
    c.clock.set('2026-11-23T02:00:00Z');
    const out = await c.say(':as Dana Reyes', '/crm report monthly');
    process.stdout.write(`\n----- console, en -----\n${out}\n`);
    expect(out).toContain('Monthly review, Oct 1, 2026 to Oct 31, 2026');
    expect(out).toMatch(/New customers\s+3/);
    expect(out).toMatch(/New leads contacted within 24 hours\s+67% \(2 of 3\)/);
    expect(out).toContain('expo: 2 new, 0 won (0%), deal value $0.00; cost $2,000.00, ROI -100%');
    expect(out).toContain('C → A: 1');
    expect(out).toContain('late delivery (2)');
    const file = /\[image: [^\]]+\] (\S+\.png)/.exec(out)![1]!;
    expect(file.startsWith(path.join(dir, 'charts'))).toBe(true);
    const png = pngInfo(readFileSync(file));
    expect(png).toMatchObject({ width: 520, distinctPixels: true });
    expect(png.height).toBeGreaterThan(100);
    process.stdout.write(`PNG en: ${file}\n`);
    const own = await c.say(':as Sam', '/crm report monthly 2026-10');
    expect(own).toContain('My monthly review, Oct 1, 2026 to Oct 31, 2026');
    expect(own).not.toContain('ROI');
    expect(await c.say('/crm report monthly someday')).toContain('“someday” is not a period I can read');
  }, 120_000);

  it('answers in Chinese', async () => {
    const zh = funnelConsole(db, 'zh-CN', '王经理', '2026-10-10T02:00:00Z', dir);
    expect(await zh.say('/crm whoami', '/crm 团队 渠道成本 展会 2万')).toContain('展会 ¥20,000.00');
    await zh.say(':as 李雷', '/客户 新建 华为技术 来源:展会', '/客户 新建 中兴通讯 来源:官网');
    await zh.say('/记录 华为 电话沟通，对方很满意', '/记录 华为 投诉：客服不回消息，发货太慢', '/记录 中兴 投诉：发货太慢');
    zh.clock.set('2026-11-23T02:00:00Z');
    const cn = await zh.say(':as 王经理', '/crm 报表 月报');
    process.stdout.write(`\n----- console, zh-CN -----\n${cn}\n`);
    expect(cn).toContain('月度复盘（2026年10月1日至2026年10月31日）');
    expect(cn).toMatch(/新增客户\s+2/);
    expect(cn).toContain('展会：新增 1，成交 0（0%），成交额 ¥0.00；投入 ¥20,000.00，投资回报率 -100%');
    expect(cn).toContain('投诉 2 条，未解决 2 条；主要问题');
    expect(cn).toContain('发货太慢（2）');
    const file = /\[图片：[^\]]+\] (\S+\.png)/.exec(cn)![1]!;
    expect(pngInfo(readFileSync(file))).toMatchObject({ width: 520, distinctPixels: true });
    process.stdout.write(`PNG zh-CN: ${file}\n`);
  }, 120_000);
});
