import * as lark from '@larksuiteoapi/node-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_CARD_BYTES, toCard } from '../../../src/bots/feishu/card.ts';
import { decryptEvent } from '../../../src/bots/feishu/crypto.ts';
import { feishuDoor } from '../../../src/bots/feishu/door.ts';
import { feishuClient, feishuSender } from '../../../src/bots/feishu/sender.ts';
import { silentLogger } from '../../../src/logger.ts';
import { envelope, feishuWorld, message, TOKEN, until, type FeishuWorld, type SendOptions } from './world.ts';

describe('Feishu crypto and cards', () => {
  it('decrypts the documented example', () => {
    expect(decryptEvent('test key', 'P37w+VZImNgPEO1RBhJ6RtKl7n6zymIbEG1pReEzghk=')).toBe('hello world');
  });

  it('keeps a card under 30 KB with "and N more"', () => {
    const reply = { tone: 'info' as const, title: '任务', sections: [{ items: Array.from({ length: 400 }, (_, i) => ({ text: '很长的任务描述'.repeat(20) + i, buttons: [{ label: '完成', action: { action: 'task.done', id: String(i) } }] })) }], visibility: 'private' as const };
    const card = toCard(reply);
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThanOrEqual(MAX_CARD_BYTES);
    expect(JSON.stringify(card)).toMatch(/还有 \d+ 项/);
    expect((card as { schema: string }).schema).toBe('2.0');
  });
});

describe('the Feishu door over HTTP with the real SDK client', () => {
  let w: FeishuWorld;
  let fake: FeishuWorld['fake'];
  let db: FeishuWorld['db'];
  let ctx: FeishuWorld['ctx'];

  beforeAll(async () => {
    w = await feishuWorld({ ou_li: '李雷', ou_mei: '陈梅', ou_wang: '王芳' });
    ({ fake, db, ctx } = w);
  });
  afterAll(() => w?.close());

  const send = (body: object, opts?: SendOptions) => w.send(body, opts);
  const settle = (ms = 300) => new Promise((r) => setTimeout(r, ms));

  it('answers a genuine url_verification challenge only', async () => {
    expect((await send({ type: 'url_verification', challenge: 'c-123', token: TOKEN })).json).toEqual({ challenge: 'c-123' });
    expect((await send({ type: 'url_verification', challenge: 'c-123', token: 'nope' })).status).toBe(401);
  });

  it('/log in Chinese: stored interaction and task, answered with a card in the chat', async () => {
    expect((await send(message('ou_li', '/customer add 华为技术 等级:A 行业:通信 来源:展会'))).status).toBe(200);
    await until(async () => (await db.prisma.customer.count()) === 1 && fake.sent.length === 1);
    expect((await send(message('ou_li', '/log 华为 电话：沟通了报价，客户有些犹豫。下一步：下周三下午3点回访'))).status).toBe(200);
    await until(() => fake.sent.some((x) => JSON.stringify(x.card).includes('task.done')));
    const interaction = await db.prisma.interaction.findFirstOrThrow({ include: { author: true } });
    expect(interaction).toMatchObject({ channel: 'call', mood: 'hesitant' });
    expect(interaction.author.displayName).toBe('李雷');
    const task = await db.prisma.task.findFirstOrThrow();
    expect(task.dueAt?.toISOString()).toBe('2026-12-02T07:00:00.000Z');
    const card = fake.sent.find((x) => JSON.stringify(x.card).includes('task.done'))!;
    expect(card.receiveIdType).toBe('chat_id');
    expect(JSON.stringify(card.card)).toContain('华为技术');
    expect(JSON.stringify(card.card)).toMatch(/task\.done/);
  });

  it('refuses a forged signature, a wrong token, an undecryptable body and a stale timestamp, writing nothing', async () => {
    const before = await db.prisma.interaction.count();
    const body = message('ou_li', '/log 华为 电话：伪造的请求');
    expect((await send(body, { tamper: true })).status).toBe(401);
    expect((await send(body, { signWith: 'other-key' })).status).toBe(401);
    expect((await send({ ...body, header: { ...body.header, token: 'wrong' } })).status).toBe(401);
    expect((await send(body, { encryptWith: 'other-key' })).status).toBe(400);
    expect((await send(body, { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 })).status).toBe(401);
    await settle();
    expect(await db.prisma.interaction.count()).toBe(before);
  });

  it('a retried event does nothing twice', async () => {
    const before = await db.prisma.interaction.count();
    const body = message('ou_li', '/log 华为 微信：发了资料', 'ev_retry_1');
    await send(body);
    await until(async () => (await db.prisma.interaction.count()) === before + 1);
    await send(body);
    await settle();
    expect(await db.prisma.interaction.count()).toBe(before + 1);
  });

  it('quote approval through card actions: concurrent clicks make one decision and both cards learn it', async () => {
    await send(message('ou_admin', '/crm whoami'));
    await send(message('ou_mei', '/crm whoami'));
    await send(message('ou_wang', '/crm whoami'));
    await settle();
    await send(message('ou_admin', '/crm role 陈梅 manager'));
    await send(message('ou_admin', '/crm role 王芳 manager'));
    await send(message('ou_li', '/quote new 华为 10 x 专业版 @ 1200 折扣 5%'));
    await until(async () => (await db.prisma.quote.count()) === 1);
    await until(async () => (await db.prisma.user.count({ where: { role: 'manager' } })) === 2);
    const quote = await db.prisma.quote.findFirstOrThrow();
    fake.sent.length = 0;
    await send(message('ou_li', `/quote submit ${quote.id}`));
    await until(() => fake.sent.filter((x) => JSON.stringify(x.card).includes('quote.approve')).length >= 3);
    const cards = fake.sent.filter((s) => s.receiveIdType === 'open_id' && JSON.stringify(s.card).includes('quote.approve'));
    expect(cards.map((c) => c.receiveId).sort()).toEqual(['ou_admin', 'ou_mei', 'ou_wang']);
    const approveValue = (c: (typeof cards)[number]) => {
      let found: Record<string, unknown> | undefined;
      JSON.stringify(c.card, (_k, v) => {
        if (v && typeof v === 'object' && (v as { action?: string }).action === 'quote.approve') found = v;
        return v;
      });
      return found!;
    };
    const click = (openId: string, value: object, messageId: string) =>
      send(envelope('card.action.trigger', { operator: { open_id: openId, tenant_key: 'tk1' }, action: { tag: 'button', value }, context: { open_message_id: messageId, open_chat_id: `oc_dm_${openId}` } }));
    const mei = cards.find((c) => c.receiveId === 'ou_mei')!;
    const wang = cards.find((c) => c.receiveId === 'ou_wang')!;
    const [a, b] = await Promise.all([click('ou_mei', approveValue(mei), mei.messageId), click('ou_wang', approveValue(wang), wang.messageId)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const decided = await db.prisma.quote.findUniqueOrThrow({ where: { id: quote.id }, include: { decidedBy: true } });
    expect(decided.status).toBe('approved');
    const toasts = [a.json, b.json] as Array<{ toast: { type: string }; card?: unknown }>;
    expect(toasts.map((t) => t.toast.type).sort()).toEqual(['success', 'warning']);
    expect(toasts.find((t) => t.toast.type === 'success')?.card).toBeDefined();
    await until(() => fake.patched.length >= cards.length);
    // Every posted approval card is patched to show the decision.
    expect(fake.patched.map((p) => p.messageId).sort()).toEqual(cards.map((c) => c.messageId).sort());
    expect(JSON.stringify(fake.patched[0]!.card)).toContain(decided.decidedBy!.displayName);
  });

  it('the long-connection handlers take the same path (EventDispatcher to the door)', async () => {
    const client = feishuClient('cli_test', 'secret', fake.url);
    const door = feishuDoor({ handler: ctx.handler, sender: feishuSender(client), log: silentLogger, now: () => new Date() });
    const dispatcher = new lark.EventDispatcher({}).register({ 'im.message.receive_v1': (data: never) => door.onMessage(data, data) } as never);
    const before = fake.sent.length;
    await dispatcher.invoke(message('ou_li', '/tasks', 'ev_ws_1'));
    expect(fake.sent.length).toBe(before + 1);
    expect(JSON.stringify(fake.sent.at(-1)!.card)).toContain('回访');
  });
});
