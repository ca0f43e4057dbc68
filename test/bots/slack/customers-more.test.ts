// /customers through the real Bolt app: the first page as Block Kit with a More button, and the
// button's click (the filter and next page carried as data) answering with the next page.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buttonsOf, slackWorld, type SlackWorld } from './harness.ts';

let w: SlackWorld;
beforeAll(async () => {
  w = await slackWorld();
  w.fake.users.set('UREP', { real_name: 'Sam Carter', tz: 'Asia/Shanghai', locale: 'en-US' });
});
afterAll(() => w?.close());

const textOf = (body: Record<string, unknown>) => JSON.stringify(body.blocks ?? []);

it('pages /customers with a More button and answers the click with the next page', async () => {
  const hello = w.command('UREP', '/crm', 'whoami');
  expect((await w.post(hello.body)).status).toBe(200);
  await w.settle();
  const sam = await w.db.prisma.user.findFirstOrThrow({ where: { displayName: 'Sam Carter' } });
  for (let i = 0; i < 13; i++) {
    await w.db.prisma.customer.create({
      data: { code: `CUS2026112300${String(i).padStart(2, '0')}`, name: `Account ${String(i).padStart(2, '0')}`, normalizedName: `account ${i}`, teamId: sam.teamId, ownerId: sam.id, tier: 'B', createdAt: new Date(Date.parse('2026-11-01T00:00:00Z') + i * 3_600_000) },
    });
  }
  const first = w.command('UREP', '/customers', 'tier:B');
  expect((await w.post(first.body)).status).toBe(200);
  await w.settle();
  const page1 = w.fake.responses.find((r) => r.url === first.responseUrl)!.body;
  expect(textOf(page1)).toContain('Account 00');
  expect(textOf(page1)).toContain('Account 09');
  expect(textOf(page1)).not.toContain('Account 10');
  const more = buttonsOf(page1.blocks).find((b) => b.text.text.startsWith('More'));
  expect(more?.text.text).toBe('More (2/2)');

  const click = w.click('UREP', more!);
  expect((await w.post(click.body)).status).toBe(200);
  await w.settle();
  const page2 = w.fake.responses.find((r) => r.url === click.responseUrl)!.body;
  expect(textOf(page2)).toContain('11–13 of 13');
  expect(textOf(page2)).toContain('Account 12');
  expect(textOf(page2)).not.toContain('Account 00');
  expect(buttonsOf(page2.blocks).some((b) => b.text.text.startsWith('More'))).toBe(false);

  // A forged More button (a page past the limit) is refused like any broken button; nothing is read.
  const forged = w.click('UREP', { action_id: more!.action_id, value: JSON.stringify({ action: 'customers.list', id: JSON.stringify({ filter: { tier: 'B' }, page: 99999 }) }) });
  await w.post(forged.body);
  await w.settle();
  expect(textOf(w.fake.responses.find((r) => r.url === forged.responseUrl)!.body)).toContain('That button no longer works');
}, 60_000);

it('opens a manager’s App Home on the quotes waiting for their approval, with the decision buttons', async () => {
  w.fake.users.set('UMGR', { real_name: 'Mei Chen', tz: 'Asia/Shanghai', locale: 'en-US' });
  await w.post(w.command('UMGR', '/crm', 'whoami').body);
  await w.settle();
  const sam = await w.db.prisma.user.findFirstOrThrow({ where: { displayName: 'Sam Carter' } });
  const mei = await w.db.prisma.user.update({ where: { id: (await w.db.prisma.user.findFirstOrThrow({ where: { displayName: 'Mei Chen' } })).id }, data: { role: 'manager' } });
  await w.db.prisma.user.update({ where: { id: sam.id }, data: { managerId: mei.id } });
  await w.post(w.command('UREP', '/quote', 'new Account 01 3 x Pro @ 1000').body);
  await w.settle();
  await w.post(w.command('UREP', '/quote', 'submit 1').body);
  await w.settle();
  const event = { token: 't', team_id: 'T1', api_app_id: 'A1', type: 'event_callback', event_id: 'EvMgr', event_time: 1, event: { type: 'app_home_opened', user: 'UMGR', channel: 'D2', tab: 'home' } };
  const published = w.fake.called('views.publish').length;
  expect((await w.post(JSON.stringify(event), { contentType: 'application/json' })).status).toBe(200);
  await w.until('the App Home to be published', () => w.fake.called('views.publish').length > published);
  const blocks = w.fake.called('views.publish').at(-1)!.args.view as { blocks: Array<{ type: string; text?: { text: string } }> };
  const texts = blocks.blocks.map((b) => b.text?.text ?? '');
  expect(texts[0]).toBe('Your day');
  expect(texts[1]).toBe('*Waiting for your approval*');
  expect(texts[2]).toMatch(/^#1 · Account 01 · Sam Carter · \$3,000\.00/);
  expect(buttonsOf(blocks.blocks).slice(0, 3).map((b) => b.text.text)).toEqual(['Approve', 'Reject…', 'Open']);
}, 60_000);
