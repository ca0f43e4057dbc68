// 公海 through Feishu (webhook mode, the real SDK client against the fake Open Platform): the hourly
// rule's reminder, manager note and return reach each person's DM in Chinese, the return card's
// 领取 button and a `/公海` card's button pressed at once give one owner (the other is told who),
// `/客户 分配` tells both owners, `/客户 退回公海` puts it back.
import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../src/app/context.ts';
import { createNotifier } from '../../../src/app/notifier.ts';
import { feishuSignature } from '../../../src/bots/feishu/crypto.ts';
import { startFeishu } from '../../../src/bots/feishu/start.ts';
import { loadConfig } from '../../../src/config.ts';
import type { Database } from '../../../src/domain/db/database.ts';
import { createHandler } from '../../../src/intents/handler.ts';
import { createHttpServer } from '../../../src/http/server.ts';
import { silentLogger } from '../../../src/logger.ts';
import { createOutbox } from '../../../src/scheduler/outbox.ts';
import { sweepAndTell } from '../../../src/scheduler/pool.ts';
import { FakeFeishu } from '../../support/fake-feishu.ts';
import { freshDatabase } from '../../support/engines.ts';
import { HOUR, TestClock } from '../../support/fixtures.ts';

const TOKEN = 'verify-token';
const KEY = 'encrypt-key';

function encrypt(text: string): string {
  const iv = randomBytes(16);
  const c = createCipheriv('aes-256-cbc', createHash('sha256').update(KEY).digest(), iv);
  return Buffer.concat([iv, c.update(text, 'utf8'), c.final()]).toString('base64');
}

describe('公海 in Feishu', () => {
  let fake: FakeFeishu;
  let db: Database & { drop(): Promise<void> };
  let stop: () => Promise<void>;
  let base = '';
  let ctx: AppContext;
  let clock: TestClock;
  let seq = 0;

  beforeAll(async () => {
    fake = new FakeFeishu();
    await fake.start();
    fake.users.set('ou_li', { name: '李雷', time_zone: 'Asia/Shanghai' });
    fake.users.set('ou_wang', { name: '王芳', time_zone: 'Asia/Shanghai' });
    fake.users.set('ou_boss', { name: '张主管', time_zone: 'Asia/Shanghai' });
    db = await freshDatabase('pglite');
    const config = loadConfig({
      FEISHU_APP_ID: 'cli_test', FEISHU_APP_SECRET: 'secret', FEISHU_VERIFICATION_TOKEN: TOKEN, FEISHU_ENCRYPT_KEY: KEY,
      FEISHU_DOMAIN: fake.url, FEISHU_MODE: 'webhook', CRM_DEFAULT_LOCALE: 'zh-CN', CRM_DEFAULT_TZ: 'Asia/Shanghai', CRM_ADMINS: 'feishu:ou_admin', PORT: '0',
    });
    clock = new TestClock(new Date('2026-11-23T02:00:00Z'));
    const notifier = createNotifier(db, silentLogger);
    ctx = { config, db, log: silentLogger, clock, notifier, handler: createHandler({ db, clock, log: silentLogger, config, notifier }), http: createHttpServer(silentLogger) };
    const started = await startFeishu(ctx);
    const port = await ctx.http.listen(0, '127.0.0.1');
    stop = async () => {
      await started.stop();
      await ctx.http.close();
    };
    base = `http://127.0.0.1:${port}/feishu/events`;
  }, 60_000);
  afterAll(async () => {
    await stop?.();
    await fake?.stop();
    await db?.drop();
  });

  const envelope = (eventType: string, event: object) => ({
    schema: '2.0',
    header: { event_id: `ev_pool_${++seq}`, event_type: eventType, create_time: String(Date.now()), token: TOKEN, app_id: 'cli_test', tenant_key: 'tk1' },
    event,
  });
  const message = (openId: string, text: string) =>
    envelope('im.message.receive_v1', { sender: { sender_id: { open_id: openId }, sender_type: 'user', tenant_key: 'tk1' }, message: { message_id: `om_in_${++seq}`, chat_id: `oc_${openId}`, chat_type: 'p2p', message_type: 'text', content: JSON.stringify({ text }) } });
  const click = (openId: string, value: object, messageId: string) =>
    envelope('card.action.trigger', { operator: { open_id: openId, tenant_key: 'tk1' }, action: { tag: 'button', value }, context: { open_message_id: messageId, open_chat_id: `oc_${openId}` } });
  // Feishu redelivers an event whose delivery failed; so does this, when the busy loopback drops a
  // connection (the door deduplicates on event_id, so a repeat changes nothing twice).
  async function send(body: object, tries = 3): Promise<{ status: number; json: { toast?: { type: string; content: string } } }> {
    try {
      return await sendOnce(body);
    } catch (err) {
      if (tries <= 1) throw err;
      return send(body, tries - 1);
    }
  }
  async function sendOnce(body: object) {
    const raw = JSON.stringify({ encrypt: encrypt(JSON.stringify(body)) });
    const ts = String(Math.floor(Date.now() / 1000));
    const nonce = randomBytes(8).toString('hex');
    const res = await fetch(base, { method: 'POST', headers: { 'content-type': 'application/json', 'x-lark-request-timestamp': ts, 'x-lark-request-nonce': nonce, 'x-lark-signature': feishuSignature(ts, nonce, KEY, raw) }, body: raw });
    return { status: res.status, json: (await res.json().catch(() => ({}))) as { toast?: { type: string; content: string } } };
  }
  async function until(ok: () => boolean | Promise<boolean>, ms = 10_000) {
    const end = Date.now() + ms;
    while (!(await ok())) {
      if (Date.now() > end) throw new Error('timed out waiting');
      await new Promise((r) => setTimeout(r, 25));
    }
  }
  const text = (card: unknown) => JSON.stringify(card);
  const claimValue = (card: unknown) => {
    let found: Record<string, unknown> | undefined;
    JSON.stringify(card, (_k, v) => {
      if (v && typeof v === 'object' && (v as { action?: string }).action === 'customer.claim') found ??= v;
      return v;
    });
    return found;
  };

  it('提醒、主管提醒、退回、两人同时领取、分配、退回公海', async () => {
    const start = clock.now();
    for (const u of ['ou_li', 'ou_wang', 'ou_boss', 'ou_admin']) await send(message(u, '/crm 我是谁'));
    await until(async () => (await db.prisma.user.count()) === 4);
    // The ladder's steps fall at night in Shanghai; this is about the pool rule, not quiet hours.
    await db.prisma.user.updateMany({ data: { quietStartMinute: 0, quietEndMinute: 0 } });
    await send(message('ou_admin', '/crm 角色 张主管 经理'));
    await send(message('ou_li', '/客户 新建 华为技术 等级:A'));
    await until(async () => (await db.prisma.customer.count()) === 1 && (await db.prisma.user.count({ where: { role: 'manager' } })) === 1);
    await until(() => fake.sent.some((s) => text(s.card).includes('48 小时后退回公海')));
    const huawei = await db.prisma.customer.findFirstOrThrow();

    const sweepAt = async (h: number) => {
      clock.set(new Date(start.getTime() + h * HOUR));
      fake.sent.length = 0;
      await sweepAndTell({ db, clock, outbox: createOutbox({ db, notifier: ctx.notifier, log: silentLogger, now: () => clock.now() }), log: silentLogger });
      return fake.sent.map((s) => ({ to: s.receiveId, card: text(s.card), raw: s.card, messageId: s.messageId }));
    };
    const reminder = await sweepAt(25);
    expect(reminder.map((m) => m.to)).toEqual(['ou_li']);
    expect(reminder[0]!.card).toMatch(/华为技术（CUS\d{11}）自分配给你以来还没有跟进记录，23 小时后/);
    const note = await sweepAt(39);
    expect(note.map((m) => m.to)).toEqual(['ou_boss']);
    expect(note[0]!.card).toContain('李雷 尚未跟进 华为技术');
    const returned = await sweepAt(49);
    expect(returned.map((m) => m.to)).toEqual(['ou_li']);
    expect(returned[0]!.card).toContain('48 小时内没有跟进记录，已退回公海');
    expect(await sweepAt(50)).toEqual([]);

    await send(message('ou_wang', '/公海'));
    await until(() => fake.sent.some((s) => s.receiveId === 'oc_ou_wang' && claimValue(s.card) !== undefined));
    const listCard = fake.sent.find((s) => s.receiveId === 'oc_ou_wang' && claimValue(s.card))!;
    const [a, b] = await Promise.all([
      send(click('ou_wang', claimValue(listCard.card)!, listCard.messageId)),
      send(click('ou_li', claimValue(returned[0]!.raw)!, returned[0]!.messageId)),
    ]);
    const owner = (await db.prisma.customer.findUniqueOrThrow({ where: { id: huawei.id }, include: { owner: true } })).owner!;
    expect(['李雷', '王芳']).toContain(owner.displayName);
    expect([a.json.toast?.type, b.json.toast?.type].sort()).toEqual(['success', 'warning']);
    const loserOpenId = owner.displayName === '王芳' ? 'ou_li' : 'ou_wang';
    await until(() => fake.sent.some((s) => s.receiveId === `oc_${loserOpenId}` && text(s.card).includes(`华为技术 已被 ${owner.displayName} 抢先领取。`)));
    expect(await db.prisma.auditEvent.count({ where: { entity: 'customer', entityId: String(huawei.id), action: 'claim', door: 'feishu' } })).toBe(1);

    const next = owner.displayName === '王芳' ? '李雷' : '王芳';
    fake.sent.length = 0;
    await send(message('ou_boss', `/客户 分配 华为 @${next}`));
    await until(() => fake.sent.length >= 3);
    const byTo = Object.fromEntries(fake.sent.map((s) => [s.receiveId, text(s.card)]));
    expect(byTo['oc_ou_boss']).toContain(`已从 ${owner.displayName} 转给 ${next}`);
    expect(byTo[next === '王芳' ? 'ou_wang' : 'ou_li']).toContain('张主管 把 华为技术');
    expect(byTo[owner.displayName === '王芳' ? 'ou_wang' : 'ou_li']).toContain(`张主管 已将你的客户 华为技术`);

    await send(message(next === '王芳' ? 'ou_wang' : 'ou_li', '/客户 退回公海 华为'));
    await until(async () => (await db.prisma.customer.findUniqueOrThrow({ where: { id: huawei.id } })).ownerId === null);
  }, 90_000);
});
