// The record's grammar (issue 10): the templates' fields by English and Chinese keys, tag operations,
// `/contact` and `/联系人`, and refusals that name the field and what it accepts, in both languages.
import { describe, expect, it } from 'vitest';
import { invalidMessage } from '../../../src/intents/catalog/index.ts';
import { parseCommand } from '../../../src/intents/grammar/index.ts';
import type { Intent, InvalidIntent } from '../../../src/intents/intent.ts';

const ctx = { locale: 'en' as const, timeZone: 'Asia/Shanghai', now: new Date('2026-11-22T10:00:00Z') };
const fieldsOf = (text: string) => {
  const i = parseCommand(text, ctx);
  if (i.kind !== 'customer.update' && i.kind !== 'customer.add') throw new Error(`${text} -> ${JSON.stringify(i)}`);
  return i.fields;
};

describe('record fields', () => {
  it('reads every field of the templates by its English and Chinese keys', () => {
    expect(fieldsOf('/customer update Acme business:CNC machines address:"88 Harbour Rd, Qingdao" founded:2009-05 first-contact:2026-03-08 referrer:Globex needs:slow changeovers budget:$50k-80k decision:buyer → VP → CEO')).toEqual({
      mainBusiness: 'CNC machines', address: '88 Harbour Rd, Qingdao', founded: '2009-05', firstContact: '2026-03-08', referrer: 'Globex',
      needs: 'slow changeovers', budget: '$50k-80k', decisionChain: 'buyer → VP → CEO',
    });
    expect(fieldsOf('/客户 修改 海川 主营业务：数控机床 注册地址：青岛市黄岛区 成立时间：2009年5月 首次接触：2026年3月8日 推荐人：云梯 需求痛点：换型慢 预算：50万-80万 决策链：采购→副总 规模：200-500人 所在地区：山东青岛')).toEqual({
      mainBusiness: '数控机床', address: '青岛市黄岛区', founded: '2009年5月', firstContact: '2026年3月8日', referrer: '云梯',
      needs: '换型慢', budget: '50万-80万', decisionChain: '采购→副总', size: '200-500人', region: '山东青岛',
    });
    expect(fieldsOf('/customer update Acme name:Acme Robotics Group')).toEqual({ name: 'Acme Robotics Group' });
    expect(fieldsOf('/客户 修改 海川 名称：海川智能装备')).toEqual({ name: '海川智能装备' });
    expect(fieldsOf('/customer add Shop Co source:store visit')).toEqual({ source: 'store' });
    expect(fieldsOf('/客户 新建 门店客户 来源：到店')).toEqual({ source: 'store' });
    expect(fieldsOf('/客户 新建 活动客户 来源：活动')).toEqual({ source: 'event' });
    expect(fieldsOf('/customer add Acme contact:Wang Qiang title:buyer prefers:wechat')).toEqual({ contact: 'Wang Qiang', title: 'buyer', prefers: 'wechat' });
  });

  it('reads tag operations: replace, add, remove, clear', () => {
    expect(fieldsOf('/customer update Acme tags:a,b')).toEqual({ tags: ['a', 'b'] });
    expect(fieldsOf('/customer update Acme tags:+hot')).toEqual({ tagsAdd: ['hot'] });
    expect(fieldsOf('/customer update Acme tags:-cold')).toEqual({ tagsRemove: ['cold'] });
    expect(fieldsOf('/customer update Acme tags:+hot,vip,-cold')).toEqual({ tagsAdd: ['hot', 'vip'], tagsRemove: ['cold'] });
    expect(fieldsOf('/customer update Acme tags:')).toEqual({ tags: [] });
    expect(fieldsOf('/customer update Acme tags: tier:A')).toEqual({ tags: [], tier: 'A' });
    expect(fieldsOf('/客户 修改 海川 标签:+重点')).toEqual({ tagsAdd: ['重点'] });
    expect(fieldsOf('/客户 修改 海川 标签：－冷淡')).toEqual({ tagsRemove: ['冷淡'] });
  });

  it('refuses unreadable values naming the field and what it accepts, in both languages', () => {
    const cases: Array<[string, string, RegExp, RegExp]> = [
      ['/customer update Acme budget:lots', 'budget', /budget.*50万-80万/, /预算.*50万-80万/],
      ['/customer update Acme budget:80万-50万', 'budget', /budget/, /预算/],
      ['/customer update Acme founded:long ago', 'founded', /founding date.*2015-03/, /成立时间.*2015-03/],
      ['/customer update Acme first-contact:2026-02-30', 'firstContact', /first contact.*2026-03-08/, /首次接触.*2026-03-08/],
      ['/customer update Acme prefers:pigeon', 'prefers', /preferred channel.*WeChat/, /偏好渠道.*微信/],
      ['/customer update Acme source:mars', 'source', /store visit.*event/, /到店.*活动/],
      ['/customer update Acme tags:a,+b', 'tags', /tags/, /标签/],
    ];
    for (const [text, field, en, zh] of cases) {
      const i = parseCommand(text, ctx) as InvalidIntent;
      expect(i, text).toMatchObject({ kind: 'invalid', code: 'bad_value', details: { field } });
      expect(invalidMessage('en', i), text).toMatch(en);
      expect(invalidMessage('zh-CN', i), text).toMatch(zh);
    }
  });
});

describe('/contact', () => {
  const valid: Array<[string, Intent]> = [
    ['/contact add Acme Wang Qiang title:purchasing manager phone:+86 138 0000 0001 email:wq@acme.com prefers:wechat',
      { kind: 'contact.add', customerText: 'Acme Wang Qiang', contact: { title: 'purchasing manager', phone: '+86 138 0000 0001', email: 'wq@acme.com', preferredChannel: 'wechat' }, primary: false }],
    ['/联系人 新增 华为 王强 职位：采购经理 电话：13800000001 偏好：微信 主要',
      { kind: 'contact.add', customerText: '华为 王强', contact: { title: '采购经理', phone: '13800000001', preferredChannel: 'wechat' }, primary: true }],
    ['/contact edit Acme Wang Qiang title:VP purchasing', { kind: 'contact.edit', customerText: 'Acme Wang Qiang', contact: { title: 'VP purchasing' }, primary: false }],
    ['/联系人 修改 华为 王强 名称:王小强', { kind: 'contact.edit', customerText: '华为 王强', contact: { name: '王小强' }, primary: false }],
    ['/contact remove Acme Wang Qiang', { kind: 'contact.remove', customerText: 'Acme Wang Qiang' }],
    ['/联系人 删除 华为 王强', { kind: 'contact.remove', customerText: '华为 王强' }],
    ['/contact primary Acme Chen', { kind: 'contact.primary', customerText: 'Acme Chen' }],
    ['/联系人 设为主要 华为 陈静', { kind: 'contact.primary', customerText: '华为 陈静' }],
  ];
  it.each(valid)('%s', (text, intent) => expect(parseCommand(text, ctx)).toEqual(intent));

  it('refuses what it cannot read', () => {
    expect(parseCommand('/contact', ctx)).toMatchObject({ kind: 'invalid', code: 'missing_argument', usage: 'usage.contact' });
    expect(parseCommand('/contact hug Acme', ctx)).toMatchObject({ kind: 'invalid', code: 'unknown_subcommand', usage: 'usage.contact' });
    expect(parseCommand('/contact add Acme Wang tier:A', ctx)).toMatchObject({ kind: 'invalid', code: 'unknown_field', details: { field: 'tier' } });
    expect(parseCommand('/contact add Acme Wang email:nope', ctx)).toMatchObject({ kind: 'invalid', code: 'bad_value', details: { field: 'email' } });
    expect(parseCommand('/contact edit Acme Wang', ctx)).toMatchObject({ kind: 'invalid', code: 'missing_argument', details: { arg: 'fields' } });
  });
});

describe('customer export', () => {
  it('reads `/customer export [csv|xlsx]` and `/客户 导出`, and names the format when it is neither', () => {
    expect(parseCommand('/customer export', ctx)).toEqual({ kind: 'customer.export', format: 'csv' });
    expect(parseCommand('/customer export xlsx', ctx)).toEqual({ kind: 'customer.export', format: 'xlsx' });
    expect(parseCommand('/客户 导出', { ...ctx, locale: 'zh-CN' })).toEqual({ kind: 'customer.export', format: 'csv' });
    expect(parseCommand('/客户 导出 Excel', { ...ctx, locale: 'zh-CN' })).toEqual({ kind: 'customer.export', format: 'xlsx' });
    const bad = parseCommand('/客户 导出 pdf', { ...ctx, locale: 'zh-CN' }) as InvalidIntent;
    expect(bad).toMatchObject({ kind: 'invalid', code: 'bad_value', usage: 'usage.customer.export' });
    expect(invalidMessage('zh-CN', bad)).toBe('「pdf」不是有效的文件格式。可选 `csv` 或 `xlsx`。');
    expect(invalidMessage('en', bad)).toBe('“pdf” is not a valid file format. Use `csv` or `xlsx`.');
  });
});
