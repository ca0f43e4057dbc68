// The neutral view every intent answers with. Doors render it (Block Kit, Feishu card JSON 2.0,
// terminal text) and must respect their platform's limits by construction (truncate, "and N more").

/** A button carries an intent, so a click goes back through the same dispatch as a typed command. */
export interface ButtonAction {
  action: string;
  id: string;
  /** The entity's version when the button was drawn, for optimistic concurrency. */
  version?: number;
}

export interface ReplyButton {
  label: string;
  action: ButtonAction;
  style?: 'primary' | 'danger';
  /** The click needs one line of text first (a reject reason): the door asks for it (modal, form input, prompt). */
  input?: { name: string; label: string };
}

export interface ReplyItem {
  text: string;
  buttons?: ReplyButton[];
}

export interface ReplySection {
  heading?: string;
  items: ReplyItem[];
  /** How many more items exist than are listed. */
  more?: number;
}

export interface Reply {
  tone: 'info' | 'success' | 'warning' | 'error';
  title?: string;
  text?: string;
  fields?: { label: string; value: string }[];
  sections?: ReplySection[];
  buttons?: ReplyButton[];
  notices?: string[];
  /** private: only the person who asked sees it; channel: everyone where it was asked. */
  visibility: 'private' | 'channel';
  /** When answering a button click: replace the message that carried the button. */
  replaceOriginal?: boolean;
  /** Messages to other people that this reply caused (approval card to a manager, a decision to the rep). */
  followUps?: OutboundMessage[];
  /** PNG images (charts) for doors that can show them. */
  images?: { title: string; png: Uint8Array }[];
  /** Files handed to the person (an export): chat doors upload them, the console saves them. */
  files?: { fileName: string; bytes: Uint8Array }[];
  /** What this message shows (e.g. 'quote:42'), so a later change can update every copy in place. */
  subject?: string;
  /** The language it is written in, so a door's own words ("… and 3 more") match it. */
  locale?: 'en' | 'zh-CN';
  /** Already written to the outbox for the asker's door to deliver (Invocation.replyTo): the door sends nothing itself. */
  queued?: boolean;
}

export type Recipient =
  | { userId: number }
  | { teamId: number; purpose: 'digest' | 'approvals' }
  /** The person who asked, at the address their door gave (Invocation.replyTo). */
  | { door: 'slack' | 'feishu' | 'console'; address: string };

export interface OutboundMessage {
  to: Recipient;
  reply: Reply;
  /** Update every posted message with this subject instead of (or as well as) posting. */
  updateSubject?: string;
  /** An answer the person is waiting for (the decision on a quote they sent): sent in their quiet hours too. */
  urgent?: boolean;
  /**
   * Asked of this person (an approval card) or theirs at a set hour (the due list): in quiet hours it
   * waits only until they end, and it is never folded, counted or put off to the due list.
   */
  timely?: boolean;
  /** The record a notice is about ('customer:12'); else `reply.subject`. A second one within 5 minutes edits the first. */
  about?: string;
}
