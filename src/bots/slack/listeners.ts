// Slack payloads in, Replies out. Commands and clicks are acknowledged once the handler has made
// them durable: stored on arrival (src/intents/intake.ts) or committed (or at 2 s, within Slack's
// 3-second rule; src/bots/ack.ts); nothing here knows CRM rules.
import { createHash } from 'node:crypto';
import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { ButtonAction, Reply } from '../../intents/reply.ts';
import type { Channel, Intent, Mood } from '../../intents/intent.ts';
import type { Invocation, Progress } from '../../intents/invocation.ts';
import type { Logger } from '../../logger.ts';
import { ackOnAccept } from '../ack.ts';
import { fallbackText, toBlocks } from './blocks.ts';
import { slackCommandText } from './command-text.ts';
import type { SharedFileMessage } from './files.ts';
import { inputModal, logModal } from './modals.ts';
import { postResponse, responseBody, type SlackAddress } from './respond.ts';
import { uploadImages } from './images.ts';

export interface SlackDoor {
  handler: (inv: Invocation, progress?: Progress) => Promise<Reply>;
  profile: (userId: string) => Promise<Invocation['profile']>;
  log: Logger;
  now: () => Date;
  /** Fetches a shared file's bytes with the bot token (src/bots/slack/files.ts); without it uploads are ignored. */
  download?: (url: string, maxBytes: number) => Promise<Uint8Array>;
}

type Payload = { team_id?: string; team?: { id?: string }; user_id?: string; user?: { id?: string }; channel_id?: string; channel?: { id?: string } };
const teamOf = (b: Payload) => b.team_id ?? b.team?.id ?? '';
const userOf = (b: Payload) => b.user_id ?? b.user?.id ?? '';

function asMessage(reply: Reply) {
  return { text: fallbackText(reply), blocks: toBlocks(reply) as never };
}

const postTo = (url: string, body: object) => postResponse(url, body);
const address = (url: string | undefined, kind: 'command' | 'action', channel?: string) => (url ? JSON.stringify({ url, kind, ...(channel ? { channel } : {}) } satisfies SlackAddress) : undefined);

export function registerListeners(app: App, door: SlackDoor): void {
  // With replyTo the answer goes out through the outbox (written with the effect); a duplicate
  // delivery comes back queued and is not answered again.
  const ask = async (b: Payload, input: Invocation['input'], deliveryKey?: string, replyTo?: string, progress?: Progress, more?: Pick<Invocation, 'refusalsInline'>) =>
    door.handler({ door: 'slack', workspaceId: teamOf(b), externalUserId: userOf(b), profile: await door.profile(userOf(b)), channelId: b.channel_id ?? b.channel?.id, input, deliveryKey, replyTo, receivedAt: door.now(), ...more }, progress);

  app.command(/^\/(log|customer|customers|tasks|task|quote|quotes|crm|pool)$/, async ({ command, ack, client }) => {
    // Slack always names the person and workspace; a command without them is nobody's and does nothing.
    if (!command.user_id || !command.team_id || typeof command.text !== 'string') return void (await ack());
    if (command.command === '/log' && !command.text.trim()) {
      await ack();
      await client.views.open({ trigger_id: command.trigger_id, view: logModal({ channel: command.channel_id, response_url: command.response_url }) as never });
      return;
    }
    const { text, mentions } = slackCommandText(command.text);
    const input = { kind: 'text' as const, text: `${command.command} ${text}`.trim(), ...(mentions.length ? { mentions } : {}) };
    const acked = ackOnAccept(ack);
    try {
      const reply = await ask(command, input, `cmd:${command.trigger_id}`, address(command.response_url, 'command', command.channel_id), acked);
      acked.now();
      if (!reply.queued) {
        await postTo(command.response_url, responseBody(reply, 'command'));
        if (reply.images?.length) await uploadImages(client, reply, { channel: command.channel_id });
      }
    } finally {
      acked.now();
    }
  });

  app.action(/^crm:/, async ({ ack, body, action, client }) => {
    const acked = ackOnAccept(ack);
    try {
      await click(body, action, client, acked);
    } finally {
      acked.now();
    }
  });

  const click = async (body: unknown, action: unknown, client: WebClient, acked: ReturnType<typeof ackOnAccept>) => {
    const a = action as { value?: string; action_ts?: string };
    let parsed: ButtonAction & { input?: { name: string; label: string } };
    try {
      parsed = JSON.parse(a.value ?? '');
    } catch {
      return;
    }
    const b = body as Payload & { trigger_id?: string; response_url?: string; container?: { type?: string; message_ts?: string; channel_id?: string } };
    const { input, ...button } = parsed;
    if (input && b.trigger_id) {
      acked.now();
      await client.views.open({ trigger_id: b.trigger_id, view: inputModal({ label: input.label, action: button, input }, { button, name: input.name, response_url: b.response_url, user: userOf(b), team: teamOf(b) }) as never });
      return;
    }
    // A click in the Home tab has no response_url: the answer is the Home tab drawn again.
    const inHome = b.container?.type === 'view' || !b.response_url;
    const reply = await ask(b, { kind: 'action', action: button }, `act:${userOf(b)}:${a.action_ts ?? ''}`, inHome ? undefined : address(b.response_url, 'action'), acked);
    acked.now();
    if (inHome) return void (await publishHome(client, b));
    if (!reply.queued) await postTo(b.response_url!, responseBody(reply, 'action'));
  };

  // A reason typed in a modal finishes the click that asked for it.
  app.view('crm_input', async ({ ack, body, view }) => {
    const meta = JSON.parse(view.private_metadata || '{}') as { button: ButtonAction; name: string; response_url?: string };
    const value = (view.state.values.input?.value?.value ?? '').trim();
    if (!value) return void (await ack({ response_action: 'errors', errors: { input: '?' } }));
    const acked = ackOnAccept(() => ack());
    try {
      const reply = await ask(body as Payload, { kind: 'action', action: meta.button, values: { [meta.name]: value } }, submissionKey(body.view.id, view.state.values), address(meta.response_url, 'action'), acked);
      acked.now();
      if (meta.response_url && !reply.queued) await postTo(meta.response_url, responseBody(reply, 'action'));
    } finally {
      acked.now();
    }
  });

  // /log as a form: problems are shown on the field; the form reaches the handler as the log intent.
  app.view('crm_log', async ({ ack, body, view, client }) => {
    const v = view.state.values;
    const customer = v.customer?.value?.selected_option?.value ?? '';
    const channel = v.channel?.value?.selected_option?.value ?? 'call';
    const notes = (v.notes?.value?.value ?? '').trim();
    const mood = v.mood?.value?.selected_option?.value;
    const next = (v.next?.value?.value ?? '').trim();
    // The fields are the intent: a note that says "next:" or "mood:" stays a note.
    const intent = { kind: 'log', customerText: customer, summary: notes, channel: channel as Channel, ...(mood ? { mood: mood as Mood } : {}), ...(next ? { nextStep: { text: next } } : {}) } satisfies Intent;
    // The answer goes where the command was typed (its response_url), else to the person's DM,
    // through the outbox like every other answer; a refusal is shown on its field instead.
    const meta = JSON.parse(view.private_metadata || '{}') as { response_url?: string };
    const replyTo = address(meta.response_url, 'command') ?? JSON.stringify({ kind: 'dm', channel: userOf(body as Payload) } satisfies SlackAddress);
    const reply = await ask(body as Payload, { kind: 'intent', intent }, submissionKey(body.view.id, v), replyTo, undefined, { refusalsInline: true });
    if (reply.tone === 'error') return void (await ack({ response_action: 'errors', errors: { [errorField(reply)]: fallbackText(reply).slice(0, 150) } }));
    await ack();
    if (reply.queued) return;
    if (meta.response_url) await postTo(meta.response_url, { response_type: 'ephemeral', ...asMessage(reply) });
    else await client.chat.postMessage({ channel: userOf(body as Payload), ...asMessage(reply) });
  });

  // The customer picker searches as you type.
  app.options({ action_id: 'value' }, async ({ ack, body, payload }) => {
    const q = (payload as { value?: string }).value ?? '';
    const reply = await ask(body as Payload, { kind: 'intent', intent: { kind: 'customer.find', query: q } });
    const options = (reply.sections ?? []).flatMap((s) => s.items).slice(0, 20).flatMap((item) => {
      const code = item.buttons?.find((b) => b.action.action === 'customer.show')?.action.id;
      return code ? [{ text: { type: 'plain_text' as const, text: item.text.slice(0, 75) }, value: code }] : [];
    });
    await ack({ options } as never);
  });

  // My day (overdue and today's tasks with Done / Snooze, open quotes, customers due by cadence)
  // and the pool (Claim); views allow 100 blocks.
  const publishHome = async (client: WebClient, b: Payload) => {
    const [home, pool] = await Promise.all([ask(b, { kind: 'intent', intent: { kind: 'home' } }), ask(b, { kind: 'intent', intent: { kind: 'tasks.list', scope: 'pool' } })]);
    const blocks = [...toBlocks(home), { type: 'divider' }, ...toBlocks(pool)].slice(0, 100);
    await client.views.publish({ user_id: userOf(b), view: { type: 'home', blocks } as never });
  };

  // A file shared with the bot in its DM is a customer file to import. The handler fetches it only
  // for someone who may import; the dry run goes out through the outbox (replyTo), so a retried
  // event delivery neither plans twice nor posts twice.
  app.event('message', async ({ event, body, client }) => {
    const m = event as unknown as SharedFileMessage;
    const file = m.files?.[0];
    if (m.subtype !== 'file_share' || m.channel_type !== 'im' || m.bot_id || !m.user || !m.channel || !file || !door.download) return;
    const url = file.url_private_download ?? file.url_private;
    const download = (max: number) => (url ? door.download!(url, max) : Promise.reject(new Error('no download URL')));
    const e = body as { team_id?: string; event_id?: string };
    const reply = await ask(
      { team_id: e.team_id, user_id: m.user, channel_id: m.channel },
      { kind: 'file', fileName: file.name ?? 'file', size: file.size, download },
      `evt:${e.event_id ?? `${m.channel}:${m.ts}`}`,
      JSON.stringify({ kind: 'dm', channel: m.channel } satisfies SlackAddress),
    );
    if (!reply.queued) await client.chat.postMessage({ channel: m.channel, ...asMessage(reply) });
  });

  app.event('app_home_opened', async ({ event, body, client }) => {
    if ((event as { tab?: string }).tab === 'messages') return;
    await publishHome(client, { team_id: (body as { team_id?: string }).team_id, user_id: event.user });
  });
}

/**
 * A modal keeps its view id across submissions: after an inline error the corrected form comes back
 * under the same id. Keying on the id alone would replay the stored refusal forever, so the key is
 * the id plus what was submitted: a true redelivery matches, a corrected form does not.
 */
function submissionKey(viewId: string, values: unknown): string {
  return `view:${viewId}:${createHash('sha256').update(JSON.stringify(values)).digest('base64url').slice(0, 22)}`;
}

function errorField(reply: Reply): string {
  const t = `${reply.title ?? ''} ${reply.text ?? ''}`.toLowerCase();
  if (/customer|客户/.test(t)) return 'customer';
  if (/mood|情绪/.test(t)) return 'mood';
  if (/date|日期|next|下一步/.test(t)) return 'next';
  return 'notes';
}
