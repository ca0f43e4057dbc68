// Quote outcomes through the Slack door: the rep answers by slash command; a retried delivery of the
// same command (same trigger) changes nothing twice and answers the same.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { slackWorld, type SlackWorld } from './harness.ts';

let w: SlackWorld;
beforeAll(async () => {
  w = await slackWorld();
  w.fake.users.set('UREP', { real_name: 'Sam Carter', tz: 'Asia/Shanghai', locale: 'en-US' });
  w.fake.users.set('UMGR', { real_name: 'Mei Chen', tz: 'Asia/Shanghai', locale: 'en-US' });
  w.fake.users.set('UADMIN', { real_name: 'Dana Reyes', tz: 'Asia/Shanghai', locale: 'en-US' });
  for (const u of ['UADMIN', 'UMGR']) await w.post(w.command(u, '/crm', 'whoami').body);
  await w.settle();
  await w.post(w.command('UADMIN', '/crm', 'role <@UMGR|mei> manager').body);
  await w.post(w.command('UREP', '/customer', 'add Globex tier:B').body);
  await w.settle();
  await w.post(w.command('UREP', '/quote', 'new Globex 4 x Widget @ 250').body);
  await w.settle();
  await w.post(w.command('UREP', '/quote', 'submit 1').body);
  await w.settle();
  await w.post(w.command('UMGR', '/quote', 'approve 1').body);
  await w.settle();
});
afterAll(() => w?.close());

const said = (url: string) => JSON.stringify(w.fake.responses.filter((r) => r.url === url).map((r) => r.body));

it('asks for the reason of a rejection, then records acceptance once even when Slack retries', async () => {
  const noReason = w.command('UREP', '/quote', '1 rejected');
  await w.post(noReason.body);
  await w.settle();
  expect(said(noReason.responseUrl)).toContain('Tell me why the customer turned quote #1 down');

  const accept = w.command('UREP', '/quote', '1 accepted');
  await w.post(accept.body);
  await w.settle();
  await w.post(accept.body, { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
  await w.settle();
  expect(said(accept.responseUrl)).toContain('Globex accepted quote #1 ($1,000.00).');
  const outcomes = await w.db.prisma.auditEvent.findMany({ where: { entity: 'quote', entityId: '1', action: 'outcome' } });
  expect(outcomes).toHaveLength(1);
  expect(await w.db.prisma.customer.findFirstOrThrow({ where: { name: 'Globex' } })).toMatchObject({ status: 'deal', dealValueMinor: 100_000n });
  expect(await w.db.prisma.auditEvent.count({ where: { entity: 'customer', action: 'deal' } })).toBe(1);
});
