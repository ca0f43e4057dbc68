// The channel of a log as people say it, and the log a choice button carries.
import { expect, it } from 'vitest';
import { actionToIntent, intentToAction } from '../../../src/intents/actions.ts';
import { channelInSentence } from '../../../src/intents/grammar/channel.ts';

it('reads the channel from the sentence, the first one named winning', () => {
  const cases: Array<[string, string | undefined]> = [
    ['电话', 'call'], ['给王总打了电话，对方要样品', 'call'], ['致电采购', 'call'],
    ['微信发了报价单', 'wechat'], ['企微上聊了续约', 'wechat'], ['企业微信沟通', 'wechat'],
    ['上门拜访了采购总监', 'visit'], ['面谈两小时', 'visit'],
    ['发邮件确认了合同条款', 'email'], ['开会过了一遍方案', 'meeting'], ['视频会议演示', 'meeting'], ['展会上认识的', 'expo'],
    ['called them back about pricing', 'call'], ['emailed the deck', 'email'], ['met the CFO', 'meeting'], ['visited the plant', 'visit'],
    ['拜访时又打了电话', 'visit'], ['沟通了报价', undefined], ['sent the contract', undefined], ['metal parts order', undefined],
  ];
  for (const [text, channel] of cases) expect(channelInSentence(text), text).toBe(channel);
});

it('carries a chosen log in its button as data, and refuses a tampered one', () => {
  const log = { kind: 'log' as const, customerText: '深圳市腾飞科技有限公司', summary: '发了报价', customerId: 7, channel: 'wechat' as const, nextStep: { text: '周五回访' } };
  const action = intentToAction(log)!;
  expect(action.action).toBe('log.for');
  expect(actionToIntent(action)).toEqual(log);
  expect(actionToIntent({ action: 'log.for', id: '{"customerId":-1,"customerText":"x","summary":"y"}' }).kind).toBe('invalid');
  expect(actionToIntent({ action: 'log.for', id: '/log 腾飞 微信：发了报价' }).kind).toBe('invalid');
  expect(actionToIntent({ action: 'log.for', id: '{"customerText":"x","summary":"y"}' }).kind).toBe('invalid');
});
