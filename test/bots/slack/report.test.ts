// The funnel report and the monthly review through the Slack door: the figures come back on the
// response_url, and the chart is uploaded with files.uploadV2 into the channel the command was typed
// in; the fake receives the PNG bytes, which open as a real, non-blank image.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { pngInfo } from '../../support/png.ts';
import { slackWorld, type SlackWorld } from './harness.ts';

let w: SlackWorld;
beforeAll(async () => {
  w = await slackWorld();
  w.fake.users.set('UADMIN', { real_name: 'Dana Reyes', tz: 'Asia/Shanghai', locale: 'en-US' });
  w.fake.users.set('UREP', { real_name: 'Sam Carter', tz: 'Asia/Shanghai', locale: 'en-US' });
  await w.post(w.command('UADMIN', '/crm', 'whoami').body);
  await w.post(w.command('UADMIN', '/crm', 'team source cost expo 1000').body);
  await w.post(w.command('UREP', '/customer', 'add Initech source:expo').body);
  await w.post(w.command('UREP', '/customer', 'add Globex source:website').body);
  await w.settle();
});
afterAll(() => w?.close());

it('answers with the figures and uploads the chart into the channel', async () => {
  const cmd = w.command('UADMIN', '/crm', 'report funnel this month');
  await w.post(cmd.body);
  await w.settle(300);
  const said = JSON.stringify(w.fake.responses.filter((r) => r.url === cmd.responseUrl).map((r) => r.body));
  expect(said).toContain('Sales funnel, Nov 1, 2026 to Nov 30, 2026');
  expect(said).toContain('All: 2 new, 0 interested (0%), 0 won (0%)');
  expect(w.fake.called('files.getUploadURLExternal')).toHaveLength(1);
  expect(w.fake.shared.map(({ title, channel }) => ({ title, channel }))).toEqual([{ title: 'Customers created in the period, by stage reached', channel: 'C1' }]);
  const fileId = w.fake.shared[0]!.id;
  const png = pngInfo(Buffer.from(w.fake.files.get(fileId)!.bytes));
  expect(png.width).toBe(520);
  expect(png.distinctPixels).toBe(true);
});

it('uploads nothing for a reply without a chart', async () => {
  const before = w.fake.shared.length;
  await w.post(w.command('UREP', '/customers', 'hot').body);
  await w.settle();
  expect(w.fake.shared.length).toBe(before);
});

it('answers the monthly review with its figures and uploads its chart into the channel', async () => {
  const before = w.fake.shared.length;
  const cmd = w.command('UADMIN', '/crm', 'report monthly this month');
  await w.post(cmd.body);
  await w.settle(300);
  const said = JSON.stringify(w.fake.responses.filter((r) => r.url === cmd.responseUrl).map((r) => r.body));
  expect(said).toContain('Monthly review, Nov 1, 2026 to Nov 30, 2026');
  expect(said).toContain('expo: 1 new, 0 won (0%), deal value $0.00; cost $1,000.00, ROI -100%');
  expect(w.fake.shared.slice(before).map(({ title, channel }) => ({ title, channel }))).toEqual([{ title: 'New customers and deals by source', channel: 'C1' }]);
  const png = pngInfo(Buffer.from(w.fake.files.get(w.fake.shared[before]!.id)!.bytes));
  expect(png.width).toBe(520);
  expect(png.height).toBeGreaterThan(100);
  expect(png.distinctPixels).toBe(true);
});
