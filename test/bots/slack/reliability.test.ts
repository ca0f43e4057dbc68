// Faults between the Slack door and Slack: duplicates, failing and resetting Web API calls, a
// failing response_url. Every command's effect happens once and every owed message arrives once.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { silentLogger } from '../../../src/logger.ts';
import { createRunner } from '../../../src/scheduler/runner.ts';
import { slackWorld, type SlackWorld } from './harness.ts';

let w: SlackWorld;
beforeAll(async () => {
  w = await slackWorld('postgres');
  w.fake.users.set('UREP', { real_name: 'Sam Carter', tz: 'Asia/Shanghai', locale: 'en-US' });
  w.fake.users.set('UMGR', { real_name: 'Mei Chen', tz: 'Asia/Shanghai', locale: 'en-US' });
  w.fake.users.set('UADMIN', { real_name: 'Dana Reyes', tz: 'Asia/Shanghai', locale: 'en-US' });
  for (const u of ['UADMIN', 'UMGR']) await w.post(w.command(u, '/crm', 'whoami').body);
  await w.settle();
  await w.post(w.command('UADMIN', '/crm', 'role <@UMGR|mei> manager').body);
  await w.post(w.command('UREP', '/customer', 'add Globex tier:B').body);
  await w.settle();
}, 120_000);
afterAll(() => w?.close());

const at = (url: string) => w.fake.responses.filter((r) => r.url === url);
const cardsTo = (channel: string) => w.fake.posts().filter((c) => c.args.channel === channel && /approval/i.test(String(c.args.text)));

async function sweepUntil(done: () => boolean, rounds = 50) {
  for (let i = 0; i < rounds && !done(); i++) {
    await w.outbox.sweep();
    await w.settle(20);
  }
}

it('the same command delivered three times logs once and answers once at response_url', async () => {
  const cmd = w.command('UREP', '/log', 'Globex call: asked about volume pricing');
  await Promise.all([w.post(cmd.body), w.post(cmd.body), w.post(cmd.body)]);
  await w.settle();
  expect(await w.db.prisma.interaction.count({ where: { summary: { contains: 'volume pricing' } } })).toBe(1);
  expect(at(cmd.responseUrl)).toHaveLength(1);
});

it('a response_url that fails with 500 once still gets the answer, once', async () => {
  w.fake.fail('respond', 'status500', 1);
  const cmd = w.command('UREP', '/log', 'Globex email: sent the brochure');
  await w.post(cmd.body);
  await w.settle();
  await sweepUntil(() => at(cmd.responseUrl).length > 0);
  expect(at(cmd.responseUrl)).toHaveLength(1);
  expect(JSON.stringify(at(cmd.responseUrl)[0]!.body)).toMatch(/Logged/);
});

it('approval cards survive 11 failing posts in a row (the outbox gives 12 attempts): sent once Slack recovers', async () => {
  await w.post(w.command('UREP', '/quote', 'new Globex 3 x Widget @ 250').body);
  await w.settle();
  const quote = await w.db.prisma.quote.findFirstOrThrow({ where: { status: 'draft' }, orderBy: { id: 'desc' } });
  w.fake.fail('chat.postMessage', 'status500', 11);
  const submit = w.command('UREP', '/quote', `submit ${quote.id}`);
  await w.post(submit.body);
  await w.settle();
  expect(JSON.stringify(at(submit.responseUrl))).toMatch(/approval/i);
  expect(cardsTo('DUMGR')).toHaveLength(0);
  await sweepUntil(() => cardsTo('DUMGR').length > 0);
  expect(cardsTo('DUMGR')).toHaveLength(1);
  const row = await w.db.prisma.outboxMessage.findFirstOrThrow({ where: { key: { startsWith: 'slack:cmd:' }, status: 'sent', attempts: { gt: 1 } } });
  expect(row.attempts).toBeGreaterThan(1);
});

it('a post Slack processed before the connection dropped is not posted again', async () => {
  await w.post(w.command('UREP', '/quote', 'new Globex 4 x Widget @ 250').body);
  await w.settle();
  const quote = await w.db.prisma.quote.findFirstOrThrow({ where: { status: 'draft' }, orderBy: { id: 'desc' } });
  const before = cardsTo('DUMGR').length;
  const unsent = () => w.db.prisma.outboxMessage.count({ where: { status: { not: 'sent' } } });
  const unsentBefore = await unsent();
  w.fake.fail('chat.postMessage', 'processed-reset', 1);
  await w.post(w.command('UREP', '/quote', `submit ${quote.id}`).body);
  await w.settle();
  await sweepUntil(() => false, 3);
  expect(cardsTo('DUMGR').length - before).toBe(1);
  expect(await unsent()).toBe(unsentBefore);
});

it('a digest Slack processed before the connection dropped: the outbox\'s retry finds it in the DM by its key (message metadata) and posts nothing twice', async () => {
  const rep = await w.db.prisma.user.findFirstOrThrow({ where: { displayName: 'Sam Carter' } });
  await w.db.prisma.task.create({ data: { title: 'Digest follow-up', teamId: rep.teamId, ownerId: rep.id, dueAt: new Date('2026-11-22T02:00:00Z') } });
  const digests = () => w.fake.posts().filter((c) => c.args.channel === 'DUREP' && JSON.stringify(c.args).includes('Digest follow-up'));
  w.fake.fail('chat.postMessage', 'processed-reset', 1);
  const runner = createRunner({ db: w.db, clock: w.clock, log: silentLogger, notifier: w.notifier, outbox: w.outbox, instanceId: 'digest-test' });
  expect(await runner.runSlot('daily', rep.teamId, new Date('2026-11-23T01:00:00Z'))).toBe(true);
  await w.settle();
  expect(digests()).toHaveLength(1);
  const row = await w.db.prisma.outboxMessage.findFirstOrThrow({ where: { key: { startsWith: 'job:', endsWith: `:user:${rep.id}` } } });
  expect(row.status).toBe('failed');
  await sweepUntil(() => false, 3);
  expect(digests()).toHaveLength(1);
  expect(w.fake.called('conversations.history').some((c) => c.args.channel === 'DUREP')).toBe(true);
  expect((await w.db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).status).toBe('sent');
});

it('a hanging chat.postMessage times out and does not hold up the next post to that channel', async () => {
  await w.post(w.command('UREP', '/quote', 'new Globex 5 x Widget @ 250').body);
  await w.post(w.command('UREP', '/quote', 'new Globex 6 x Widget @ 250').body);
  await w.settle();
  const [q1, q2] = await w.db.prisma.quote.findMany({ where: { status: 'draft' }, orderBy: { id: 'asc' } });
  const before = cardsTo('DUMGR').length;
  w.fake.fail('chat.postMessage', 'hang', 1);
  const started = Date.now();
  await Promise.all([w.post(w.command('UREP', '/quote', `submit ${q1!.id}`).body), w.post(w.command('UREP', '/quote', `submit ${q2!.id}`).body)]);
  await w.settle();
  await sweepUntil(() => cardsTo('DUMGR').length - before >= 2);
  expect(cardsTo('DUMGR').length - before).toBe(2);
  expect(Date.now() - started).toBeLessThan(30_000);
}, 60_000);
