// The lead hand-off through the Slack door: the card reaches the owner's DM once (even when Slack
// retries the /log that caused it), Accept answers in place, and a hand-off nobody accepted returns
// the lead to the pool with a note in the owner's DM from the hourly sweep.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sweepAndTell } from '../../../src/scheduler/pool.ts';
import { silentLogger } from '../../../src/logger.ts';
import { HOUR } from '../../support/fixtures.ts';
import { buttonsOf, slackWorld, type SlackWorld } from './harness.ts';

let w: SlackWorld;
beforeAll(async () => {
  w = await slackWorld();
  w.fake.users.set('UREP', { real_name: 'Sam Carter', tz: 'Asia/Shanghai', locale: 'en-US' });
  w.fake.users.set('UADMIN', { real_name: 'Dana Reyes', tz: 'Asia/Shanghai', locale: 'en-US' });
  await w.post(w.command('UADMIN', '/crm', 'whoami').body);
  await w.settle();
});
afterAll(() => w?.close());

async function warm(name: string) {
  await w.post(w.command('UREP', '/customer', `add ${name} tier:A budget:$200k`).body);
  await w.settle();
  for (const line of ['visit: demo on site, they were happy', 'meeting: pricing review, pleased', 'call: happy with terms']) {
    await w.post(w.command('UREP', '/log', `${name} ${line}`).body);
    await w.settle();
  }
}

const cardsTo = (channel: string, title: string) => w.fake.called('chat.postMessage').filter((c) => c.args.channel === channel && JSON.stringify(c.args).includes(title));

it('sends the hand-off card once, even when Slack retries the /log, and Accept answers in place', async () => {
  await warm('Initech');
  const crossing = w.command('UREP', '/log', 'Initech email: sent the contract');
  await w.post(crossing.body);
  await w.settle(300);
  await w.post(crossing.body, { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
  await w.settle(300);
  const cards = cardsTo('DUREP', 'Hot lead: Initech scored 82');
  expect(cards).toHaveLength(1);
  expect(await w.db.prisma.leadHandoff.count()).toBe(1);
  const accept = buttonsOf(cards[0]!.args.blocks).find((b) => JSON.parse(b.value).action === 'handoff.accept')!;
  expect(accept.text.text).toBe('Accept');
  const click = w.click('UREP', accept, String(cards[0]!.args.ts));
  await w.post(click.body);
  await w.settle();
  expect(JSON.stringify(w.fake.responses.filter((r) => r.url === click.responseUrl).map((r) => r.body))).toContain('Sam Carter accepted Initech.');
  expect((await w.db.prisma.leadHandoff.findFirstOrThrow()).status).toBe('accepted');
});

it('returns an unaccepted lead to the pool with a note to its owner, once', async () => {
  await warm('Globex');
  await w.post(w.command('UREP', '/log', 'Globex email: sent the contract').body);
  await w.settle(300);
  expect(cardsTo('DUREP', 'Hot lead: Globex scored 82')).toHaveLength(1);
  w.clock.advance(49 * HOUR);
  for (let i = 0; i < 2; i++) await sweepAndTell({ db: w.db, clock: w.clock, outbox: w.outbox, log: silentLogger });
  await w.settle(300);
  expect(cardsTo('DUREP', 'Globex is back in the pool')).toHaveLength(1);
  expect(await w.db.prisma.customer.findFirstOrThrow({ where: { name: 'Globex' } })).toMatchObject({ ownerId: null, status: 'intent' });
});
