// `/crm link [code]` (`/crm 绑定 [验证码]`) and `/crm notify [slack|feishu|auto] [quiet 22:00-08:00|off|default]`
// (`/crm 通知 飞书|自动`, `/crm 通知 免打扰 22:00-08:00|关闭|默认`).
import { invalidIntent, type Intent } from '../intent.ts';
import { trim, type Src } from './text.ts';
import { lookup } from './vocabulary.ts';

export function parseLink(rest: Src): Intent {
  const code = trim(rest).o.trim();
  if (!code) return { kind: 'link' };
  if (code.length > 40) return invalidIntent('bad_value', 'usage.link', { field: 'code', value: code.slice(0, 20) });
  return { kind: 'link', code };
}

const DOOR_WORDS: Record<string, 'slack' | 'feishu' | 'auto'> = {
  slack: 'slack',
  feishu: 'feishu', lark: 'feishu', 飞书: 'feishu',
  auto: 'auto', last: 'auto', default: 'auto', 自动: 'auto', 默认: 'auto', 最近: 'auto',
};
const QUIET_WORDS = new Set(['quiet', 'quiet-hours', 'dnd', '免打扰', '勿扰', '静音', '安静时段']);
const QUIET_OFF = new Set(['off', 'none', 'never', '关闭', '关', '不需要', '无']);
const QUIET_DEFAULT = new Set(['default', 'auto', 'workday', '默认', '自动', '工作时间']);

/** "22:00", "22", "8:30", "22点", "8点半" → minutes after midnight. */
function clockMinutes(text: string): number | null {
  const m = /^(\d{1,2})(?:[:：](\d{2})|点(半|(\d{1,2})分?)?)?$/.exec(text.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = m[2] !== undefined ? Number(m[2]) : m[3] === '半' ? 30 : m[4] !== undefined ? Number(m[4]) : 0;
  if (h > 24 || min > 59 || (h === 24 && min > 0)) return null;
  return (h % 24) * 60 + min;
}

export function parseNotify(rest: Src): Intent {
  const words = trim(rest).f.split(/\s+/).filter(Boolean);
  if (!words.length) return { kind: 'notify' };
  const [first, ...more] = words;
  if (QUIET_WORDS.has(first!)) {
    const value = more.join(' ');
    if (!value) return invalidIntent('missing_argument', 'usage.notify', { arg: '22:00-08:00|off|default' });
    if (QUIET_OFF.has(value)) return { kind: 'notify', quiet: { startMinute: 0, endMinute: 0 } };
    if (QUIET_DEFAULT.has(value)) return { kind: 'notify', quiet: null };
    const range = /^(.+?)\s*(?:-|–|~|～|到|至|to)\s*(.+)$/.exec(value);
    const start = range ? clockMinutes(range[1]!) : null;
    const end = range ? clockMinutes(range[2]!) : null;
    if (start === null || end === null) return invalidIntent('bad_value', 'usage.notify', { field: 'quiet', value: value.slice(0, 30) });
    return { kind: 'notify', quiet: { startMinute: start, endMinute: end } };
  }
  const door = lookup(DOOR_WORDS, first!);
  if (!door || more.length) return invalidIntent('bad_value', 'usage.notify', { field: 'door', value: words.join(' ').slice(0, 30) });
  return { kind: 'notify', door: door === 'auto' ? null : door };
}
