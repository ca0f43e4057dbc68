// One person on Slack and Feishu, both doors in one process over HTTP as the platforms call them:
// `/crm link` on Slack, the code typed on Feishu; then the records, tasks and role are one user's,
// notices go to the door chosen, and a second notice about one record within 5 minutes edits the
// first in place (Slack chat.update, Feishu PATCH) instead of posting again.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { enqueue } from '../../src/domain/outbox/store.ts';
import type { OutboundMessage } from '../../src/intents/reply.ts';
import { slashCommandBody } from '../support/slack-command.ts';
import { bothDoors } from './world.ts';

let w: Awaited<ReturnType<typeof bothDoors>>;
let seq = 0;
beforeAll(async () => {
  w = await bothDoors({}, undefined, { outbox: true });
});
afterAll(async () => {
  await w?.close();
});

async function until(ok: () => Promise<boolean> | boolean, ms = 20_000) {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** A slash command, waited for until its answer reaches the response_url; returns that answer's text. */
async function slack(user: string, text: string): Promise<string> {
  const n = ++seq;
  const body = slashCommandBody({ user, command: '/crm', text, responseUrl: `${w.slackFake.url}/respond/p-${n}`, triggerId: `${n}.1.p` });
  const res = await fetch(w.url('/slack/events'), { method: 'POST', headers: w.slackHeaders(body), body });
  expect(res.status).toBe(200);
  await until(() => w.slackFake.responses.some((r) => r.url === `/respond/p-${n}`));
  return JSON.stringify(w.slackFake.responses.filter((r) => r.url === `/respond/p-${n}`).map((r) => r.body));
}

/** A direct message to the bot, waited for until its answer is sent; returns that answer's card. */
async function feishu(openId: string, text: string): Promise<string> {
  const n = ++seq;
  const before = w.feishuFake.sent.length;
  const event = {
    schema: '2.0',
    header: { event_id: `ev_p_${n}`, event_type: 'im.message.receive_v1', create_time: String(Date.now()), token: 'feishu-verify-token', tenant_key: 'tk' },
    event: {
      sender: { sender_id: { open_id: openId }, sender_type: 'user', tenant_key: 'tk' },
      message: { message_id: `om_p_${n}`, chat_id: `oc_${openId}`, chat_type: 'p2p', message_type: 'text', content: JSON.stringify({ text }) },
    },
  };
  const r = w.feishuRequest(event);
  expect((await fetch(w.url('/feishu/events'), { method: 'POST', headers: r.headers, body: r.raw })).status).toBe(200);
  await until(() => w.feishuFake.sent.length > before);
  return JSON.stringify(w.feishuFake.sent.slice(before).map((s) => s.card));
}

async function notice(userId: number, key: string, about: string, title: string): Promise<void> {
  const message: OutboundMessage = { to: { userId }, about, reply: { tone: 'info', title, text: `${title} (${about})`, visibility: 'private' } };
  await w.outbox!.flush(await enqueue(w.db.prisma, [{ key, message }], w.outbox!.instanceId, w.outbox!.leaseMs));
}

it('links a Slack and a Feishu user; records, tasks and role are one user’s; notices go to the chosen door and fold in place', async () => {
  await slack('URAY', 'whoami');
  const ray = await w.db.prisma.identity.findFirstOrThrow({ where: { platform: 'slack', externalId: 'URAY' } });
  await w.db.prisma.user.update({ where: { id: ray.userId }, data: { role: 'manager' } });
  // Records made on Slack: a customer, and a task from the call's next step.
  const body = slashCommandBody({ user: 'URAY', command: '/customer', text: 'add Acme Robotics', responseUrl: `${w.slackFake.url}/respond/c-1`, triggerId: '1.1.c' });
  await fetch(w.url('/slack/events'), { method: 'POST', headers: w.slackHeaders(body), body });
  await until(() => w.slackFake.responses.some((r) => r.url === '/respond/c-1'));
  const logged = slashCommandBody({ user: 'URAY', command: '/log', text: 'Acme call: pricing. next: send proposal tomorrow 3pm', responseUrl: `${w.slackFake.url}/respond/c-2`, triggerId: '2.1.c' });
  await fetch(w.url('/slack/events'), { method: 'POST', headers: w.slackHeaders(logged), body: logged });
  await until(() => w.slackFake.responses.some((r) => r.url === '/respond/c-2'));
  await feishu('ou_ray', '/crm 我是谁');

  const code = /([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(await slack('URAY', 'link'))?.[1];
  expect(code).toBeTruthy();
  expect(await feishu('ou_ray', `/crm 绑定 ${code}`)).toContain('同一个 CRM 用户');

  const onFeishu = await w.db.prisma.identity.findFirstOrThrow({ where: { platform: 'feishu', externalId: 'ou_ray' }, include: { user: true } });
  expect(onFeishu.userId).toBe(ray.userId);
  expect(onFeishu.user.role).toBe('manager');
  // From Feishu, the Slack-made task is this person's own.
  expect(await feishu('ou_ray', '/任务')).toContain('send proposal');
  expect(await w.db.prisma.customer.count({ where: { ownerId: ray.userId } })).toBe(1);

  // Feishu was used last: a notice goes there, not to Slack; a second about the same record edits it.
  const slackPosts = () => w.slackFake.calls.filter((c) => c.method === 'chat.postMessage' && c.args.channel === 'DURAY').length;
  const slackBefore = slackPosts();
  const feishuBefore = w.feishuFake.sent.length;
  await notice(ray.userId, 'n1', 'customer:1', 'Assigned to you');
  await until(() => w.feishuFake.sent.length > feishuBefore);
  const first = w.feishuFake.sent.at(-1)!;
  expect(first.receiveId).toBe('ou_ray');
  w.clock.advance(2 * 60_000);
  await notice(ray.userId, 'n2', 'customer:1', 'Pool reminder');
  await until(() => w.feishuFake.patched.length > 0);
  expect(w.feishuFake.sent.length).toBe(feishuBefore + 1);
  const patched = JSON.stringify(w.feishuFake.patched.at(-1));
  expect(w.feishuFake.patched.at(-1)!.messageId).toBe(first.messageId);
  expect(patched).toContain('Pool reminder (customer:1)');
  expect(patched).toContain('Assigned to you (customer:1)');
  expect(slackPosts()).toBe(slackBefore);

  // The person chooses Slack: notices go there, and fold there with chat.update on the same message.
  expect(await feishu('ou_ray', '/crm 通知 slack')).toContain('Slack');
  const feishuNow = w.feishuFake.sent.length;
  await notice(ray.userId, 'n3', 'task:9', 'Task given');
  await until(() => slackPosts() > slackBefore);
  const ts = (await w.db.prisma.outboxMessage.findUniqueOrThrow({ where: { key: 'n3' } })).externalId;
  w.clock.advance(60_000);
  await notice(ray.userId, 'n4', 'task:9', 'Task reassigned');
  await until(() => w.slackFake.calls.some((c) => c.method === 'chat.update'));
  const update = w.slackFake.calls.find((c) => c.method === 'chat.update')!;
  expect(update.args.ts).toBe(ts);
  expect(JSON.stringify(update.args)).toContain('Task given (task:9)');
  expect(slackPosts()).toBe(slackBefore + 1);
  expect(w.feishuFake.sent.length).toBe(feishuNow);
  // Past 5 minutes, news on the same record is a new message.
  w.clock.advance(6 * 60_000);
  await notice(ray.userId, 'n5', 'task:9', 'Task done');
  await until(() => slackPosts() > slackBefore + 1);
}, 120_000);
