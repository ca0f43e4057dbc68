// A customer file's dry run and its result, as a card: the counts (which add up to the rows read),
// the columns left out, every match, every refused row with its column and reason, and the buttons
// that run or drop the plan. The CLI prints the same card as text.
import type { Plan, RowNote, RunResult } from '../../domain/customers/import/index.ts';
import { label, t } from '../catalog/index.ts';
import { say, type Speaker, type Turn } from '../dispatch/turn.ts';
import type { Reply, ReplySection } from '../reply.ts';
import { button } from './buttons.ts';

const LIST = 30;

function section(heading: string, items: string[]): ReplySection {
  return { heading, items: items.slice(0, LIST).map((text) => ({ text })), ...(items.length > LIST ? { more: items.length - LIST } : {}) };
}

function note(turn: Speaker, row: number, n: RowNote): string {
  return say(turn, 'text.import.note', { row, column: n.column, reason: t(turn.locale, `import.reason.${n.reason}`, { value: n.value ?? '' }) });
}

export function dryRunReply(turn: Speaker, preview: { id?: number; fileName: string; plan: Plan }): Reply {
  const { plan } = preview;
  const matches = plan.rows.filter((r) => r.action === 'match');
  const sections = [
    section(say(turn, 'section.import.unknown'), plan.unknownColumns.map((c) => (turn.locale === "zh-CN" ? `「${c}」` : `“${c}”`))),
    section(
      say(turn, 'section.import.matches'),
      matches.map((r) => say(turn, 'text.import.match', { row: r.row, name: r.match!.name, code: r.match!.code, by: label(turn.locale, 'import_by', r.match!.by) })),
    ),
    section(say(turn, 'section.import.same'), plan.rows.filter((r) => r.action === 'same').map((r) => say(turn, 'text.import.same', { row: r.row, sameAs: r.sameAs! }))),
    section(say(turn, 'section.import.refused'), plan.rows.flatMap((r) => (r.action === 'refuse' ? r.problems.map((p) => note(turn, r.row, p)) : []))),
    section(say(turn, 'section.import.warnings'), plan.rows.flatMap((r) => (r.action !== 'refuse' ? r.warnings.map((w) => note(turn, r.row, w)) : []))),
  ].filter((s) => s.items.length);
  const id = preview.id;
  return {
    tone: plan.counts.refuse ? 'warning' : 'info',
    title: say(turn, 'title.import.preview', { file: preview.fileName }),
    text: say(turn, 'text.import.counts', { ...plan.counts }) + (turn.locale === 'zh-CN' ? '' : ' ') + say(turn, 'text.import.header', { row: plan.headerRow }),
    sections,
    buttons:
      id === undefined
        ? []
        : [
            ...(plan.counts.create + plan.counts.same + plan.counts.match > 0 ? [button(turn, 'button.import', { kind: 'customer.import.run', id, merge: false }, { style: 'primary' })] : []),
            ...(matches.length ? [button(turn, 'button.import_merge', { kind: 'customer.import.run', id, merge: true })] : []),
            button(turn, 'button.cancel', { kind: 'customer.import.cancel', id }),
          ],
    visibility: 'private',
    ...(id !== undefined ? { subject: `import:${id}` } : {}),
  };
}

export function importDoneReply(turn: Speaker, fileName: string, r: RunResult, again: boolean): Reply {
  return {
    tone: 'success',
    title: say(turn, 'title.import.done', { file: fileName }),
    text: say(turn, 'text.import.done', { created: r.created, merged: r.merged, skipped: r.skipped, refused: r.refused, contacts: r.contactsAdded }),
    ...(again ? { notices: [say(turn, 'text.import.again')] } : {}),
    visibility: 'private',
    replaceOriginal: true,
  };
}

/** The answer to `/customer export` and, for the asker's direct messages, the file itself. */
export function exportReplies(turn: Turn, file: { fileName: string; bytes: Uint8Array; customers: number; rows: number }): Reply {
  const counts = { file: file.fileName, customers: file.customers, rows: file.rows };
  return {
    tone: 'success',
    title: say(turn, 'title.export.done', counts),
    text: say(turn, 'text.export.sent', counts),
    visibility: 'private',
    followUps: [
      {
        to: { userId: turn.ctx.actor.userId },
        // The asker waits for the file: it is not put off, and a due list could not carry it.
        urgent: true,
        reply: { tone: 'info', title: say(turn, 'title.export.file', counts), text: say(turn, 'text.export.file', counts), files: [{ fileName: file.fileName, bytes: file.bytes }], visibility: 'private', locale: turn.locale },
      },
    ],
  };
}
