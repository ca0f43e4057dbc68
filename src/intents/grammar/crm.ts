// `/crm help [topic]`, `/crm whoami`, `/crm role <who> <role>` (and the same as top-level words).
import { invalidIntent, type Intent } from '../intent.ts';
import { firstWord, trim, type Src } from './text.ts';
import { suggestionFor } from './suggest.ts';
import { parseManager, parseTeam } from './team.ts';
import { CRM_SUBS, HELP_TOPIC_WORDS, lookup, ROLE_VALUES } from './vocabulary.ts';
import { parseLanguage } from './language.ts';
import { parseLink, parseNotify } from './reach.ts';
import { parseReport } from './report.ts';

export function parseCrm(body: Src): Intent {
  const { word, rest } = firstWord(body);
  if (!word.f) return { kind: 'help' };
  switch (lookup(CRM_SUBS, word.f)) {
    case 'help':
      return parseHelp(rest);
    case 'whoami':
      return withoutArguments(rest, { kind: 'whoami' });
    case 'role':
      return parseRole(rest);
    case 'home':
      return withoutArguments(rest, { kind: 'home' });
    case 'team':
      return parseTeam(rest);
    case 'manager':
      return parseManager(rest);
    case 'channel': {
      // `/crm channel digest|approvals [off]`, said in the channel it is about.
      const m = /^(digest|digests|summary|approvals?|日报|周报|摘要|审批)(?:\s+(off|关闭|取消))?$/i.exec(trim(rest).f);
      if (!m) return invalidIntent('missing_argument', 'usage.crm', { arg: 'digest|approvals' });
      return { kind: 'channel', purpose: /^(approvals?|审批)$/i.test(m[1]!) ? 'approvals' : 'digest', off: Boolean(m[2]) };
    }
    case 'language':
      return parseLanguage(rest);
    case 'link':
      return parseLink(rest);
    case 'notify':
      return parseNotify(rest);
    case 'report':
      return parseReport(rest);
    default:
      return invalidIntent('unknown_subcommand', 'usage.crm', { subcommand: word.o.slice(0, 50), ...suggestionFor(word.f, CRM_SUBS) });
  }
}

/** A word that takes nothing after it: anything more is read as an unknown subcommand. */
export function withoutArguments(rest: Src, intent: Intent): Intent {
  return rest.f ? invalidIntent('unknown_subcommand', 'usage.crm', { subcommand: rest.o.slice(0, 50) }) : intent;
}

/** An unknown topic still gets the overview: asking for help is never an error. */
export function parseHelp(rest: Src): Intent {
  const topic = lookup(HELP_TOPIC_WORDS, firstWord(rest).word.f.replace(/^\//, ''));
  return topic ? { kind: 'help', topic } : { kind: 'help' };
}

export function parseRole(rest: Src): Intent {
  const text = trim(rest);
  const m = /^(.*?)\s+(?:(?:to|as|为|设为|设置为)\s+)?(\S+)$/s.exec(text.f);
  if (!m || !m[1]!.trim()) return invalidIntent('missing_argument', 'usage.role', { arg: text.f ? 'role' : 'user' });
  const role = lookup(ROLE_VALUES, m[2]!);
  if (!role) return invalidIntent('bad_value', 'usage.role', { field: 'role', value: m[2]!.slice(0, 30) });
  const target = text.o.slice(0, m[1]!.length).trim();
  if (target.length > 200) return invalidIntent('bad_value', 'usage.role', { field: 'user', value: target.slice(0, 100) });
  return { kind: 'role', target, role };
}
