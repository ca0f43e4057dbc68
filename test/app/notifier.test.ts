// The notifier on both engines: a person is reached on every door they use that is running, a team
// purpose reaches its channels, posted messages are remembered by subject and updated in place, and
// one failing door neither stops the others nor loses the delivery.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createNotifier } from '../../src/app/notifier.ts';
import type { Database } from '../../src/domain/db/database.ts';
import type { PlatformSender, PostedRef } from '../../src/intents/delivery.ts';
import type { Reply } from '../../src/intents/reply.ts';
import { silentLogger } from '../../src/logger.ts';
import { describeEngines, freshDatabase } from '../support/engines.ts';
import { makeTeam, makeUser } from '../support/fixtures.ts';

type Call = { op: 'user' | 'channel' | 'update'; where: string; title?: string; key?: string };

/** A door that records what it was asked to do, on loopback memory instead of a chat API. */
function recordingSender(platform: PlatformSender['platform'], calls: Call[], opts: { fail?: boolean | number } = {}): PlatformSender {
  let n = 0;
  const ref = (channelId: string): PostedRef => ({ platform, workspaceId: 'W1', channelId, messageId: `${platform}-${++n}` });
  const failing = () => opts.fail === true || (typeof opts.fail === 'number' && opts.fail-- > 0);
  return {
    platform,
    async sendToUser(target, reply, key, send) {
      if (failing()) throw new Error(`${platform} is down`);
      // Like Slack's metadata lookup and Feishu's uuid: a retry finds the copy an earlier try posted.
      if (send?.maybeSent && key && calls.some((c) => c.key === key)) return ref(`dm-${target.externalUserId}`);
      calls.push({ op: 'user', where: `${platform}:${target.externalUserId}`, title: reply.title, key });
      return ref(`dm-${target.externalUserId}`);
    },
    async sendToChannel(target, reply, key) {
      if (opts.fail) throw new Error(`${platform} is down`);
      calls.push({ op: 'channel', where: `${platform}:${target.channelId}`, title: reply.title, key });
      return ref(target.channelId);
    },
    async update(r, reply) {
      calls.push({ op: 'update', where: `${r.platform}:${r.channelId}:${r.messageId}`, title: reply.title });
    },
  };
}

const card = (title: string, subject?: string): Reply => ({ tone: 'info', title, visibility: 'private', ...(subject ? { subject } : {}) });

describeEngines('notifier', (engine) => {
  let db: Database & { drop(): Promise<void> };
  let teamId: number;
  let mei: number;
  let sam: number;

  beforeAll(async () => {
    db = await freshDatabase(engine);
    const team = await makeTeam(db, { name: 'Sales' });
    teamId = team.id;
    mei = (await makeUser(db, teamId, { name: 'Mei Chen', role: 'manager' })).id;
    sam = (await makeUser(db, teamId, { name: 'Sam Carter' })).id;
    await db.prisma.identity.createMany({
      data: [
        { userId: mei, platform: 'slack', workspaceId: 'W1', externalId: 'U_MEI' },
        { userId: mei, platform: 'feishu', workspaceId: 'W1', externalId: 'ou_mei' },
        { userId: mei, platform: 'console', externalId: 'Mei Chen' },
        { userId: sam, platform: 'slack', workspaceId: 'W1', externalId: 'U_SAM' },
      ],
    });
    await db.prisma.digestTarget.createMany({
      data: [
        { teamId, platform: 'slack', workspaceId: 'W1', channelId: 'C_SALES' },
        { teamId, platform: 'slack', workspaceId: 'W1', channelId: 'C_DEALS', approvals: true },
      ],
    });
  });
  afterAll(() => db?.drop());

  it('reaches a person on each running door they use, and remembers what the message shows', async () => {
    const calls: Call[] = [];
    const notifier = createNotifier(db, silentLogger);
    notifier.register(recordingSender('slack', calls));
    notifier.register(recordingSender('console', calls));
    // Feishu is not running: Mei's Feishu identity is skipped, not an error.
    const posted = await notifier.deliver({ to: { userId: mei }, reply: card('Approval needed', 'quote:7') }, 'evt-1:0');
    expect(calls.map((c) => c.where).sort()).toEqual(['console:Mei Chen', 'slack:U_MEI']);
    expect(calls.every((c) => c.key?.startsWith('evt-1:0:'))).toBe(true);
    expect(posted).toHaveLength(2);
    expect(await db.prisma.postedMessage.count({ where: { subject: 'quote:7' } })).toBe(2);

    calls.length = 0;
    await notifier.deliver({ to: { userId: sam }, reply: card('Quote approved'), updateSubject: 'quote:7' });
    // Both copies of the approval card are updated, then Sam is told.
    expect(calls.filter((c) => c.op === 'update').map((c) => c.where.split(':')[0]).sort()).toEqual(['console', 'slack']);
    expect(calls.filter((c) => c.op === 'update').every((c) => c.title === 'Quote approved')).toBe(true);
    expect(calls.filter((c) => c.op === 'user').map((c) => c.where)).toEqual(['slack:U_SAM']);
    // A message without a subject is not recorded.
    expect(await db.prisma.postedMessage.count()).toBe(2);
  });

  it('sends team digests to every target and approvals only where approvals go', async () => {
    const calls: Call[] = [];
    const notifier = createNotifier(db, silentLogger);
    notifier.register(recordingSender('slack', calls));
    await notifier.deliver({ to: { teamId, purpose: 'digest' }, reply: card('Weekly summary') }, 'run-9:team');
    expect(calls.map((c) => c.where)).toEqual(['slack:C_SALES', 'slack:C_DEALS']);
    // Each destination its own dedup key (a platform key such as Feishu's uuid is app-wide).
    expect(calls.map((c) => c.key)).toEqual(['run-9:team:slack:C_SALES', 'run-9:team:slack:C_DEALS']);
    calls.length = 0;
    await notifier.deliver({ to: { teamId, purpose: 'approvals' }, reply: card('Approval needed') });
    expect(calls.map((c) => c.where)).toEqual(['slack:C_DEALS']);
  });

  it('survives one failing door, and fails only when no door took the message', async () => {
    const calls: Call[] = [];
    const notifier = createNotifier(db, silentLogger);
    notifier.register(recordingSender('slack', calls, { fail: true }));
    notifier.register(recordingSender('console', calls));
    // Console took it, Slack failed for now: the delivery is to be tried again, not done.
    await expect(notifier.deliver({ to: { userId: mei }, reply: card('Hello') })).rejects.toMatchObject({ retryable: true });
    expect(calls.map((c) => c.where)).toEqual(['console:Mei Chen']);
    await expect(notifier.deliver({ to: { userId: sam }, reply: card('Hello') })).rejects.toThrow(/slack is down/);
  });

  it('a door that failed while another took the message gets it on the retry, and the other posts nothing twice', async () => {
    const calls: Call[] = [];
    const notifier = createNotifier(db, silentLogger);
    notifier.register(recordingSender('slack', calls));
    notifier.register(recordingSender('feishu', calls, { fail: 1 }));
    const message = { to: { userId: mei }, reply: card('Approval needed') };
    await expect(notifier.deliver(message, 'evt-2:0')).rejects.toMatchObject({ retryable: true });
    expect(await notifier.deliver(message, 'evt-2:0', { maybeSent: true })).toHaveLength(2);
    expect(calls.map((c) => c.where).sort()).toEqual(['feishu:ou_mei', 'slack:U_MEI']);
  });

  it('reaches nobody who has left', async () => {
    const calls: Call[] = [];
    const notifier = createNotifier(db, silentLogger);
    notifier.register(recordingSender('slack', calls));
    await db.prisma.user.update({ where: { id: sam }, data: { active: false } });
    expect(await notifier.deliver({ to: { userId: sam }, reply: card('Hello') })).toEqual([]);
    expect(calls).toEqual([]);
  });
});
