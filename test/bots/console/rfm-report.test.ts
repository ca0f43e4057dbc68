// The RFM report from the console, English and Chinese, over the hand-counted fixture
// (test/domain/reports/rfm-fixture.ts, counted in rfm.test.ts): the figures on the card, the chart
// written as a PNG whose path is printed, a rep's own view, a period nobody can read refused.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/domain/db/database.ts';
import { rfmFixture } from '../../domain/reports/rfm-fixture.ts';
import { freshDatabase } from '../../support/engines.ts';
import { funnelConsole } from '../../support/funnel-console.ts';
import { pngInfo } from '../../support/png.ts';

/** The console's team and two reps who have spoken to it, with the fixture's activity under their names. */
async function seeded(db: Database, c: ReturnType<typeof funnelConsole>, admin: string, reps: [string, string], names: string[]) {
  await c.say('/crm whoami', `:as ${reps[0]}`, '/crm whoami', `:as ${reps[1]}`, '/crm whoami', `:as ${admin}`);
  const user = (displayName: string) => db.prisma.user.findFirstOrThrow({ where: { displayName } });
  const [rep, rep2] = [await user(reps[0]), await user(reps[1])];
  await rfmFixture(db, { team: { id: rep.teamId }, rep, rep2 }, names);
}

const chartOf = (out: string) => {
  const file = /\[(?:image: |图片：)[^\]]+\] (\S+\.png)/.exec(out)![1]!;
  return { file, png: pngInfo(readFileSync(file)) };
};

describe('the RFM report in the console', () => {
  let db: Database & { drop(): Promise<void> };
  const dir = mkdtempSync(path.join(tmpdir(), 'crm-rfm-'));
  beforeAll(async () => {
    db = await freshDatabase('pglite');
  });
  afterAll(async () => {
    await db?.drop();
    // SHOW_REPORTS=1 prints each report and keeps its charts for a person to look at.
    if (!process.env.SHOW_REPORTS) rmSync(dir, { recursive: true, force: true });
  });

  it('answers in English with the hand-counted figures and a chart file', async () => {
    const c = funnelConsole(db, 'en', 'Dana Reyes', '2026-11-29T02:00:00Z', dir);
    await seeded(db, c, 'Dana Reyes', ['Rita Rep', 'Rob Rep'], 'ABCDEFGHIJK'.split('').map((n) => `Acme ${n}`));
    const out = await c.say('/crm report rfm 2026-10');
    if (process.env.SHOW_REPORTS) console.log(out);
    expect(out).toContain('Customer value (RFM), Oct 1, 2026 to Oct 31, 2026');
    expect(out).toContain('10 · approved quote value in the period $18.00');
    expect(out).toContain('1: 2 · 2: 2 · 3: 2 · 4: 2 · 5: 2');
    expect(out).toContain('1: 3 · 2: 2 · 3: 2 · 4: 1 · 5: 2');
    expect(out).toContain('1: 7 · 2: 0 · 3: 0 · 4: 1 · 5: 2');
    for (const line of ['Champions: 3 (0)', 'Loyal: 1 (1)', 'Promising: 1 (2)', 'Needs attention: 1 (1)', 'At risk: 0 (1)', 'Hibernating: 2 (0)', 'Lost: 2 (2)']) expect(out).toContain(line);
    expect(out).not.toContain('Can’t lose');
    expect(out).toContain('Fallen furthest since Sep 1, 2026 to Sep 30, 2026');
    expect(out).toMatch(/Acme C \(Rita Rep\): Loyal → Promising, R3 F5 M5 → R4 F2 M1[\s\S]*Acme D \(Rita Rep\): Promising → Lost[\s\S]*Acme I \(Rob Rep\): Promising → Hibernating/);
    const { file, png } = chartOf(out);
    expect(file.startsWith(path.join(dir, 'charts'))).toBe(true);
    expect(png).toMatchObject({ width: 520, distinctPixels: true });
    expect(png.height).toBe(50 + 8 * 26);

    const own = await c.say(':as Rita Rep', '/crm report rfm 2026-10');
    if (process.env.SHOW_REPORTS) console.log(own);
    expect(own).toContain('Your customers’ value (RFM), Oct 1, 2026 to Oct 31, 2026');
    expect(own).toContain('4 · approved quote value in the period $9.00');
    expect(own).not.toContain('Acme I');
    // Too few to split in fifths: June has one customer with any activity, August fewer than five.
    const few = await c.say(':as Dana Reyes', '/crm report rfm 2026-06');
    if (process.env.SHOW_REPORTS) console.log(few);
    expect(few).toContain('Only 1 of the team’s customers had a contact or an approved quote by the end of this period: scores rank customers in fifths, which takes at least 5, so none are given yet.');
    expect(few).toMatch(/Customers with activity\s+1 · approved quote value in the period \$0\.00/);
    expect(few).not.toMatch(/Customers scored|Lost|Recency|\.png/);
    const september = await c.say('/crm report rfm 2026-09');
    expect(september).toContain('Segments (the period before had too few customers to score)');
    expect(september).toContain('Lost: 2\n');
    expect(september).not.toContain('Fallen furthest');
    expect(await c.say('/crm report rfm someday')).toContain('“someday” is not a period I can read');
  }, 120_000);

  it('answers in Chinese with the same figures', async () => {
    const zh = funnelConsole(db, 'zh-CN', '王经理', '2026-11-29T02:00:00Z', dir);
    await seeded(db, zh, '王经理', ['李雷', '韩梅梅'], ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸', '子'].map((n) => `${n}公司`));
    const cn = await zh.say('/crm 报表 RFM 2026年10月');
    if (process.env.SHOW_REPORTS) console.log(cn);
    expect(cn).toContain('客户价值分层 RFM（2026年10月1日至2026年10月31日）');
    expect(cn).toContain('10 个 · 本期批准报价金额 ¥18.00');
    expect(cn).toContain('1 分 7 个 · 2 分 0 个 · 3 分 0 个 · 4 分 1 个 · 5 分 2 个');
    for (const line of ['重要价值客户：3（0）', '忠诚客户：1（1）', '潜力客户：1（2）', '需要关注：1（1）', '流失风险客户：0（1）', '沉睡客户：2（0）', '已流失客户：2（2）']) expect(cn).toContain(line);
    expect(cn).toMatch(/丙公司（李雷）：忠诚客户 → 潜力客户，R3 F5 M5 → R4 F2 M1/);
    const { png } = chartOf(cn);
    expect(cn).toMatch(/\[图片：各 RFM 分群客户数\] \S+\.png/);
    expect(png).toMatchObject({ width: 520, distinctPixels: true });
    const few = await zh.say('/crm 报表 RFM 2026年6月');
    if (process.env.SHOW_REPORTS) console.log(few);
    expect(few).toContain('截至本期末，全组只有 1 个客户有跟进记录或批准的报价。评分按排名把客户分成五档，至少需要 5 个客户，所以暂不评分。');
    expect(few).not.toContain('已流失客户');
    expect(await zh.say('/crm 报表 RFM 2026年9月')).toContain('客户分群（上期客户太少，未评分）');
    expect(await zh.say('/crm 报表 客户价值 上上个月')).toContain('「上上个月」不是可识别的时间段');
  }, 120_000);
});
