// Modals: the one-line reason a button needs (a reject reason), and /log as a form.
import type { ReplyButton } from '../../intents/reply.ts';
import { cut } from './blocks.ts';

export function inputModal(button: ReplyButton, meta: object) {
  return {
    type: 'modal',
    callback_id: 'crm_input',
    title: { type: 'plain_text', text: cut(button.label, 24) },
    submit: { type: 'plain_text', text: 'OK' },
    close: { type: 'plain_text', text: 'Cancel' },
    private_metadata: cut(JSON.stringify(meta), 3000),
    blocks: [{ type: 'input', block_id: 'input', label: { type: 'plain_text', text: cut(button.input?.label ?? button.label, 2000) }, element: { type: 'plain_text_input', action_id: 'value', multiline: true, max_length: 500 } }],
  };
}

const option = (value: string, text: string) => ({ text: { type: 'plain_text', text }, value });

export function logModal(meta: object) {
  const input = (block_id: string, label: string, element: object, optional = false) => ({ type: 'input', block_id, optional, label: { type: 'plain_text', text: label }, element });
  return {
    type: 'modal',
    callback_id: 'crm_log',
    title: { type: 'plain_text', text: 'Log a call' },
    submit: { type: 'plain_text', text: 'Log' },
    private_metadata: cut(JSON.stringify(meta), 3000),
    blocks: [
      input('customer', 'Customer', { type: 'external_select', action_id: 'value', min_query_length: 1, placeholder: { type: 'plain_text', text: 'Type a name' } }),
      input('channel', 'Channel', { type: 'static_select', action_id: 'value', initial_option: option('call', 'Call'), options: ['call', 'visit', 'email', 'meeting', 'wechat', 'expo', 'other'].map((c) => option(c, c[0]!.toUpperCase() + c.slice(1))) }),
      input('notes', 'What was said', { type: 'plain_text_input', action_id: 'value', multiline: true, max_length: 2000 }),
      input('mood', 'Mood', { type: 'static_select', action_id: 'value', options: ['positive', 'neutral', 'hesitant', 'negative'].map((m) => option(m, m)) }, true),
      input('next', 'Next step, with its date in words', { type: 'plain_text_input', action_id: 'value', placeholder: { type: 'plain_text', text: 'send proposal Friday 3pm' } }, true),
    ],
  };
}
