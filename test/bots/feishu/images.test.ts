// Charts in Feishu: the sender uploads each PNG to im/v1/images (image_type=message) through the real
// SDK client, then sends the card with an `img` element naming the returned image_key. The fake
// receives the bytes, which open as a real, non-blank PNG; a failed upload still sends the card.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { feishuClient, feishuSender } from '../../../src/bots/feishu/sender.ts';
import { barChartPng } from '../../../src/intents/render/chart.ts';
import type { Reply } from '../../../src/intents/reply.ts';
import { FakeFeishu } from '../../support/fake-feishu.ts';
import { pngInfo } from '../../support/png.ts';

let fake: FakeFeishu;
beforeAll(async () => {
  fake = new FakeFeishu();
  await fake.start();
});
afterAll(() => fake?.stop());

const report: Reply = {
  tone: 'info',
  title: '销售漏斗（2026年10月1日至2026年10月31日）',
  fields: [{ label: '新增客户', value: '全部：新增 4，意向 3（75%），成交 1（25%）' }],
  images: [{ title: '本期新增客户所达阶段', png: barChartPng('本期新增客户所达阶段', [{ label: '线索', value: 4 }, { label: '意向', value: 3 }, { label: '成交', value: 1 }]) }],
  visibility: 'private',
};

it('uploads the chart and shows it in the card', async () => {
  const sender = feishuSender(feishuClient('cli_test', 'secret', fake.url), () => 'zh-CN');
  await sender.sendToUser({ workspaceId: 'tk1', externalUserId: 'ou_mgr' }, report, 'report-1');
  expect([...fake.images.values()].map((i) => i.imageType)).toEqual(['message']);
  const [key, image] = [...fake.images.entries()][0]!;
  const png = pngInfo(image.bytes);
  expect(png.width).toBe(520);
  expect(png.distinctPixels).toBe(true);
  const card = fake.sent.at(-1)!.card as { body: { elements: Array<{ tag: string; img_key?: string }> } };
  expect(card.body.elements.filter((e) => e.tag === 'img')).toEqual([expect.objectContaining({ tag: 'img', img_key: key })]);
  expect(JSON.stringify(card)).toContain('全部：新增 4');
});

it('sends the card without the picture when the upload fails', async () => {
  const sender = feishuSender(feishuClient('cli_test', 'secret', fake.url), () => 'zh-CN');
  const before = fake.images.size;
  await sender.sendToUser({ workspaceId: 'tk1', externalUserId: 'ou_mgr' }, { ...report, images: [{ title: 'broken', png: new Uint8Array() }] }, 'report-2');
  expect(fake.images.size).toBe(before);
  const card = fake.sent.at(-1)!.card as { body: { elements: Array<{ tag: string }> } };
  expect(card.body.elements.some((e) => e.tag === 'img')).toBe(false);
  expect(JSON.stringify(card)).toContain('全部：新增 4');
});
