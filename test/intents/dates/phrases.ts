// The classes as a rep types them, said on Wednesday 2026-11-25 at 10:00 on the user's own
// wall clock, in four zones (same wall clock, different instants). Each phrase's meaning is one wall
// time, the same in every zone; past marks phrases that look back (for /log; refused in next steps).
import type { Row } from './table.ts';
import { wallToInstant } from '../../../src/intents/dates/wall.ts';

type Phrase = [text: string, at: string | null, extra?: { hasTime?: boolean; past?: boolean; rest?: string }];

const D = '2026-11-';
export const chinese: Phrase[] = [
  // Durations
  ['2小时后', `${D}25 12:00`, { hasTime: true }],
  ['五分钟后', `${D}25 10:05`],
  ['半小时之内', `${D}25 10:30`],
  ['一个半小时后', `${D}25 11:30`],
  ['两个礼拜内', '2026-12-09 09:00', { hasTime: false }],
  ['一年内', '2027-11-25 09:00'],
  ['三天以内', `${D}28 09:00`],
  ['五日内', `${D}30 09:00`],
  ['十天后', '2026-12-05 09:00'],
  ['两周后', '2026-12-09 09:00'],
  ['3天后回访', `${D}28 09:00`, { rest: '回访' }],
  ['半个月后', '2026-12-10 09:00'],
  ['1个月之内答复', '2026-12-25 09:00', { rest: '答复' }],
  // A weekday with a bare hour
  ['周五3点回访', `${D}27 15:00`, { rest: '回访' }],
  ['下周五10点', '2026-12-04 10:00'],
  ['星期五下午三点半', `${D}27 15:30`],
  ['周三下午4点', `${D}25 16:00`],
  ['下周三下午3点回访', '2026-12-02 15:00', { rest: '回访' }],
  // Parts of the day
  ['下午', `${D}25 15:00`, { hasTime: true }],
  ['明天上午', `${D}26 09:00`, { hasTime: true }],
  ['周五下午', `${D}27 15:00`],
  ['周五下午开会', `${D}27 15:00`, { rest: '开会' }],
  ['6点30pm', `${D}25 18:30`],
  ['中午', `${D}25 12:00`],
  ['傍晚', `${D}25 18:00`],
  ['明晚', `${D}26 20:00`],
  ['明早9点', `${D}26 09:00`],
  ['明天下午两点', `${D}26 14:00`],
  // End of day and evening
  ['今天下班前', `${D}25 17:00`, { hasTime: true }],
  ['下班前', `${D}25 17:00`],
  ['下班前发报价', `${D}25 17:00`, { rest: '发报价' }],
  ['今晚', `${D}25 20:00`],
  ['今晚8点', `${D}25 20:00`],
  ['今晚9点半', `${D}25 21:30`],
  // Bare hours
  ['3点', `${D}25 15:00`],
  ['三点半', `${D}25 15:30`],
  ['一点', `${D}25 13:00`],
  ['5点45分', `${D}25 17:45`],
  ['下午3:30', `${D}25 15:30`],
  ['上午10点', `${D}26 10:00`],
  ['早上8点', `${D}26 08:00`],
  ['凌晨2点', `${D}26 02:00`],
  ['十点', `${D}26 10:00`],
  ['明天10点半', `${D}26 10:30`],
  ['12:30', `${D}25 12:30`],
  // Ranges and years
  ['今晚10点 - 明天早上6点', `${D}25 22:00`],
  ['下午2点到4点', `${D}25 14:00`],
  ['2014年, 3月5日', '2014-03-05 09:00', { past: true }],
  ['二〇二七年三月五日', '2027-03-05 09:00'],
  // Dates
  ['12月5号', '2026-12-05 09:00'],
  ['3月5日', '2027-03-05 09:00'],
  ['下个月5号', '2026-12-05 09:00'],
  ['5号', '2026-12-05 09:00'],
  ['30号', `${D}30 09:00`],
  ['11月30日下午2点', `${D}30 14:00`],
  ['月底', `${D}30 09:00`],
  ['月底前签合同', `${D}30 09:00`, { rest: '签合同' }],
  ['下个月底', '2026-12-31 09:00'],
  ['年底', '2026-12-31 09:00'],
  ['明天', `${D}26 09:00`, { hasTime: false }],
  ['今天', `${D}25 09:00`, { hasTime: false, past: false }],
  ['大后天', `${D}28 09:00`],
  ['后天下午3点', `${D}27 15:00`],
  ['周一', `${D}30 09:00`],
  ['周三', '2026-12-02 09:00'],
  ['下周一', `${D}30 09:00`],
  ['下下周一', '2026-12-07 09:00'],
  ['这周五', `${D}27 09:00`],
  ['本周五', `${D}27 09:00`],
  ['星期天', `${D}29 09:00`],
  ['礼拜六', `${D}28 09:00`],
  ['周末', `${D}28 09:00`],
  ['下周', `${D}30 09:00`],
  ['本周内', `${D}27 09:00`],
  ['周五前', `${D}27 09:00`],
  // Looking back
  ['昨天下午3点', `${D}24 15:00`, { past: true }],
  ['前天', `${D}23 09:00`, { past: true }],
  ['上周三', `${D}18 09:00`, { past: true }],
  ['昨晚8点', `${D}24 20:00`, { past: true }],
  ['大前天', `${D}22 09:00`, { past: true }],
  ['3天前', `${D}22 09:00`, { past: true }],
  ['两小时前', `${D}25 08:00`, { past: true }],
  ['上个礼拜五', `${D}20 09:00`, { past: true }],
  // No date
  ['快一点发报价', null],
  ['便宜一点', null],
  ['写周报给王总', null],
  ['打个电话', null],
  ['几个月之内答复我', null],
  ['客户提了三点意见', null],
  ['第2点要改', null],
];

export const english: Phrase[] = [
  ['in 90 minutes', `${D}25 11:30`, { hasTime: true }],
  ['in 2 hours', `${D}25 12:00`],
  ['in 3 days', `${D}28 09:00`],
  ['in 2 weeks', '2026-12-09 09:00'],
  ['within one year', '2027-11-25 09:00'],
  ['tonight', `${D}25 20:00`, { hasTime: true }],
  ['this evening', `${D}25 20:00`],
  ['tonight at 9', `${D}25 21:00`],
  ['EOD', `${D}25 17:00`],
  ['EOD Friday', `${D}27 17:00`],
  ['this morning', `${D}25 09:00`, { past: true }],
  ['this afternoon', `${D}25 15:00`],
  ['this week', `${D}27 09:00`],
  ['next week', `${D}30 09:00`],
  ['at 3', `${D}25 15:00`],
  ['at 3pm', `${D}25 15:00`],
  ['3:30', `${D}25 15:30`],
  ['at 10am', `${D}26 10:00`],
  ['Friday 3pm', `${D}27 15:00`],
  ['send proposal Friday at 3', `${D}27 15:00`, { rest: 'send proposal' }],
  ['friday afternoon', `${D}27 15:00`],
  ['tomorrow morning', `${D}26 09:00`],
  ['tomorrow 2pm', `${D}26 14:00`],
  ['Monday', `${D}30 09:00`],
  ['Wednesday', '2026-12-02 09:00'],
  ['Wednesday 4pm', `${D}25 16:00`],
  ['noon', `${D}25 12:00`],
  ['6:30pm', `${D}25 18:30`],
  ['2-4pm', `${D}25 14:00`],
  ['Dec 5', '2026-12-05 09:00'],
  ['December 5th at 2pm', '2026-12-05 14:00'],
  ['March 5', '2027-03-05 09:00'],
  ['5 Dec 2026', '2026-12-05 09:00'],
  ['2026-12-05', '2026-12-05 09:00'],
  ['end of month', `${D}30 09:00`],
  ['end of week', `${D}27 09:00`],
  ['by Friday', `${D}27 09:00`],
  ['yesterday 3pm', `${D}24 15:00`, { past: true }],
  ['last Friday', `${D}20 09:00`, { past: true }],
  ['3 days ago', `${D}22 09:00`, { past: true }],
  ['2 hours ago', `${D}25 08:00`, { past: true }],
  ['yesterday', `${D}24 09:00`, { past: true }],
  ['do I have the money', null],
  ['the day', null],
  ['a day', null],
  ['see https://example.com/deal-8d', null],
  ['lunch with bob', null],
];

const ZONES = ['Asia/Shanghai', 'America/New_York', 'Europe/London', 'Australia/Sydney'];
const SAID = { year: 2026, month: 11, day: 25 };

function expand(list: Phrase[]): Array<Row & { past?: boolean; rest?: string }> {
  return ZONES.flatMap((tz) =>
    list.map(([text, at, extra]) => ({ text, tz, now: wallToInstant(SAID, 600, tz).toISOString(), at, ...extra })),
  );
}

export const chineseRows = expand(chinese);
export const englishRows = expand(english);
