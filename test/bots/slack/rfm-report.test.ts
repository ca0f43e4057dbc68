// The RFM report through the Slack door, over the hand-counted fixture: the figures come back on the
// response_url and the segment chart is uploaded with files.uploadV2 into the channel; the fake
// receives the PNG bytes, which open as a real, non-blank image of the expected size.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { rfmFixture } from '../../domain/reports/rfm-fixture.ts';
import { pngInfo } from '../../support/png.ts';
import { slackWorld, type SlackWorld } from './harness.ts';

let w: SlackWorld;
beforeAll(async () => {
  w = await slackWorld();
  w.fake.users.set('UADMIN', { real_name: 'Dana Reyes', tz: 'Asia/Shanghai', locale: 'en-US' });
  w.fake.users.set('UREP', { real_name: 'Sam Carter', tz: 'Asia/Shanghai', locale: 'en-US' });
  w.fake.users.set('UREP2', { real_name: 'Lee Park', tz: 'Asia/Shanghai', locale: 'en-US' });
  for (const u of ['UADMIN', 'UREP', 'UREP2']) await w.post(w.command(u, '/crm', 'whoami').body);
  await w.settle();
  const user = (displayName: string) => w.db.prisma.user.findFirstOrThrow({ where: { displayName } });
  const [rep, rep2] = [await user('Sam Carter'), await user('Lee Park')];
  await rfmFixture(w.db, { team: { id: rep.teamId }, rep, rep2 });
}, 240_000);
afterAll(() => w?.close());

it('answers with the figures and uploads the segment chart into the channel', async () => {
  const cmd = w.command('UADMIN', '/crm', 'report rfm 2026-10');
  await w.post(cmd.body);
  await w.settle(300);
  const said = JSON.stringify(w.fake.responses.filter((r) => r.url === cmd.responseUrl).map((r) => r.body));
  expect(said).toContain('Customer value (RFM), Oct 1, 2026 to Oct 31, 2026');
  expect(said).toContain('Champions: 3 (0)');
  expect(said).toContain('C (Sam Carter): Loyal → Promising, R3 F5 M5 → R4 F2 M1');
  expect(w.fake.shared.map(({ title, channel }) => ({ title, channel }))).toEqual([{ title: 'Customers by RFM segment', channel: 'C1' }]);
  const png = pngInfo(Buffer.from(w.fake.files.get(w.fake.shared[0]!.id)!.bytes));
  expect(png).toEqual({ width: 520, height: 50 + 8 * 26, distinctPixels: true });
}, 120_000);
