// The channel of a logged interaction as people say it when they write no `channel:`:
// "/记录 华为 电话", "给王总打了电话", "上门拜访了采购", "called them back", "emailed the deck".
// The first channel word of the sentence wins; none means the dispatcher keeps the default (other).
import type { Channel } from '../intent.ts';

// Longer words first, so 企业微信 is read before 微信 and 打电话 before 电话.
const CHINESE: Array<[string, Channel]> = [
  ['企业微信', 'wechat'], ['企微', 'wechat'], ['微信', 'wechat'],
  ['打电话', 'call'], ['致电', 'call'], ['电话', 'call'], ['通话', 'call'], ['来电', 'call'], ['回电', 'call'],
  ['上门', 'visit'], ['拜访', 'visit'], ['面谈', 'visit'], ['面访', 'visit'], ['登门', 'visit'],
  ['邮件', 'email'], ['邮箱', 'email'],
  ['视频会', 'meeting'], ['会议', 'meeting'], ['开会', 'meeting'], ['会面', 'meeting'],
  ['展会', 'expo'], ['展位', 'expo'], ['展台', 'expo'],
];

const ENGLISH: Array<[RegExp, Channel]> = [
  [/\b(?:call(?:ed|ing|s)?|phoned?|rang)\b/i, 'call'],
  [/\b(?:e-?mail(?:ed|s)?|mailed)\b/i, 'email'],
  [/\b(?:wechat(?:ed)?|weixin)\b/i, 'wechat'],
  [/\b(?:visit(?:ed|ing)?|dropped by|on site|onsite)\b/i, 'visit'],
  [/\b(?:met|meeting|meet|zoom|video call)\b/i, 'meeting'],
  [/\b(?:expo|trade show|booth)\b/i, 'expo'],
];

/** The channel the sentence names first, or undefined. */
export function channelInSentence(text: string): Channel | undefined {
  let best: { at: number; channel: Channel } | undefined;
  const consider = (at: number, channel: Channel) => {
    if (at >= 0 && (!best || at < best.at)) best = { at, channel };
  };
  for (const [word, channel] of CHINESE) consider(text.indexOf(word), channel);
  for (const [re, channel] of ENGLISH) consider(text.search(re), channel);
  return best?.channel;
}
