// The console's own lines around the replies (who is acting, which message is for whom), in the
// reader's language. A reply for someone else is already in their language, so its own text says
// which language the line around it should be in.
import type { Locale } from '../../intents/invocation.ts';
import type { Reply } from '../../intents/reply.ts';

const LINES = {
  en: {
    actingAs: (name: string) => `(now acting as ${name})`,
    actingWithButtons: (name: string, id: string, buttons: string) => `(now acting as ${name}; the buttons of message #${id} work: ${buttons})`,
    noSuchButton: (n: string, count: number) => `(no button [${n}] on the last reply: 1 to ${count})`,
    noButtons: () => '(the last reply has no buttons)',
    notice: (text: string) => `(${text})`,
    image: (title: string) => `[image: ${title}]`,
    saved: (path: string) => `[file saved: ${path}]`,
    more: (count: number) => `… and ${count} more`,
    heading: (text: string) => `${text}:`,
    messageFor: (id: string, to: string) => `── message #${id} for ${to} ──`,
    messageNowReads: (id: string, to: string, now: string) => `── message #${id} for ${to} now reads: ${now} ──`,
  },
  'zh-CN': {
    actingAs: (name: string) => `（当前身份：${name}）`,
    actingWithButtons: (name: string, id: string, buttons: string) => `（当前身份：${name}；消息 #${id} 的按钮可用：${buttons}）`,
    noSuchButton: (n: string, count: number) => `（上一条回复没有按钮 [${n}]，可选 1 到 ${count}）`,
    noButtons: () => '（上一条回复没有按钮）',
    notice: (text: string) => `（${text}）`,
    image: (title: string) => `[图片：${title}]`,
    saved: (path: string) => `[文件已保存：${path}]`,
    more: (count: number) => `…还有 ${count} 项`,
    heading: (text: string) => `${text}：`,
    messageFor: (id: string, to: string) => `── 发给 ${to} 的消息 #${id} ──`,
    messageNowReads: (id: string, to: string, now: string) => `── 发给 ${to} 的消息 #${id} 已更新：${now} ──`,
  },
} as const;

export function chrome(locale: Locale | undefined) {
  return LINES[locale === 'zh-CN' ? 'zh-CN' : 'en'];
}

/** The language a reply is written in, for the lines around a message to someone else. */
export function replyLocale(reply: Pick<Reply, 'title' | 'text'>): Locale {
  return /[\u3400-\u9fff]/.test(`${reply.title ?? ''}${reply.text ?? ''}`) ? 'zh-CN' : 'en';
}
