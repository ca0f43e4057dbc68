// The monthly review's card in Feishu, in Chinese: the sender uploads the chart to im/v1/images and
// sends the card with an `img` element naming the returned image_key beside the figures.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { feishuClient, feishuSender } from '../../../src/bots/feishu/sender.ts';
import type { MonthlyReport } from '../../../src/domain/reports/monthly.ts';
import { monthlyReply } from '../../../src/intents/render/monthly.ts';
import { FakeFeishu } from '../../support/fake-feishu.ts';
import { pngInfo } from '../../support/png.ts';

let fake: FakeFeishu;
beforeAll(async () => {
  fake = new FakeFeishu();
  await fake.start();
});
afterAll(() => fake?.stop());

const report: MonthlyReport = {
  teamId: 1,
  ownerId: null,
  currency: 'CNY',
  start: new Date('2026-09-30T16:00:00Z'),
  end: new Date('2026-10-31T16:00:00Z'),
  sources: [
    { source: 'expo', customers: 4, deals: 1, value: [{ currency: 'CNY', minor: 3_000_000n }], costMinor: 2_000_000n, roi: 0.5 },
    { source: 'website', customers: 2, deals: 0, value: [], costMinor: null, roi: null },
  ],
  newCustomers: 6,
  tierMoves: [{ from: 'C', to: 'B', count: 2 }],
  response: { hours: 24, leads: 6, answered: 3, interactions: 10, followed: 4 },
  tasks: { due: 5, doneOfDue: 4, done: 6 },
  complaints: { count: 2, open: 1, themes: [{ term: '发货太慢', count: 2 }] },
  quotes: { accepted: 1, negotiating: 1, rejected: 0, acceptedValue: [{ currency: 'CNY', minor: 3_000_000n }] },
};

it('uploads the chart and shows it in the card with the figures', async () => {
  const reply = monthlyReply({ locale: 'zh-CN', timeZone: 'Asia/Shanghai' }, report, { from: { year: 2026, month: 10, day: 1 }, to: { year: 2026, month: 11, day: 1 } });
  const sender = feishuSender(feishuClient('cli_test', 'secret', fake.url), () => 'zh-CN');
  await sender.sendToUser({ workspaceId: 'tk1', externalUserId: 'ou_mgr' }, reply, 'monthly-1');
  const [key, image] = [...fake.images.entries()].at(-1)!;
  const png = pngInfo(image.bytes);
  expect(png.width).toBe(520);
  expect(png.distinctPixels).toBe(true);
  const card = fake.sent.at(-1)!.card as { body: { elements: Array<{ tag: string; img_key?: string }> } };
  expect(card.body.elements.filter((e) => e.tag === 'img')).toEqual([expect.objectContaining({ tag: 'img', img_key: key })]);
  const text = JSON.stringify(card);
  expect(text).toContain('月度复盘（2026年10月1日至2026年10月31日）');
  expect(text).toContain('展会：新增 4，成交 1（25%），成交额 ¥30,000.00；投入 ¥20,000.00，投资回报率 50%');
  expect(text).toContain('发货太慢（2）');
});
