// Customer files through the Feishu door over HTTP with the real SDK client and the fake open API:
// a file message in a direct chat is fetched as a message resource and answered with a dry-run card;
// 导入 imports exactly it; 取消 writes nothing; a rep is refused without a download; a retried event
// imports nothing twice; past 10 MB the download stops and is refused; `/客户 导出` arrives as a
// `file` message (uploaded through im/v1/files) whose bytes import into an empty CRM as the same customers.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { previewImport, runImport } from '../../../src/domain/customers/import/index.ts';
import { freshDatabase } from '../../support/engines.ts';
import { actorOf, contextFor, makeTeam, makeUser } from '../../support/fixtures.ts';
import { click as buttonPress, envelope, feishuWorld, message, nextId, until, type FeishuWorld } from './world.ts';

const template = new Uint8Array(readFileSync(new URL('../../fixtures/customers/template-zh.csv', import.meta.url)));
const utf8 = (s: string) => new TextEncoder().encode(s);

let w: FeishuWorld;
let fake: FeishuWorld['fake'];
let db: FeishuWorld['db'];

beforeAll(async () => {
  w = await feishuWorld({ ou_admin: '周总', ou_rep: '小王' });
  ({ fake, db } = w);
}, 120_000);
afterAll(() => w?.close());

const send = (body: object) => w.send(body);

/** A file message to the bot in a direct chat; the fake holds its bytes as the message's resource. */
function fileMessage(openId: string, fileName: string, bytes: Uint8Array, eventId?: string) {
  const n = nextId();
  const messageId = `om_file_${n}`;
  const fileKey = `file_v3_in_${n}`;
  fake.resources.set(`${messageId}/${fileKey}`, bytes);
  return envelope('im.message.receive_v1', { sender: { sender_id: { open_id: openId }, sender_type: 'user', tenant_key: 'tk1' }, message: { message_id: messageId, chat_id: `oc_${openId}`, chat_type: 'p2p', message_type: 'file', content: JSON.stringify({ file_key: fileKey, file_name: fileName }) } }, eventId);
}
const textMessage = (openId: string, text: string) => message(openId, text);

const cardsTo = (chat: string) => fake.sent.filter((s) => s.receiveId === chat && s.msgType !== 'file');
const buttonValue = (card: object, label: string) => {
  const found = JSON.stringify(card).match(new RegExp(`"content":"${label}"\\},"type":"\\w+","behaviors":\\[\\{"type":"callback","value":(\\{[^}]*\\})`));
  return JSON.parse(found![1]!) as Record<string, unknown>;
};
const click = (openId: string, value: object, messageId: string) => send(buttonPress(openId, value, messageId));

it('a file in the direct chat gets a dry-run card; 导入 imports exactly it, once, even when the event comes twice', async () => {
  const event = fileMessage('ou_admin', '客户信息总表.csv', template, 'ev_file_1');
  expect((await send(event)).status).toBe(200);
  await until(() => cardsTo('oc_ou_admin').some((c) => JSON.stringify(c.card).includes('试导入：客户信息总表.csv')));
  expect(fake.downloads).toHaveLength(1);
  // Feishu delivers the same event again: the answer went out through the outbox the first time, so
  // the repeat gets only the HTTP ack (sent once the handler has seen it), no download, no new plan.
  const requests = fake.sendRequests;
  expect((await send(event)).status).toBe(200);
  expect(fake.sendRequests).toBe(requests);
  expect(fake.downloads).toHaveLength(1);
  expect(await db.prisma.customerImport.count()).toBe(1);
  expect(cardsTo('oc_ou_admin').filter((c) => JSON.stringify(c.card).includes('试导入')).length).toBe(1);

  const dry = cardsTo('oc_ou_admin').find((c) => JSON.stringify(c.card).includes('试导入'))!;
  const answer = await click('ou_admin', buttonValue(dry.card, '导入'), dry.messageId);
  expect(JSON.stringify(answer.json)).toContain('已导入');
  const plan = (await db.prisma.customerImport.findFirstOrThrow()).plan as { counts: { create: number } };
  expect(await db.prisma.customer.count()).toBe(plan.counts.create);
  expect(await db.prisma.customer.findFirst({ where: { name: '杭州云梯科技' } })).not.toBeNull();
}, 120_000);

it('取消 on the dry run writes nothing', async () => {
  await send(fileMessage('ou_admin', '新客户.csv', utf8('客户名称,所属行业\n取消测试公司,零售\n')));
  await until(() => cardsTo('oc_ou_admin').some((c) => JSON.stringify(c.card).includes('试导入：新客户.csv')));
  const dry = cardsTo('oc_ou_admin').find((c) => JSON.stringify(c.card).includes('试导入：新客户.csv'))!;
  const answer = await click('ou_admin', buttonValue(dry.card, '取消'), dry.messageId);
  expect(JSON.stringify(answer.json)).toContain('已取消导入');
  expect(await db.prisma.customer.findFirst({ where: { name: '取消测试公司' } })).toBeNull();
}, 60_000);

it('a rep is refused without a download; a file past 10 MB is cut off and refused', async () => {
  const downloads = fake.downloads.length;
  const imports = await db.prisma.customerImport.count();
  await send(fileMessage('ou_rep', '我的客户.csv', utf8('客户名称\n偷偷导入公司\n')));
  await until(() => cardsTo('oc_ou_rep').some((c) => JSON.stringify(c.card).includes('只有经理或管理员可以导入客户')));
  expect(fake.downloads.length).toBe(downloads);

  await send(fileMessage('ou_admin', 'big.csv', new Uint8Array(10 * 1024 * 1024 + 1).fill(0x41)));
  await until(() => cardsTo('oc_ou_admin').some((c) => JSON.stringify(c.card).includes('文件太大（最多 10 MB）')));
  await send(fileMessage('ou_admin', '报价单.pdf', utf8('%PDF')));
  await until(() => cardsTo('oc_ou_admin').some((c) => JSON.stringify(c.card).includes('无法导入「报价单.pdf」')));
  expect(await db.prisma.customerImport.count()).toBe(imports);
}, 60_000);

it('/客户 导出 arrives as a file message whose bytes import into an empty CRM as the same customers', async () => {
  await send(textMessage('ou_rep', '/客户 导出'));
  await until(() => cardsTo('oc_ou_rep').some((c) => JSON.stringify(c.card).includes('只有经理或管理员可以导出客户')));
  expect(fake.uploads.size).toBe(0);

  await send(textMessage('ou_admin', '/客户 导出 xlsx'));
  await until(() => fake.sent.some((s) => s.msgType === 'file'));
  const file = fake.sent.find((s) => s.msgType === 'file')!;
  expect(file.receiveIdType).toBe('open_id');
  expect(file.receiveId).toBe('ou_admin');
  const uploaded = fake.uploads.get(String(file.card.file_key))!;
  expect(uploaded.name).toMatch(/^客户信息总表-.*\.xlsx$/);
  expect(uploaded.type).toBe('xls');

  const ours = await db.prisma.customer.findMany({ orderBy: { name: 'asc' }, include: { contacts: true } });
  const other = await freshDatabase('pglite');
  try {
    const team = await makeTeam(other, { locale: 'zh-CN' });
    const admin = await makeUser(other, team.id, { role: 'admin' });
    const ctx = contextFor(other, actorOf(admin, team));
    const preview = await previewImport(ctx, { fileName: uploaded.name, bytes: uploaded.bytes });
    expect(preview.plan.unknownColumns).toEqual([]);
    expect(preview.plan.counts.refuse).toBe(0);
    await runImport(ctx, preview.id, { merge: false });
    const theirs = await other.prisma.customer.findMany({ orderBy: { name: 'asc' }, include: { contacts: true } });
    const shape = (cs: typeof ours) => cs.map((c) => [c.code, c.name, c.tier, c.source, c.tags, c.contacts.map((k) => [k.name, k.title, k.phone, k.email]).sort()]);
    expect(shape(theirs)).toEqual(shape(ours));
  } finally {
    await other.drop();
  }
}, 120_000);
