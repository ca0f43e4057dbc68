// Quotes without a currency are in the team's: CNY for a Chinese team, USD for an English one,
// whatever the team set otherwise; ¥, 元 and 万 are read as people write them.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../../src/domain/db/database.ts';
import { createHandler } from '../../../src/intents/handler.ts';
import type { Invocation, Locale } from '../../../src/intents/invocation.ts';
import type { Reply } from '../../../src/intents/reply.ts';
import { silentLogger } from '../../../src/logger.ts';
import { describeEngines, freshDatabase } from '../../support/engines.ts';
import { TestClock } from '../../support/fixtures.ts';

describeEngines('quote currency', (engine) => {
  let db: Database & { drop(): Promise<void> };
  const clock = new TestClock(new Date('2026-11-23T02:00:00Z'));
  const handlers = new Map<string, (inv: Invocation) => Promise<Reply>>();
  const say = (team: string, locale: Locale, text: string) =>
    handlers.get(team)!({ door: 'console', workspaceId: '', externalUserId: `rep of ${team}`, profile: { displayName: `rep of ${team}`, locale }, input: { kind: 'text', text }, receivedAt: clock.now() });

  beforeAll(async () => {
    db = await freshDatabase(engine);
    for (const [team, locale] of [['华南', 'zh-CN'], ['West', 'en'], ['Tokyo', 'en']] as const) {
      handlers.set(team, createHandler({ db, clock, log: silentLogger, config: { CRM_ADMINS: '', CRM_DEFAULT_TEAM: team, CRM_DEFAULT_TZ: 'Asia/Shanghai', CRM_DEFAULT_LOCALE: locale } }));
    }
  });
  afterAll(() => db?.drop());

  const lastQuote = () => db.prisma.quote.findFirstOrThrow({ orderBy: { id: 'desc' }, include: { lines: true } });

  it('uses CNY for a Chinese team and reads 万 and 元', async () => {
    await say('华南', 'zh-CN', '/客户 新建 杭州阿里云计算有限公司');
    // No ¥ or 元 anywhere: the team's currency decides.
    const r = await say('华南', 'zh-CN', '/报价 新建 阿里 2 x 服务器 @ 3万, 1 x 实施 @ 5000');
    expect(r.tone).toBe('success');
    const q = await lastQuote();
    expect(q.currency).toBe('CNY');
    expect(q.lines.map((l) => l.unitPriceMinor)).toEqual([3_000_000n, 500_000n]);
    expect(r.text).toContain('¥65,000.00');
    await say('华南', 'zh-CN', '/报价 新建 阿里 1 x 实施 @ 5000元');
    expect((await lastQuote()).lines[0]!.unitPriceMinor).toBe(500_000n);
  });

  it('uses USD for an English team, and what a line names over the team default', async () => {
    await say('West', 'en', '/customer add Acme Robotics');
    await say('West', 'en', '/quote new Acme 2 x Pro @ 1200');
    expect((await lastQuote()).currency).toBe('USD');
    await say('West', 'en', '/quote new Acme 2 x Pro @ ¥1.5万');
    const q = await lastQuote();
    expect(q.currency).toBe('CNY');
    expect(q.lines[0]!.unitPriceMinor).toBe(1_500_000n);
  });

  it("uses the team's own currency and its minor unit", async () => {
    await say('Tokyo', 'en', '/customer add Sony Group');
    await db.prisma.team.update({ where: { name: 'Tokyo' }, data: { currency: 'JPY' } });
    await say('Tokyo', 'en', '/quote new Sony 3 x Pro @ 1200');
    const q = await lastQuote();
    expect(q.currency).toBe('JPY');
    expect(q.lines[0]!.unitPriceMinor).toBe(1200n);
    const refused = await say('Tokyo', 'en', '/quote new Sony 3 x Pro @ 12.5');
    expect(refused.tone).toBe('error');
    expect((await lastQuote()).id).toBe(q.id);
  });
});
