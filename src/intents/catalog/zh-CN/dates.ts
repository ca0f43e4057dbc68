// 方向不对的时间：计划写了过去的时间，记录写了将来的时间。
import type { dates as en } from '../en/dates.ts';

export const dates: Record<keyof typeof en, string> = {
  'error.task.snooze_past': '“{text}”是 {at}，已经过去了。推迟要选一个还没到的时间，比如「明天上午9点」。',
  'error.interaction.next_step_past':
    '下一步“{text}”是 {at}，已经过去了。下一步请写还没到的时间，比如「明天上午10点」；要补记已经发生的跟进，把时间写在渠道前面：`/记录 华为 昨天下午3点 电话：……`。',
  'error.interaction.occurred_ahead': '记录的是已经发生的跟进，“{text}”是 {at}，还没到。计划请写在“下一步：”后面。',
  'notice.interaction.occurred_at': '跟进时间记为 {when}。',
};
