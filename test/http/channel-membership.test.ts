// `/crm channel digest|approvals` in a channel the bot is not in: nothing is set, and the manager is
// told in their language how to bring the bot in (Slack /invite, Feishu 群设置 → 群机器人 → 添加机器人).
// Where the bot is a member, the setting is taken as before.
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

async function until(ok: () => Promise<boolean> | boolean, ms = 30_000) {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function slack(user: string, channel: string, command: string, text: string) {
  const n = ++seq;
  const body = slashCommandBody({ user, channel, command, text, responseUrl: `${w.slackFake.url}/respond/cm-${n}`, triggerId: `${n}.1.cm` });
  expect((await fetch(w.url('/slack/events'), { method: 'POST', headers: w.slackHeaders(body), body })).status).toBe(200);
  const at = `/respond/cm-${n}`;
  await until(() => w.slackFake.responses.some((r) => r.url === at));
  return JSON.stringify(w.slackFake.responses.find((r) => r.url === at)!.body);
}

async function feishu(openId: string, chat: string, text: string) {
  const n = ++seq;
  const before = w.feishuFake.sent.length;
  const event = {
    schema: '2.0',
    header: { event_id: `ev_cm_${n}`, event_type: 'im.message.receive_v1', create_time: String(Date.now()), token: 'feishu-verify-token', tenant_key: 'tk' },
    event: {
      sender: { sender_id: { open_id: openId }, sender_type: 'user', tenant_key: 'tk' },
      message: { message_id: `om_cm_${n}`, chat_id: chat, chat_type: 'group', message_type: 'text', content: JSON.stringify({ text: `@_user_1 ${text}` }), mentions: [{ key: '@_user_1', id: { open_id: 'ou_bot' }, name: 'CRM' }] },
    },
  };
  const r = w.feishuRequest(event);
  expect((await fetch(w.url('/feishu/events'), { method: 'POST', headers: r.headers, body: r.raw })).status).toBe(200);
  await until(() => w.feishuFake.sent.length > before);
  return JSON.stringify(w.feishuFake.sent.at(-1)!.card);
}

const targets = (channelId: string) => w.db.prisma.digestTarget.count({ where: { channelId } });
const promote = async (platform: 'slack' | 'feishu', externalId: string) => {
  const id = await w.db.prisma.identity.findFirstOrThrow({ where: { platform, externalId } });
  await w.db.prisma.user.update({ where: { id: id.userId }, data: { role: 'manager' } });
};

describe('Slack', () => {
  beforeAll(async () => {
    await slack('UMGR', 'C1', '/crm', 'whoami');
    await promote('slack', 'UMGR');
    w.slackFake.outside.add('COUT');
    w.slackFake.outside.add('GPRIV');
  });

  it('a channel the bot is not in (public or private) takes nothing and says how to /invite it', async () => {
    for (const [channel, purpose] of [['COUT', 'digest'], ['GPRIV', 'approvals']] as const) {
      const answer = await slack('UMGR', channel, '/crm', `channel ${purpose}`);
      expect(answer).toContain('/invite @crm');
      expect(answer).toContain(`/crm channel ${purpose}`);
      expect(await targets(channel)).toBe(0);
    }
  });

  it('a channel the bot is in takes the setting', async () => {
    const answer = await slack('UMGR', 'CIN', '/crm', 'channel digest');
    expect(answer).not.toContain('/invite');
    expect(await targets('CIN')).toBe(1);
  });
});

describe('Feishu', () => {
  beforeAll(async () => {
    w.feishuFake.users.set('ou_mgr', { name: '张经理' });
    await feishu('ou_mgr', 'oc_in', '/crm 我是谁');
    await promote('feishu', 'ou_mgr');
    w.feishuFake.outside.add('oc_out');
  });

  it('a group the bot is not in takes nothing, and the manager is told in Chinese how to add the bot', async () => {
    const card = await feishu('ou_mgr', 'oc_out', '/crm 频道 日报');
    expect(card).toContain('群设置 → 群机器人 → 添加机器人');
    expect(card).toContain('/crm 频道 日报');
    expect(await targets('oc_out')).toBe(0);
  });

  it('a group the bot is in takes the setting', async () => {
    await feishu('ou_mgr', 'oc_in', '/crm 频道 审批');
    expect(await w.db.prisma.digestTarget.findFirst({ where: { channelId: 'oc_in' } })).toMatchObject({ approvals: true });
  });
});
