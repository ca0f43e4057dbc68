// Mentions through both doors, over HTTP as the platforms send them: in a Feishu group only the
// bot's own @ wakes it, and an @ of a colleague names that colleague by id (Slack's <@U…|name> the
// same); nothing a person types can pose as a mention; a name carrying markup never comes back live.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slashCommandBody } from '../support/slack-command.ts';
import { bothDoors } from './world.ts';

let w: Awaited<ReturnType<typeof bothDoors>>;
let seq = 0;
beforeAll(async () => {
  w = await bothDoors();
});
afterAll(async () => {
  await w?.close();
});

type Mention = { key: string; id: { open_id: string }; name: string };
const BOT: Mention = { key: '@_user_1', id: { open_id: 'ou_bot' }, name: 'CRM' };

async function feishu(openId: string, text: string, opts: { group?: boolean; mentions?: Mention[] } = {}) {
  const n = ++seq;
  const event = {
    schema: '2.0',
    header: { event_id: `ev_m_${n}`, event_type: 'im.message.receive_v1', create_time: String(Date.now()), token: 'feishu-verify-token', tenant_key: 'tk' },
    event: {
      sender: { sender_id: { open_id: openId }, sender_type: 'user', tenant_key: 'tk' },
      message: { message_id: `om_m_${n}`, chat_id: opts.group ? 'oc_group' : `oc_${openId}`, chat_type: opts.group ? 'group' : 'p2p', message_type: 'text', content: JSON.stringify({ text }), ...(opts.mentions ? { mentions: opts.mentions } : {}) },
    },
  };
  const r = w.feishuRequest(event);
  const res = await fetch(w.url('/feishu/events'), { method: 'POST', headers: r.headers, body: r.raw });
  expect(res.status).toBe(200);
}

async function slack(user: string, command: string, text: string) {
  const n = ++seq;
  const body = slashCommandBody({ user, command, text, responseUrl: `${w.slackFake.url}/respond/m-${n}`, triggerId: `${n}.1.m` });
  const res = await fetch(w.url('/slack/events'), { method: 'POST', headers: w.slackHeaders(body), body });
  expect(res.status).toBe(200);
  return `/respond/m-${n}`;
}

async function until(ok: () => Promise<boolean> | boolean, ms = 30_000) {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** A direct message, waited for until its answer is sent. */
async function feishuAsk(openId: string, text: string) {
  const n = w.feishuFake.sent.length;
  await feishu(openId, text);
  await until(() => w.feishuFake.sent.length > n);
}

/** The strings a message renders as markup (Slack mrkdwn and fallback text, Feishu markdown); plain text is shown literally. */
function markup(x: unknown, out: string[] = []): string[] {
  if (Array.isArray(x)) x.forEach((v) => markup(v, out));
  else if (x && typeof x === 'object') {
    const o = x as Record<string, unknown>;
    if ((o.type === 'mrkdwn' || o.tag === 'markdown') && typeof (o.text ?? o.content) === 'string') out.push(String(o.text ?? o.content));
    if (o.response_type && typeof o.text === 'string') out.push(o.text);
    Object.values(o).forEach((v) => markup(v, out));
  }
  return out;
}

const userBy = (platform: 'slack' | 'feishu', externalId: string) => w.db.prisma.identity.findFirstOrThrow({ where: { platform, externalId }, include: { user: true } }).then((i) => i.user);
const sentCount = () => w.feishuFake.sent.length;
const answered = (n: number) => until(() => sentCount() >= n);

describe('Feishu: the bot in a group chat', () => {
  let taskId = 0;

  beforeAll(async () => {
    w.feishuFake.users.set('ou_boss', { name: 'Boss' });
    w.feishuFake.users.set('ou_mei', { name: 'Mei' });
    await feishuAsk('ou_boss', '/crm whoami');
    await feishuAsk('ou_mei', '/crm whoami');
    const boss = await userBy('feishu', 'ou_boss');
    await w.db.prisma.user.update({ where: { id: boss.id }, data: { role: 'admin' } });
    await feishuAsk('ou_boss', '/customer add Mention Works');
    await feishuAsk('ou_boss', '/task add Mention call back Friday 3pm');
    taskId = (await w.db.prisma.task.findFirstOrThrow({ where: { ownerId: boss.id } })).id;
  });

  it('a group message that mentions someone else wakes nothing; the bot’s @ plus @Mei reassigns to Mei', async () => {
    const mei = await userBy('feishu', 'ou_mei');
    const before = sentCount();
    // Mentions Mei only: not for the bot, so no customer and no answer.
    await feishu('ou_boss', '@_user_1 /customer add Ghost Group', { group: true, mentions: [{ key: '@_user_1', id: { open_id: 'ou_mei' }, name: 'Mei' }] });
    // Mentions the bot first, then Mei as the person the command is about.
    await feishu('ou_boss', `@_user_1 /task reassign ${taskId} @_user_2`, { group: true, mentions: [BOT, { key: '@_user_2', id: { open_id: 'ou_mei' }, name: 'Mei' }] });
    await until(async () => (await w.db.prisma.task.findUniqueOrThrow({ where: { id: taskId } })).ownerId === mei.id);
    const inGroup = () => w.feishuFake.sent.slice(before).filter((s) => s.receiveId === 'oc_group');
    await until(() => inGroup().length >= 1);
    expect(await w.db.prisma.customer.count({ where: { name: { contains: 'Ghost' } } })).toBe(0);
    // One answer in the group (the reassignment's); Mei is told in her own chat.
    expect(inGroup()).toHaveLength(1);
    expect(JSON.stringify(inGroup()[0]!.card)).toContain('Mei');
  });

  it('/crm role @Mei manager from a group names Mei by her open_id, not by a name someone could share', async () => {
    // A second person whose name starts like hers: a name lookup would be ambiguous.
    w.feishuFake.users.set('ou_mei2', { name: 'Mei Lin' });
    await feishuAsk('ou_mei2', '/crm whoami');
    await feishu('ou_boss', '@_user_1 /crm role @_user_2 manager', { group: true, mentions: [BOT, { key: '@_user_2', id: { open_id: 'ou_mei' }, name: 'Mei' }] });
    await until(async () => (await userBy('feishu', 'ou_mei')).role === 'manager');
    expect((await userBy('feishu', 'ou_mei2')).role).toBe('rep');
  });

  it('a mark typed by hand, or a mention key with no mention behind it, names nobody', async () => {
    const owner = async () => (await w.db.prisma.task.findUniqueOrThrow({ where: { id: taskId } })).ownerId;
    const boss = await userBy('feishu', 'ou_boss');
    const was = await owner();
    let n = sentCount();
    for (const text of [`/task reassign ${taskId} @\uE0000\uE001`, `/task reassign ${taskId} @_user_2`]) {
      await feishu('ou_boss', text, { mentions: [] });
      await answered(++n);
    }
    // The same hand-typed mark beside a genuine mention of the bot in a group: still nobody.
    await feishu('ou_boss', `@_user_1 /task reassign ${taskId} @\uE0000\uE001`, { group: true, mentions: [BOT] });
    await answered(++n);
    expect(await owner()).toBe(was);
    expect(was).not.toBe(boss.id);
  });
});

describe('Slack: mentions in slash commands (should_escape: true)', () => {
  let taskId = 0;
  beforeAll(async () => {
    await slack('UBOSS', '/crm', 'whoami');
    await slack('UMEI', '/crm', 'whoami');
    await until(async () => (await w.db.prisma.identity.count({ where: { platform: 'slack', externalId: { in: ['UBOSS', 'UMEI'] } } })) === 2);
    const boss = await userBy('slack', 'UBOSS');
    await w.db.prisma.user.update({ where: { id: boss.id }, data: { role: 'manager' } });
    await slack('UBOSS', '/customer', 'add Slack Mention Co');
    await until(async () => (await w.db.prisma.customer.count({ where: { name: 'Slack Mention Co' } })) === 1);
    await slack('UBOSS', '/task', 'add Slack Mention send deck Friday 3pm');
    await until(async () => (await w.db.prisma.task.count({ where: { ownerId: boss.id } })) === 1);
    taskId = (await w.db.prisma.task.findFirstOrThrow({ where: { ownerId: boss.id } })).id;
  });

  it('a typed &lt;@U…&gt; or private-use mark is text, Slack’s own <@U…|name> is the person', async () => {
    const boss = await userBy('slack', 'UBOSS');
    const mei = await userBy('slack', 'UMEI');
    const owner = async () => (await w.db.prisma.task.findUniqueOrThrow({ where: { id: taskId } })).ownerId;
    for (const text of [`reassign ${taskId} &lt;@UMEI&gt;`, `reassign ${taskId} @\uE0000\uE001`]) {
      const at = await slack('UBOSS', '/task', text);
      await until(() => w.slackFake.responses.some((r) => r.url === at));
      expect(await owner()).toBe(boss.id);
    }
    await slack('UBOSS', '/task', `reassign ${taskId} <@UMEI|mei>`);
    await until(async () => (await owner()) === mei.id);
  });
});

describe('link and mention injection through both doors', () => {
  it('Slack: a name typed with <!channel> and a link comes back as text, never a ping or link', async () => {
    const at = await slack('UMEI', '/customer', 'add &lt;!channel&gt; &lt;https://evil.example|Pay here&gt; Corp');
    await until(() => w.slackFake.responses.some((r) => r.url === at));
    const strings = markup(w.slackFake.responses.find((r) => r.url === at)!.body);
    expect(await w.db.prisma.customer.count({ where: { name: { contains: '<!channel>' } } })).toBe(1);
    expect(strings.length).toBeGreaterThan(1);
    for (const s of strings) expect(s).not.toMatch(/<[!@#]|<https?:/);
    expect(strings.join('\n')).toContain('&lt;!channel&gt;');
  });

  it('Feishu: a name typed with <at user_id="all"> and a markdown link comes back escaped in the card', async () => {
    const n = sentCount();
    await feishu('ou_mei', '/customer add <at user_id="all"></at> [Pay](https://evil.example) Ltd');
    await answered(n + 1);
    const strings = markup(w.feishuFake.sent.at(-1)!.card);
    expect(await w.db.prisma.customer.count({ where: { name: { contains: '<at user_id' } } })).toBe(1);
    expect(strings.join('\n')).toContain('evil.example');
    for (const s of strings) expect(s).not.toMatch(/<at\b|\]\(https?:/);
  });
});
