// Table-driven: each line is what a person types; each expectation is the intent it must become.
// The examples are here verbatim, in English and Chinese.
import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../../src/intents/grammar/index.ts';
import type { Intent } from '../../../src/intents/intent.ts';

const ctx = { locale: 'en' as const, timeZone: 'America/Los_Angeles', now: new Date('2026-11-22T10:00:00Z') };

const valid: Array<[string, Intent]> = [
  // customers
  ['/customer add Acme Robotics tier:A industry:manufacturing source:expo phone:+1-415-555-0100',
    { kind: 'customer.add', name: 'Acme Robotics', force: false, fields: { tier: 'A', industry: 'manufacturing', source: 'expo', phone: '+1-415-555-0100' } }],
  ['/customer add 华为技术 等级:A 行业:通信 来源:展会', { kind: 'customer.add', name: '华为技术', force: false, fields: { tier: 'A', industry: '通信', source: 'expo' } }],
  ['/customer add 华为技术 等级：A 行业：通信 来源：展会', { kind: 'customer.add', name: '华为技术', force: false, fields: { tier: 'A', industry: '通信', source: 'expo' } }],
  ['/客户 新建 华为技术 等级：a 行业：通信 来源：转介绍', { kind: 'customer.add', name: '华为技术', force: false, fields: { tier: 'A', industry: '通信', source: 'referral' } }],
  ['/客户 新建 华为技术等级:B', { kind: 'customer.add', name: '华为技术', force: false, fields: { tier: 'B' } }],
  ['/customer add "Acme Robotics Inc" industry:"heavy machinery" contact:“Li Lei” tags:vip,hot',
    { kind: 'customer.add', name: 'Acme Robotics Inc', force: false, fields: { industry: 'heavy machinery', contact: 'Li Lei', tags: ['vip', 'hot'] } }],
  ['/customer add Acme region: San Francisco Bay size:50-200 email:ops@acme.com force',
    { kind: 'customer.add', name: 'Acme', force: true, fields: { region: 'San Francisco Bay', size: '50-200', email: 'ops@acme.com' } }],
  ['/客户 新建 腾讯 别名：鹅厂、企鹅 状态：意向 强制', { kind: 'customer.add', name: '腾讯', force: true, fields: { aliases: ['鹅厂', '企鹅'], status: 'intent' } }],
  ['/customer Acme', { kind: 'customer.show', query: 'Acme' }],
  ['/客户 华为', { kind: 'customer.show', query: '华为' }],
  ['/customer CUS20261122001', { kind: 'customer.show', query: 'CUS20261122001' }],
  ['/customer find robo', { kind: 'customer.find', query: 'robo' }],
  ['/客户 查找 华', { kind: 'customer.find', query: '华' }],
  ['/customer update Acme status:deal tier:B', { kind: 'customer.update', customerText: 'Acme', fields: { status: 'deal', tier: 'B' } }],
  ['/客户 修改 华为 状态：成交', { kind: 'customer.update', customerText: '华为', fields: { status: 'deal' } }],
  ['/customer import\nname,industry\nAcme,robots', { kind: 'customer.import', csv: 'name,industry\nAcme,robots' }],
  // interactions
  ['/log Acme call: walked through pricing, they want a demo. next: send proposal Friday 3pm',
    { kind: 'log', customerText: 'Acme', channel: 'call', summary: 'walked through pricing, they want a demo.', nextStep: { text: 'send proposal Friday 3pm' } }],
  ['/log 华为 电话：沟通了报价，客户有些犹豫。下一步：下周三下午3点回访',
    { kind: 'log', customerText: '华为', channel: 'call', summary: '沟通了报价，客户有些犹豫。', mood: 'hesitant', nextStep: { text: '下周三下午3点回访' } }],
  // A mood said mid-sentence leaves no gap before the full stop.
  ['/log Acme visit: they want a quote mood: positive. next: proposal Friday', { kind: 'log', customerText: 'Acme', channel: 'visit', summary: 'they want a quote.', mood: 'positive', nextStep: { text: 'proposal Friday' } }],
  ['/log Acme complaint: invoice was wrong', { kind: 'log', customerText: 'Acme', summary: 'invoice was wrong', mood: 'negative', complaint: true }],
  ['/记录 华为 投诉：交货晚了', { kind: 'log', customerText: '华为', summary: '交货晚了', mood: 'negative', complaint: true }],
  ['/log Acme Robotics visit: they loved the demo', { kind: 'log', customerText: 'Acme Robotics', channel: 'visit', summary: 'they loved the demo', mood: 'positive' }],
  ['/log Acme email sent the contract, not happy about terms', { kind: 'log', customerText: 'Acme', channel: 'email', summary: 'sent the contract, not happy about terms', mood: 'negative' }],
  ['/log Acme walked through pricing', { kind: 'log', customerText: 'Acme walked through pricing', summary: null }],
  ['/记录 腾讯 微信：客户对方案不满意 下一步：月底前再约', { kind: 'log', customerText: '腾讯', channel: 'wechat', summary: '客户对方案不满意', mood: 'negative', nextStep: { text: '月底前再约' } }],
  ['/log Acme meeting: pricing review mood: positive next step: EOD Friday send deck',
    { kind: 'log', customerText: 'Acme', channel: 'meeting', summary: 'pricing review', mood: 'positive', nextStep: { text: 'EOD Friday send deck' } }],
  ['/log 华为 展会：聊了合作 情绪：观望', { kind: 'log', customerText: '华为', channel: 'expo', summary: '聊了合作', mood: 'hesitant' }],
  ['/log "Acme Call Center" call: renewal talk', { kind: 'log', customerText: 'Acme Call Center', channel: 'call', summary: 'renewal talk' }],
  ['/log “Acme Call Center” demo went well', { kind: 'log', customerText: 'Acme Call Center', summary: 'demo went well' }],
  ['/log Big Email Co email: sent pricing. Next: call back tomorrow', { kind: 'log', customerText: 'Big Email Co', channel: 'email', summary: 'sent pricing.', nextStep: { text: 'call back tomorrow' } }],
  ['/客户 新建 某某科技 联系人：王五 联系人电话：138 0013 8000', { kind: 'customer.add', name: '某某科技', force: false, fields: { contact: '王五', phone: '138 0013 8000' } }],
  ['/log undo 42', { kind: 'interaction.undo', id: 42 }],
  ['/撤销 #7', { kind: 'interaction.undo', id: 7 }],
  // tasks
  ['/tasks', { kind: 'tasks.list', scope: 'mine' }],
  ['/tasks pool', { kind: 'tasks.list', scope: 'pool' }],
  ['/任务 公海', { kind: 'tasks.list', scope: 'pool' }],
  ['/task done 12', { kind: 'task.done', id: 12 }],
  ['/任务 完成 ＃１２', { kind: 'task.done', id: 12 }],
  ['/task claim 3', { kind: 'task.claim', id: 3 }],
  ['/task snooze 4 next monday', { kind: 'task.snooze', id: 4, whenText: 'next monday' }],
  ['/任务 推迟 4 下下周一', { kind: 'task.snooze', id: 4, whenText: '下下周一' }],
  ['/task reassign 9 to @dana', { kind: 'task.reassign', id: 9, to: '@dana' }],
  // quotes
  ['/quote new Acme 10 x "Pro license" @ 1200, 2 x Onboarding @ 3000 discount 12%',
    { kind: 'quote.new', customerText: 'Acme', discountBps: 1200, lines: [{ product: 'Pro license', quantity: 10, unitPriceMinor: 120000n }, { product: 'Onboarding', quantity: 2, unitPriceMinor: 300000n }] }],
  ['/报价 新建 华为 10 × 专业版 ＠ 1,200.50，2 × 实施服务 ＠ ¥3000 打88折',
    { kind: 'quote.new', customerText: '华为', discountBps: 1200, currency: 'CNY', lines: [{ product: '专业版', quantity: 10, unitPriceMinor: 120050n }, { product: '实施服务', quantity: 2, unitPriceMinor: 300000n }] }],
  ['/quote new Acme Robotics 3 x Widget @ $19.99 折扣 12.5%', { kind: 'quote.new', customerText: 'Acme Robotics', discountBps: 1250, currency: 'USD', lines: [{ product: 'Widget', quantity: 3, unitPriceMinor: 1999n }] }],
  ['/quote new Acme JPY 3 x Widget @ 1500', { kind: 'quote.new', customerText: 'Acme', discountBps: 0, currency: 'JPY', lines: [{ product: 'Widget', quantity: 3, unitPriceMinor: 1500n }] }],
  ['/quote new 3M 1 x Tape @ 1.2k currency:EUR', { kind: 'quote.new', customerText: '3M', discountBps: 0, currency: 'EUR', lines: [{ product: 'Tape', quantity: 1, unitPriceMinor: 120000n }] }],
  ['/报价 新建 腾讯 1x 年费 @ 1.5万元 打8.5折', { kind: 'quote.new', customerText: '腾讯', discountBps: 1500, currency: 'CNY', lines: [{ product: '年费', quantity: 1, unitPriceMinor: 1500000n }] }],
  ['/quote edit 5 discount 5%', { kind: 'quote.edit', id: 5, discountBps: 500 }],
  ['/quote edit 5 2 x Seat @ 10', { kind: 'quote.edit', id: 5, lines: [{ product: 'Seat', quantity: 2, unitPriceMinor: 1000n }] }],
  ['/quote submit 5', { kind: 'quote.submit', id: 5 }],
  ['/quote 5', { kind: 'quote.show', id: 5 }],
  ['/报价 5', { kind: 'quote.show', id: 5 }],
  ['/quote approve 5', { kind: 'quote.approve', id: 5 }],
  ['/报价 批准 5', { kind: 'quote.approve', id: 5 }],
  ['/quote reject 5 too deep a discount', { kind: 'quote.reject', id: 5, reason: 'too deep a discount' }],
  ['/报价 驳回 5 折扣太大', { kind: 'quote.reject', id: 5, reason: '折扣太大' }],
  // crm
  ['/crm help', { kind: 'help' }],
  ['/crm help log', { kind: 'help', topic: 'log' }],
  ['/crm 帮助 报价', { kind: 'help', topic: 'quote' }],
  ['/crm help nonsense', { kind: 'help' }],
  ['/crm whoami', { kind: 'whoami' }],
  ['/crm 我是谁', { kind: 'whoami' }],
  ['/crm role @someone manager', { kind: 'role', target: '@someone', role: 'manager' }],
  ['/crm role Dana Reyes admin', { kind: 'role', target: 'Dana Reyes', role: 'admin' }],
  ['/crm 角色 @张三 设为 经理', { kind: 'role', target: '@张三', role: 'manager' }],
  ['／ｃｒｍ　ｗｈｏａｍｉ', { kind: 'whoami' }],
  ['  /TASKS   POOL  ', { kind: 'tasks.list', scope: 'pool' }],
];

describe('parseCommand: valid lines', () => {
  it.each(valid)('%s', (line, expected) => {
    expect(parseCommand(line, ctx)).toEqual(expected);
  });

  it('reads the same line the same way whatever the locale of the reader', () => {
    for (const [line, expected] of valid) expect(parseCommand(line, { ...ctx, locale: 'zh-CN' })).toEqual(expected);
  });
});
