// Customer files in and out (issue 10): the templates' Chinese headers, English headers, XLSX, a CSV
// with BOM and `;`, Excel's pasted TSV; a dry run whose counts add up and an import that does exactly
// that, once; merge into empty fields; export → import into an empty CRM gives the same customers.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { exportCustomers } from '../../../src/domain/customers/export.ts';
import { previewImport, runImport } from '../../../src/domain/customers/import/index.ts';
import { readTable } from '../../../src/domain/customers/import/read.ts';
import type { DomainContext } from '../../../src/domain/context.ts';
import type { Database } from '../../../src/domain/db/database.ts';
import { describeEngines, freshDatabase } from '../../support/engines.ts';
import { actorOf, contextFor, makeTeam, makeUser, TestClock } from '../../support/fixtures.ts';

const fails = async (p: Promise<unknown>) => p.then(() => null, (e) => e as { code: string; reason: string; details: Record<string, unknown> });
const utf8 = (s: string) => new TextEncoder().encode(s);
const template = readFileSync(new URL('../../fixtures/customers/template-zh.csv', import.meta.url));

async function xlsxOf(rows: Array<Array<string | number | Date>>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('客户信息');
  for (const r of rows) ws.addRow(r);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** What a round trip must keep, per customer, independent of ids and codes' order. */
async function snapshot(db: Database, teamId: number) {
  const cs = await db.prisma.customer.findMany({ where: { teamId }, include: { owner: true, contacts: { orderBy: [{ isPrimary: 'desc' }, { id: 'asc' }] } }, orderBy: { code: 'asc' } });
  return cs.map((c) => ({
    code: c.code, name: c.name, aliases: c.aliases, industry: c.industry, size: c.size, mainBusiness: c.mainBusiness, region: c.region, address: c.address,
    founded: c.founded, tier: c.tier, status: c.status, source: c.source, referrer: c.referrer, firstContactOn: c.firstContactOn?.toISOString(),
    needs: c.needs, budget: [c.budgetMinMinor, c.budgetMaxMinor, c.budgetCurrency], decisionChain: c.decisionChain, owner: c.owner?.displayName ?? null, tags: c.tags,
    contacts: c.contacts.map((k) => [k.name, k.title, k.phone, k.email, k.preferredChannel, k.birthday, k.isPrimary]),
  }));
}

describeEngines('customer import and export', (engine) => {
  let db: Database & { drop(): Promise<void> };
  let zh: DomainContext;
  let en: DomainContext;
  let rep: DomainContext;
  const clock = new TestClock(new Date('2026-11-23T02:00:00Z'));

  beforeAll(async () => {
    db = await freshDatabase(engine);
    const zhTeam = await makeTeam(db, { name: '华东销售', timeZone: 'Asia/Shanghai', locale: 'zh-CN' });
    const enTeam = await makeTeam(db, { name: 'West', timeZone: 'America/New_York', locale: 'en' });
    zh = contextFor(db, actorOf(await makeUser(db, zhTeam.id, { name: '张主管', role: 'manager' }), zhTeam), clock);
    await makeUser(db, zhTeam.id, { name: '李娜' });
    rep = contextFor(db, actorOf(await makeUser(db, zhTeam.id, { name: '王芳' }), zhTeam), clock);
    en = contextFor(db, actorOf(await makeUser(db, enTeam.id, { name: 'Dana Reyes', role: 'manager' }), enTeam), clock);
  });
  afterAll(() => db?.drop());

  it('plans the template with Chinese headers: counts add up, unknown columns and refusals named, nothing written', async () => {
    const before = await db.prisma.customer.count();
    const { plan } = await previewImport(zh, { fileName: '客户信息总表.csv', bytes: template });
    expect(plan.headerRow).toBe(2);
    expect(plan.unknownColumns).toEqual(['序号', '备注']);
    expect(plan.counts).toEqual({ rows: 6, create: 3, match: 0, same: 1, refuse: 2 });
    expect(plan.counts.create + plan.counts.match + plan.counts.same + plan.counts.refuse).toBe(plan.counts.rows);
    const refused = plan.rows.filter((r) => r.action === 'refuse').flatMap((r) => r.problems.map((p) => [r.row, p.column, p.reason]));
    expect(refused).toEqual([
      [6, '客户名称', 'missing_name'],
      [7, '客户分级', 'bad_tier'],
      [7, '成立时间', 'bad_founded'],
      [7, '预算范围', 'bad_budget'],
    ]);
    expect(plan.rows.find((r) => r.row === 8)).toMatchObject({ action: 'same', sameAs: 3 });
    expect(plan.rows.find((r) => r.row === 5)?.warnings).toEqual([{ column: '负责人', reason: 'unknown_owner', value: '不存在的人' }]);
    expect(await db.prisma.customer.count()).toBe(before);
  });

  it('imports exactly what the dry run said, and a second import of the same file creates nothing', async () => {
    const preview = await previewImport(zh, { fileName: '客户信息总表.csv', bytes: template });
    const { result } = await runImport(zh, preview.id, { merge: false });
    expect(result).toEqual({ created: 3, merged: 0, skipped: 0, refused: 2, contactsAdded: 4 });
    const haichuan = await db.prisma.customer.findFirstOrThrow({ where: { name: '青岛海川机械有限公司' }, include: { contacts: { orderBy: { id: 'asc' } }, owner: true } });
    expect(haichuan).toMatchObject({
      industry: '制造', size: '200-500人', mainBusiness: '数控机床', region: '山东青岛', address: '青岛市黄岛区前湾港路88号', founded: '2009-05', tier: 'A', source: 'expo',
      needs: '产线换型慢,想上MES', budgetMinMinor: 50_000_000n, budgetMaxMinor: 80_000_000n, budgetCurrency: 'CNY', decisionChain: '采购经理→生产副总→总经理', tags: ['重点', '制造业'],
      owner: { displayName: '张主管' },
    });
    expect(haichuan.firstContactOn?.toISOString().slice(0, 10)).toBe('2026-03-08');
    expect(haichuan.contacts.map((c) => [c.name, c.title, c.phone, c.email, c.isPrimary])).toEqual([
      ['王强', '采购经理', '13800000001', null, true],
      ['孙丽', '生产副总', null, 'sunli@haichuan.com', false],
    ]);
    const yunti = await db.prisma.customer.findFirstOrThrow({ where: { name: '杭州云梯科技' }, include: { contacts: true, owner: true } });
    expect(yunti).toMatchObject({ tier: 'A', source: 'store', referrer: '青岛海川机械', owner: { displayName: '李娜' }, contacts: [{ name: '陈静', email: 'chenjing@yunti.cn' }] });
    const huawei = await db.prisma.customer.findFirstOrThrow({ where: { name: '华为技术有限公司' }, include: { contacts: true } });
    expect(huawei).toMatchObject({ tier: 'B', source: 'event', ownerId: null, contacts: [{ phone: '0755-28780808' }] });
    expect(huawei.firstContactOn?.toISOString().slice(0, 10)).toBe('2026-11-23');

    // Pressing Import again answers the first result and writes nothing.
    const count = await db.prisma.customer.count();
    expect((await runImport(zh, preview.id, { merge: false })).again).toBe(true);
    const again = await previewImport(zh, { fileName: '客户信息总表.csv', bytes: template });
    expect(again.plan.counts).toEqual({ rows: 6, create: 0, match: 4, same: 0, refuse: 2 });
    expect(again.plan.rows.filter((r) => r.action === 'match').map((r) => [r.row, r.match!.by])).toEqual([[3, 'name'], [4, 'name'], [5, 'name'], [8, 'name']]);
    expect((await runImport(zh, again.id, { merge: false })).result).toMatchObject({ created: 0, skipped: 4 });
    expect(await db.prisma.customer.count()).toBe(count);
    expect(await db.prisma.contact.count({ where: { customer: { teamId: zh.actor.teamId } } })).toBe(4);
  });

  it('merges a match only into empty fields, adding a contact it lacks', async () => {
    const csv = '客户名称,主营业务,所属行业,联系人,联系方式\n华为技术,通信设备与终端,ICT,余承东,yu@huawei.com\n';
    const p = await previewImport(zh, { fileName: 'm.csv', bytes: utf8(csv) });
    expect(p.plan.rows[0]).toMatchObject({ action: 'match', match: { name: '华为技术有限公司', by: 'name' } });
    expect((await runImport(zh, p.id, { merge: true })).result).toMatchObject({ merged: 1, contactsAdded: 1 });
    const huawei = await db.prisma.customer.findFirstOrThrow({ where: { name: '华为技术有限公司' }, include: { contacts: { orderBy: { id: 'asc' } } } });
    expect(huawei).toMatchObject({ mainBusiness: '通信设备', industry: '通信' });
    expect(huawei.contacts.map((c) => c.name)).toEqual(['赵六', '余承东']);
  });

  it('refuses to run a dry run the team’s customers have overtaken', async () => {
    const csv = 'Customer name\nRace Co\n';
    const p = await previewImport(en, { fileName: 'race.csv', bytes: utf8(csv) });
    const q = await previewImport(en, { fileName: 'race.csv', bytes: utf8(csv) });
    await runImport(en, q.id, { merge: false });
    expect(await fails(runImport(en, p.id, { merge: false }))).toMatchObject({ code: 'conflict', reason: 'import.changed', details: { create: 0, match: 1 } });
    expect(await db.prisma.customer.count({ where: { name: 'Race Co' } })).toBe(1);
  });

  it('reads English headers, a BOM with `;`, pasted TSV, GB18030 and XLSX alike', async () => {
    const rows = [
      ['Customer name', 'Industry', 'Tier', 'Source', 'Owner', 'Contact', 'Title', 'Phone', 'Email', 'Tags', 'Budget', 'Founded', 'Birthday'],
      ['Acme Robotics', 'manufacturing', 'A', 'store visit', 'Dana Reyes', 'Ann Lee', 'Buyer', '+1 415 555 0100', 'ann@acme.com', 'hot, expo', '$50k-80k', '2009', 'March 15'],
      ['Globex; Inc.', 'logistics', 'b', 'event', '', 'Hank', '', '', '', '', '', '', ''],
    ];
    const semicolon = '\uFEFF' + rows.map((r) => r.map((c) => (c.includes(';') ? `"${c}"` : c)).join(';')).join('\r\n');
    const tsv = rows.map((r) => r.join('\t')).join('\n');
    const plans = [];
    for (const [name, bytes] of [['a.csv', utf8(semicolon)], ['a.tsv', utf8(tsv)], ['a.xlsx', await xlsxOf(rows)]] as const) {
      const p = await previewImport(en, { fileName: name, bytes });
      expect(p.plan.counts, name).toEqual({ rows: 2, create: 2, match: 0, same: 0, refuse: 0 });
      expect(p.plan.rows[0]!.data, name).toMatchObject({ name: 'Acme Robotics', tier: 'A', source: 'store', founded: '2009', tags: ['hot', 'expo'], contact: { name: 'Ann Lee', title: 'Buyer', email: 'ann@acme.com', birthday: '03-15' } });
      expect(p.plan.rows[1]!.data, name).toMatchObject({ name: 'Globex; Inc.', tier: 'B', source: 'event' });
      plans.push(p);
    }
    // 客户名称,联系人 / 测试公司,王强 as Chinese Excel saves CSV (GBK).
    const gbk = new Uint8Array(Buffer.from('bfcdbba7c3fbb3c62cc1aacfb5c8cb0ab2e2cad4b9abcbbe2ccdf5c7bf0a', 'hex'));
    const g = await readTable(gbk, 'gbk.csv');
    expect(g.rows.map((r) => r.cells)).toEqual([['客户名称', '联系人'], ['测试公司', '王强']]);
    const { result } = await runImport(en, plans[2]!.id, { merge: false });
    expect(result.created).toBe(2);
    const acme = await db.prisma.customer.findFirstOrThrow({ where: { name: 'Acme Robotics' }, include: { owner: true } });
    expect(acme).toMatchObject({ budgetMinMinor: 5_000_000n, budgetMaxMinor: 8_000_000n, budgetCurrency: 'USD', owner: { displayName: 'Dana Reyes' } });
  });

  it('reads an XLSX with real dates, numbers and a title row', async () => {
    const bytes = await xlsxOf([
      ['客户基础信息表'],
      ['客户名称', '成立时间', '首次接触时间', '联系方式', '客户类型', '生日'],
      ['日期公司', new Date(Date.UTC(2015, 2, 8)), new Date(Date.UTC(2026, 3, 1)), 13800000009, 'A级', new Date(Date.UTC(1985, 11, 31))],
    ]);
    const p = await previewImport(zh, { fileName: 'dates.xlsx', bytes });
    expect(p.plan.headerRow).toBe(2);
    expect(p.plan.rows[0]!.data).toMatchObject({ founded: '2015-03-08', firstContact: '2026-04-01', tier: 'A', contact: { phone: '13800000009', birthday: '1985-12-31' } });
  });

  it('keeps a rep out of import and export', async () => {
    expect(await fails(previewImport(rep, { fileName: 'x.csv', bytes: utf8('客户名称\nX\n') }))).toMatchObject({ code: 'forbidden', reason: 'import.needs_manager' });
    expect(await fails(exportCustomers(rep, 'csv'))).toMatchObject({ code: 'forbidden', reason: 'export.needs_manager' });
  });

  for (const format of ['csv', 'xlsx'] as const) {
    it(`round-trips an export (${format}) into an empty CRM: same customers, contacts, tiers, owners and tags`, async () => {
      // Birthdays travel too (issue 14): one with its year, one without.
      const [k1, k2] = await db.prisma.contact.findMany({ where: { customer: { teamId: zh.actor.teamId } }, orderBy: { id: 'asc' }, take: 2 });
      await db.prisma.contact.update({ where: { id: k1!.id }, data: { birthday: '03-15' } });
      await db.prisma.contact.update({ where: { id: k2!.id }, data: { birthday: '1985-02-28' } });
      const file = await exportCustomers(zh, format);
      if (format === 'csv') expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(file.bytes).split('\r\n')[0]).toBe('\uFEFF客户编号,客户名称,别名,所属行业,企业规模,主营业务,所在地区,注册地址,成立时间,客户分级,客户状态,客户来源,推荐人,首次接触日期,需求痛点,预算范围,决策链,负责人,标签,联系人,职位,联系电话,邮箱,偏好渠道,生日');
      const other = await freshDatabase(engine);
      try {
        const team = await makeTeam(other, { name: '华东销售', timeZone: 'Asia/Shanghai', locale: 'zh-CN' });
        const boss = contextFor(other, actorOf(await makeUser(other, team.id, { name: '张主管', role: 'manager' }), team), clock);
        await makeUser(other, team.id, { name: '李娜' });
        const p = await previewImport(boss, { fileName: file.fileName, bytes: file.bytes });
        expect(p.plan.counts.refuse).toBe(0);
        expect(p.plan.unknownColumns).toEqual([]);
        await runImport(boss, p.id, { merge: false });
        expect(await snapshot(other, team.id)).toEqual(await snapshot(db, zh.actor.teamId));
        // And once more: nothing new.
        const again = await previewImport(boss, { fileName: file.fileName, bytes: file.bytes });
        expect(again.plan.counts.create + again.plan.counts.same).toBe(0);
      } finally {
        await other.drop();
      }
    });
  }
});
