// The reply's language follows the person: their choice, else their door's profile language, else
// the language they write in (remembered for their clicks), else the team's.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../../src/domain/db/database.ts';
import { createHandler } from '../../../src/intents/handler.ts';
import type { Invocation, Locale } from '../../../src/intents/invocation.ts';
import type { ButtonAction, Reply } from '../../../src/intents/reply.ts';
import { writtenLanguage } from '../../../src/intents/language.ts';
import { silentLogger } from '../../../src/logger.ts';
import { describeEngines, freshDatabase } from '../../support/engines.ts';
import { TestClock } from '../../support/fixtures.ts';

const config = { CRM_ADMINS: '', CRM_DEFAULT_TEAM: 'Sales', CRM_DEFAULT_TZ: 'Asia/Shanghai', CRM_DEFAULT_LOCALE: 'en' as const };
const han = /[\u4e00-\u9fff]/;

it('reads the language a command is written in, not its command words', () => {
  expect(writtenLanguage('/customer add 东方新材料 等级:A 行业:化工')).toBe('zh-CN');
  // A bare two-character name is whom it is about, not the language it is said in.
  expect(writtenLanguage('/customer find 华为')).toBeUndefined();
  expect(writtenLanguage('/客户 查找 华为')).toBe('zh-CN');
  expect(writtenLanguage('/task reassign 12 @李雷')).toBeUndefined();
  expect(writtenLanguage('/log Acme call: walked through pricing')).toBe('en');
  expect(writtenLanguage('/tasks')).toBeUndefined();
  expect(writtenLanguage('/task done 12')).toBeUndefined();
  expect(writtenLanguage('/log Acme call: 华为 wants a demo next week')).toBe('en');
});

describeEngines('reply language', (engine) => {
  let db: Database & { drop(): Promise<void> };
  let handler: (inv: Invocation) => Promise<Reply>;
  const clock = new TestClock(new Date('2026-11-23T02:00:00Z'));
  const say = (door: 'feishu' | 'slack', id: string, text: string, locale?: Locale) =>
    handler({ door, workspaceId: 'w1', externalUserId: id, profile: { displayName: id, ...(locale ? { locale } : {}) }, input: { kind: 'text', text }, receivedAt: clock.now() });
  const press = (door: 'feishu' | 'slack', id: string, action: ButtonAction) =>
    handler({ door, workspaceId: 'w1', externalUserId: id, profile: { displayName: id }, input: { kind: 'action', action }, receivedAt: clock.now() });

  beforeAll(async () => {
    db = await freshDatabase(engine);
    handler = createHandler({ db, clock, log: silentLogger, config });
  });
  afterAll(() => db?.drop());

  it('answers a Feishu user who writes Chinese in Chinese on an English team, and remembers it for clicks', async () => {
    const created = await say('feishu', 'ou_dong', '/customer add 东方新材料 等级:A 行业:化工');
    expect(created.title).toBe('已新建客户：东方新材料');
    const open = created.buttons![0]!;
    expect(open.label).toBe('打开');
    const card = await press('feishu', 'ou_dong', open.action);
    expect(card.fields?.map((f) => f.label)).toContain('等级');
    // A command without words in either language keeps the remembered one.
    expect((await say('feishu', 'ou_dong', '/tasks')).title).toMatch(han);
    // Written English is answered in English.
    expect((await say('feishu', 'ou_dong', '/customer find new materials please')).title).toMatch(/^Customers matching/);
  });

  it('lets the profile language win over what is written, and a choice win over both', async () => {
    expect((await say('slack', 'U1', '/customer find 东方', 'en')).title).toMatch(/^Customers matching/);
    const chosen = await say('slack', 'U1', '/crm language 中文', 'en');
    expect(chosen.text).toContain('中文');
    expect((await say('slack', 'U1', '/customer find acme robotics inc', 'en')).title).toMatch(han);
    expect((await say('slack', 'U1', '/crm 语言 自动', 'en')).title).toBe('Language set');
    expect((await say('slack', 'U1', '/customer find 东方', 'en')).title).toMatch(/^Customers matching/);
  });

  it('remembers nothing from a line it could not read', async () => {
    await say('feishu', 'ou_new', '/tasks');
    const before = await db.prisma.user.findFirstOrThrow({ where: { displayName: 'ou_new' } });
    const refused = await say('feishu', 'ou_new', '/客户 乱七八糟的子命令 等级:Z');
    expect(refused.text).toMatch(han);
    const after = await db.prisma.user.findFirstOrThrow({ where: { displayName: 'ou_new' } });
    expect(after.locale).toBe(before.locale);
  });
});
