// Phrases, the moment they are said, and the wall time they must mean in the user's zone.
// `at` is a local wall time "YYYY-MM-DD HH:mm" in `tz`, or null for "no date".
export interface Row {
  text: string;
  tz: string;
  now: string;
  at: string | null;
  hasTime?: boolean;
  /** The exact instant, where DST makes the wall time alone not enough. */
  instant?: string;
}

const SH = 'Asia/Shanghai';
const NY = 'America/New_York';
const LDN = 'Europe/London';
const SYD = 'Australia/Sydney';

// Sunday 2026-11-22 17:00 in Shanghai.
const shSun = '2026-11-22T09:00:00Z';
// Wednesday 2026-11-25 08:00 in Shanghai.
const shWed = '2026-11-25T00:00:00Z';
// Saturday 2026-10-31 12:00 EDT, the day before New York falls back.
const nyBefore = '2026-10-31T16:00:00Z';
// Monday 2026-11-02 09:00 EST, after the change.
const nyAfter = '2026-11-02T14:00:00Z';
// Saturday 2026-10-24 12:00 BST, the day before London falls back.
const ldnBefore = '2026-10-24T11:00:00Z';
// Saturday 2026-10-03 12:00 AEST, the day before Sydney springs forward (02:00 -> 03:00).
const sydBefore = '2026-10-03T02:00:00Z';

export const rows: Row[] = [
  // English, Shanghai
  { text: 'send proposal Friday 3pm', tz: SH, now: shSun, at: '2026-11-27 15:00', hasTime: true },
  { text: 'EOD Friday', tz: SH, now: shSun, at: '2026-11-27 17:00', hasTime: true },
  { text: 'EOD', tz: SH, now: shSun, at: '2026-11-23 17:00', hasTime: true },
  { text: 'EOD', tz: SH, now: shWed, at: '2026-11-25 17:00', hasTime: true },
  { text: 'end of month', tz: SH, now: shSun, at: '2026-11-30 09:00', hasTime: false },
  { text: 'call back by end of the month', tz: SH, now: shWed, at: '2026-11-30 09:00' },
  { text: 'end of week', tz: SH, now: shWed, at: '2026-11-27 09:00' },
  { text: 'tomorrow', tz: SH, now: shSun, at: '2026-11-23 09:00', hasTime: false },
  { text: 'tomorrow 10am', tz: SH, now: shSun, at: '2026-11-23 10:00', hasTime: true },
  { text: 'in two weeks', tz: SH, now: shSun, at: '2026-12-06 09:00' },
  { text: 'in 3 days', tz: SH, now: shWed, at: '2026-11-28 09:00' },
  { text: '3pm', tz: SH, now: shSun, at: '2026-11-23 15:00', hasTime: true },
  { text: '3pm', tz: SH, now: shWed, at: '2026-11-25 15:00', hasTime: true },
  { text: 'Friday', tz: SH, now: shWed, at: '2026-11-27 09:00', hasTime: false },
  { text: 'Wednesday', tz: SH, now: shWed, at: '2026-12-02 09:00' },
  { text: 'Wednesday 4pm', tz: SH, now: shWed, at: '2026-11-25 16:00' },
  { text: 'Dec 3', tz: SH, now: shSun, at: '2026-12-03 09:00' },
  { text: 'demo on 2026-12-15 at 14:30', tz: SH, now: shSun, at: '2026-12-15 14:30' },
  { text: 'Jan 5', tz: SH, now: shSun, at: '2027-01-05 09:00' },
  { text: 'today 6pm', tz: SH, now: shSun, at: '2026-11-22 18:00' },
  // Chinese, Shanghai
  { text: '两周后', tz: SH, now: shSun, at: '2026-12-06 09:00', hasTime: false },
  { text: '下个月5号', tz: SH, now: shSun, at: '2026-12-05 09:00' },
  { text: '月底', tz: SH, now: shSun, at: '2026-11-30 09:00' },
  { text: '下个月底', tz: SH, now: shSun, at: '2026-12-31 09:00' },
  { text: '大后天', tz: SH, now: shSun, at: '2026-11-25 09:00' },
  { text: '后天', tz: SH, now: shSun, at: '2026-11-24 09:00' },
  { text: '明天', tz: SH, now: shSun, at: '2026-11-23 09:00' },
  { text: '下下周一', tz: SH, now: shSun, at: '2026-11-30 09:00' },
  { text: '下周一', tz: SH, now: shWed, at: '2026-11-30 09:00' },
  { text: '下下周一', tz: SH, now: shWed, at: '2026-12-07 09:00' },
  { text: '下周三下午3点回访', tz: SH, now: shSun, at: '2026-11-25 15:00', hasTime: true },
  { text: '明天上午10点半', tz: SH, now: shSun, at: '2026-11-23 10:30' },
  { text: '周五', tz: SH, now: shWed, at: '2026-11-27 09:00' },
  { text: '星期三', tz: SH, now: shWed, at: '2026-12-02 09:00' },
  { text: '这周五下午两点', tz: SH, now: shWed, at: '2026-11-27 14:00' },
  { text: '15:30开会', tz: SH, now: shSun, at: '2026-11-23 15:30' },
  { text: '12月3日', tz: SH, now: shSun, at: '2026-12-03 09:00' },
  { text: '1月8号', tz: SH, now: shSun, at: '2027-01-08 09:00' },
  { text: '3天后', tz: SH, now: shWed, at: '2026-11-28 09:00' },
  { text: '三天后', tz: SH, now: shWed, at: '2026-11-28 09:00' },
  { text: '一个月后', tz: SH, now: shSun, at: '2026-12-22 09:00' },
  { text: '今晚8点', tz: SH, now: shSun, at: '2026-11-22 20:00' },
  { text: '明晚七点', tz: SH, now: shSun, at: '2026-11-23 19:00' },
  { text: '28号', tz: SH, now: shWed, at: '2026-11-28 09:00' },
  { text: '20号', tz: SH, now: shWed, at: '2026-12-20 09:00' },
  { text: '下班前', tz: SH, now: shWed, at: '2026-11-25 17:00', hasTime: true },
  { text: '下午3点', tz: SH, now: shSun, at: '2026-11-23 15:00' },
  // No date: never a guess
  { text: 'lunch with bob', tz: SH, now: shSun, at: null },
  { text: 'send the 3 brochures', tz: SH, now: shSun, at: null },
  { text: '沟通了报价，客户有些犹豫', tz: SH, now: shSun, at: null },
  { text: '发送资料', tz: SH, now: shSun, at: null },
  { text: '', tz: SH, now: shSun, at: null },
  // New York, both sides of the fall-back change on 2026-11-01
  { text: 'tomorrow 9am', tz: NY, now: nyBefore, at: '2026-11-01 09:00', instant: '2026-11-01T14:00:00.000Z' },
  { text: 'today 3pm', tz: NY, now: nyBefore, at: '2026-10-31 15:00', instant: '2026-10-31T19:00:00.000Z' },
  { text: 'EOD Friday', tz: NY, now: nyBefore, at: '2026-11-06 17:00', instant: '2026-11-06T22:00:00.000Z' },
  { text: 'Monday', tz: NY, now: nyBefore, at: '2026-11-02 09:00', instant: '2026-11-02T14:00:00.000Z' },
  { text: '明天下午3点', tz: NY, now: nyBefore, at: '2026-11-01 15:00', instant: '2026-11-01T20:00:00.000Z' },
  { text: 'tomorrow 1:30am', tz: NY, now: nyBefore, at: '2026-11-01 01:30', instant: '2026-11-01T05:30:00.000Z' },
  { text: '8am', tz: NY, now: nyAfter, at: '2026-11-03 08:00', instant: '2026-11-03T13:00:00.000Z' },
  { text: 'end of month', tz: NY, now: nyAfter, at: '2026-11-30 09:00' },
  { text: '下周一', tz: NY, now: nyAfter, at: '2026-11-09 09:00' },
  // London, both sides of 2026-10-25
  { text: 'tomorrow 3pm', tz: LDN, now: ldnBefore, at: '2026-10-25 15:00', instant: '2026-10-25T15:00:00.000Z' },
  { text: 'today 5pm', tz: LDN, now: ldnBefore, at: '2026-10-24 17:00', instant: '2026-10-24T16:00:00.000Z' },
  { text: '后天上午9点', tz: LDN, now: ldnBefore, at: '2026-10-26 09:00', instant: '2026-10-26T09:00:00.000Z' },
  { text: 'EOD', tz: LDN, now: ldnBefore, at: '2026-10-24 17:00' },
  // Sydney, both sides of the spring-forward gap on 2026-10-04 (02:00-03:00 does not exist)
  { text: 'tomorrow 2:30am', tz: SYD, now: sydBefore, at: '2026-10-04 03:30', instant: '2026-10-03T16:30:00.000Z' },
  { text: 'tomorrow 10am', tz: SYD, now: sydBefore, at: '2026-10-04 10:00', instant: '2026-10-03T23:00:00.000Z' },
  { text: 'today 4pm', tz: SYD, now: sydBefore, at: '2026-10-03 16:00', instant: '2026-10-03T06:00:00.000Z' },
  { text: '明天早上8点', tz: SYD, now: sydBefore, at: '2026-10-04 08:00', instant: '2026-10-03T21:00:00.000Z' },
  { text: 'in two weeks', tz: SYD, now: sydBefore, at: '2026-10-17 09:00' },

  // Issue 15's classes across the changes: durations are elapsed time, words are wall clock.
  // 01:30 EDT on the night New York falls back: two hours later it is 02:30 EST.
  { text: '2小时后', tz: NY, now: '2026-11-01T05:30:00Z', at: '2026-11-01 02:30', instant: '2026-11-01T07:30:00.000Z' },
  { text: 'in 2 hours', tz: NY, now: '2026-11-01T05:30:00Z', at: '2026-11-01 02:30', instant: '2026-11-01T07:30:00.000Z' },
  // 01:30 AEST on the night Sydney springs forward: two hours later it is 04:30 AEDT.
  { text: '两小时后', tz: SYD, now: '2026-10-03T15:30:00Z', at: '2026-10-04 04:30', instant: '2026-10-03T17:30:00.000Z' },
  { text: 'in 2 hours', tz: SYD, now: '2026-10-03T15:30:00Z', at: '2026-10-04 04:30', instant: '2026-10-03T17:30:00.000Z' },
  // 01:30 BST on the night London falls back: 90 minutes later it is 02:00 GMT.
  { text: '一个半小时后', tz: LDN, now: '2026-10-25T00:30:00Z', at: '2026-10-25 02:00', instant: '2026-10-25T02:00:00.000Z' },
  { text: 'in 90 minutes', tz: LDN, now: '2026-10-25T00:30:00Z', at: '2026-10-25 02:00', instant: '2026-10-25T02:00:00.000Z' },
  { text: '今晚', tz: NY, now: '2026-11-01T17:00:00Z', at: '2026-11-01 20:00', instant: '2026-11-02T01:00:00.000Z' },
  { text: 'tonight', tz: NY, now: '2026-11-01T17:00:00Z', at: '2026-11-01 20:00', instant: '2026-11-02T01:00:00.000Z' },
  { text: '下班前', tz: SYD, now: '2026-10-03T23:00:00Z', at: '2026-10-04 17:00', instant: '2026-10-04T06:00:00.000Z' },
  { text: '周五3点', tz: SYD, now: sydBefore, at: '2026-10-09 15:00', instant: '2026-10-09T04:00:00.000Z' },
  { text: '昨天下午3点', tz: LDN, now: '2026-10-26T10:00:00Z', at: '2026-10-25 15:00', instant: '2026-10-25T15:00:00.000Z' },
  { text: 'yesterday 3pm', tz: LDN, now: '2026-10-26T10:00:00Z', at: '2026-10-25 15:00', instant: '2026-10-25T15:00:00.000Z' },
  { text: '3 days ago', tz: NY, now: '2026-11-03T14:00:00Z', at: '2026-10-31 09:00', instant: '2026-10-31T13:00:00.000Z' },
  { text: '3天前', tz: NY, now: '2026-11-03T14:00:00Z', at: '2026-10-31 09:00', instant: '2026-10-31T13:00:00.000Z' },
  { text: '上周三', tz: NY, now: '2026-11-04T14:00:00Z', at: '2026-10-28 09:00', instant: '2026-10-28T13:00:00.000Z' },
  { text: 'last Friday', tz: SYD, now: '2026-10-04T22:00:00Z', at: '2026-10-02 09:00', instant: '2026-10-01T23:00:00.000Z' },
];
