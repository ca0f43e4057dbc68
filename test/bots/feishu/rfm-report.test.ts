// The RFM report in Feishu, in Chinese: the card built from the hand-counted fixture goes through the
// real sender, which uploads the segment chart to im/v1/images and shows it in the card as an `img`
// element; the fake receives the PNG, which opens at the expected size and is not blank.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { feishuClient, feishuSender } from '../../../src/bots/feishu/sender.ts';
import { rfmReport } from '../../../src/domain/reports/rfm.ts';
import { parsePeriod, previousPeriod } from '../../../src/intents/dates/period.ts';
import { rfmReportReply } from '../../../src/intents/render/rfm-report.ts';
import { rfmFixture } from '../../domain/reports/rfm-fixture.ts';
import { makeWorld } from '../../domain/interactions/world.ts';
import { freshDatabase } from '../../support/engines.ts';
import { FakeFeishu } from '../../support/fake-feishu.ts';
import { pngInfo } from '../../support/png.ts';

let fake: FakeFeishu;
let db: Awaited<ReturnType<typeof freshDatabase>>;
beforeAll(async () => {
  fake = new FakeFeishu();
  await fake.start();
  db = await freshDatabase('pglite');
});
afterAll(async () => {
  await fake?.stop();
  await db?.drop();
});

it('uploads the segment chart and shows it in the card with the figures', async () => {
  const w = await makeWorld(db, '2026-11-29T02:00:00Z');
  await rfmFixture(db, w, ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸', '子'].map((n) => `${n}公司`));
  const october = parsePeriod('2026年10月', { timeZone: w.team.timeZone, now: w.clock.now() })!;
  const before = previousPeriod(october, w.team.timeZone);
  const reply = rfmReportReply({ locale: 'zh-CN', timeZone: w.team.timeZone }, await rfmReport(w.ctx(w.manager), october, before), october, before);
  await feishuSender(feishuClient('cli_test', 'secret', fake.url), () => 'zh-CN').sendToUser({ workspaceId: 'tk1', externalUserId: 'ou_mgr' }, reply, 'rfm-1');
  const [key, image] = [...fake.images.entries()][0]!;
  expect(image.imageType).toBe('message');
  expect(pngInfo(image.bytes)).toEqual({ width: 520, height: 50 + 8 * 26, distinctPixels: true });
  const card = fake.sent.at(-1)!.card as { body: { elements: Array<{ tag: string; img_key?: string }> } };
  expect(card.body.elements.filter((e) => e.tag === 'img')).toEqual([expect.objectContaining({ tag: 'img', img_key: key })]);
  expect(JSON.stringify(card)).toContain('重要价值客户：3（0）');
  expect(JSON.stringify(card)).toContain('丙公司（Rita Rep）：忠诚客户 → 潜力客户');
}, 120_000);
