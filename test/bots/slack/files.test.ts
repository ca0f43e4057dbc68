// Customer files through the real Bolt app and the fake Web API: a file shared in the bot's DM is
// fetched with the bot token and answered with a dry run whose Import button imports exactly that;
// Cancel writes nothing; a rep, an oversize file or a file of another kind is refused and nothing is
// fetched past what is needed; a retried event delivery imports nothing twice; `/customer export`
// lands in the DM as a file (files.uploadV2) whose bytes import into an empty CRM as the same customers.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { previewImport, runImport } from '../../../src/domain/customers/import/index.ts';
import { freshDatabase } from '../../support/engines.ts';
import { actorOf, contextFor, makeTeam, makeUser } from '../../support/fixtures.ts';
import { buttonsOf, slackWorld, type SlackWorld } from './harness.ts';

const template = new Uint8Array(readFileSync(new URL('../../fixtures/customers/template-zh.csv', import.meta.url)));
const utf8 = (s: string) => new TextEncoder().encode(s);

let w: SlackWorld;
let events = 0;
beforeAll(async () => {
  w = await slackWorld();
  w.fake.users.set('UADMIN', { real_name: 'Ada Admin', tz: 'Asia/Shanghai', locale: 'en-US' });
  w.fake.users.set('UREP', { real_name: '小王', tz: 'Asia/Shanghai', locale: 'zh-CN' });
});
afterAll(() => w?.close());

/** A file_share message event in the bot's DM, as the Events API delivers it. */
function fileShare(user: string, file: object, eventId = `Ev${++events}`) {
  return JSON.stringify({
    token: 't', team_id: 'T1', api_app_id: 'A1', type: 'event_callback', event_id: eventId, event_time: 1_700_000_000,
    event: { type: 'message', subtype: 'file_share', text: '', user, upload: true, display_as_bot: false, channel: `D${user}`, channel_type: 'im', ts: `1700000000.${String(events).padStart(6, '0')}`, files: [file] },
  });
}

const sendEvent = (body: string, headers: Record<string, string> = {}) => w.post(body, { contentType: 'application/json', headers });
const postsTo = (channel: string) => w.fake.posts().filter((c) => c.args.channel === channel);
const textOf = (call: { args: Record<string, unknown> }) => `${String(call.args.text)} ${JSON.stringify(call.args.blocks ?? [])}`;

it('a manager’s shared file gets a dry run; Import imports exactly it, once, even when Slack delivers the event twice', async () => {
  const file = w.fake.share('客户信息总表.csv', template);
  const body = fileShare('UADMIN', file, 'EvTemplate');
  expect((await sendEvent(body)).status).toBe(200);
  await w.settle();
  const dry = postsTo('DUADMIN').at(-1)!;
  expect(textOf(dry)).toContain('Dry run: 客户信息总表.csv');
  expect(w.fake.downloads).toEqual([file.id]);
  // Slack retries the same event (same event_id): no second plan, no second card.
  const before = postsTo('DUADMIN').length;
  expect((await sendEvent(body, { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' })).status).toBe(200);
  await w.settle();
  expect(postsTo('DUADMIN').length).toBe(before);
  expect(w.fake.downloads).toEqual([file.id]);
  expect(await w.db.prisma.customerImport.count()).toBe(1);
  expect(await w.db.prisma.customer.count()).toBe(0);

  const importButton = buttonsOf(dry.args.blocks).find((b) => b.text.text === 'Import')!;
  const click = w.click('UADMIN', importButton);
  await w.post(click.body);
  await w.settle();
  const done = w.fake.responses.find((r) => r.url === click.responseUrl)!.body;
  expect(JSON.stringify(done)).toContain('Imported: 客户信息总表.csv');
  const plan = (await w.db.prisma.customerImport.findFirstOrThrow()).plan as { counts: { create: number } };
  expect(await w.db.prisma.customer.count()).toBe(plan.counts.create);
  expect(await w.db.prisma.customer.findFirst({ where: { name: '青岛海川机械有限公司' } })).not.toBeNull();
  // The same click again (a double press) writes nothing more.
  await w.post(w.click('UADMIN', importButton).body);
  await w.settle();
  expect(await w.db.prisma.customer.count()).toBe(plan.counts.create);
}, 120_000);

it('Cancel on the dry run writes nothing', async () => {
  const file = w.fake.share('new.csv', utf8('客户名称,所属行业\n取消测试公司,零售\n'));
  await sendEvent(fileShare('UADMIN', file));
  await w.settle();
  const dry = postsTo('DUADMIN').at(-1)!;
  expect(textOf(dry)).toContain('Dry run: new.csv');
  const cancel = buttonsOf(dry.args.blocks).find((b) => b.text.text === 'Cancel')!;
  const click = w.click('UADMIN', cancel);
  await w.post(click.body);
  await w.settle();
  expect(JSON.stringify(w.fake.responses.find((r) => r.url === click.responseUrl)!.body)).toContain('Import cancelled');
  expect(await w.db.prisma.customer.findFirst({ where: { name: '取消测试公司' } })).toBeNull();
}, 60_000);

it('a rep’s file is refused in their language and never downloaded', async () => {
  const file = w.fake.share('我的客户.csv', utf8('客户名称\n偷偷导入公司\n'));
  const downloads = w.fake.downloads.length;
  const imports = await w.db.prisma.customerImport.count();
  await sendEvent(fileShare('UREP', file));
  await w.settle();
  expect(textOf(postsTo('DUREP').at(-1)!)).toContain('只有经理或管理员可以导入客户');
  expect(w.fake.downloads.length).toBe(downloads);
  expect(await w.db.prisma.customerImport.count()).toBe(imports);
}, 60_000);

it('refuses a file over 10 MB (by its size, and by what arrives when no size is given) and a file of another kind', async () => {
  const big = new Uint8Array(10 * 1024 * 1024 + 1).fill(0x41);
  const imports = await w.db.prisma.customerImport.count();
  const listed = w.fake.share('big.csv', big);
  const downloads = w.fake.downloads.length;
  await sendEvent(fileShare('UADMIN', listed));
  await w.settle();
  expect(textOf(postsTo('DUADMIN').at(-1)!)).toContain('The file is too large (at most 10 MB)');
  expect(w.fake.downloads.length).toBe(downloads);

  const unsized = { ...w.fake.share('big2.csv', big), size: undefined };
  await sendEvent(fileShare('UADMIN', unsized));
  await w.settle();
  expect(textOf(postsTo('DUADMIN').at(-1)!)).toContain('The file is too large (at most 10 MB)');

  const pdf = w.fake.share('brochure.pdf', utf8('%PDF-1.4'));
  const before = w.fake.downloads.length;
  await sendEvent(fileShare('UADMIN', pdf));
  await w.settle();
  expect(textOf(postsTo('DUADMIN').at(-1)!)).toContain('send a `.csv`, `.tsv`, `.txt` or `.xlsx` file');
  expect(w.fake.downloads.length).toBe(before);
  expect(await w.db.prisma.customerImport.count()).toBe(imports);
}, 120_000);

it('/customer export lands in the DM as a file whose bytes import into an empty CRM as the same customers', async () => {
  const rep = w.command('UREP', '/customer', 'export');
  await w.post(rep.body);
  await w.settle();
  expect(JSON.stringify(w.fake.responses.find((r) => r.url === rep.responseUrl)!.body)).toContain('只有经理或管理员可以导出客户');
  expect(w.fake.shared).toEqual([]);

  const cmd = w.command('UADMIN', '/customer', 'export');
  await w.post(cmd.body);
  await w.settle(300);
  expect(JSON.stringify(w.fake.responses.find((r) => r.url === cmd.responseUrl)!.body)).toMatch(/Exported \d+ customers/);
  expect(w.fake.shared).toHaveLength(1);
  const sent = w.fake.shared[0]!;
  expect(sent.channel).toBe('DUADMIN');
  expect(sent.name).toMatch(/^customers-.*\.csv$/);

  const ours = await w.db.prisma.customer.findMany({ orderBy: { name: 'asc' }, include: { contacts: true } });
  const other = await freshDatabase('pglite');
  try {
    const team = await makeTeam(other);
    const admin = await makeUser(other, team.id, { role: 'admin' });
    const ctx = contextFor(other, actorOf(admin, team));
    const preview = await previewImport(ctx, { fileName: sent.name, bytes: sent.bytes });
    expect(preview.plan.counts.refuse).toBe(0);
    await runImport(ctx, preview.id, { merge: false });
    const theirs = await other.prisma.customer.findMany({ orderBy: { name: 'asc' }, include: { contacts: true } });
    const shape = (cs: typeof ours) => cs.map((c) => [c.code, c.name, c.tier, c.tags, c.contacts.map((k) => [k.name, k.phone, k.email]).sort()]);
    expect(shape(theirs)).toEqual(shape(ours));
  } finally {
    await other.drop();
  }
}, 120_000);
