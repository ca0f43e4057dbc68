// The neutral mention form: only doors make tokens, a token points into the message's own mention
// list, and marks typed by hand are dropped before the grammar sees them.
import { describe, expect, it } from 'vitest';
import { feishuMentions } from '../../src/bots/feishu/mentions.ts';
import { slackCommandText } from '../../src/bots/slack/command-text.ts';
import { genuineTokens, mentionIndex, mentionText, userQuery } from '../../src/intents/mention.ts';

const T = (i: number) => `@\uE000${i}\uE001`;

describe('mention tokens', () => {
  it('a door’s text keeps its tokens and loses every mark the person typed', () => {
    const { text, mentions } = mentionText(['/task reassign 12 ', { externalId: 'U1', name: 'mei' }, ` and ${T(0)} \uE001\uE000`]);
    expect(mentions).toEqual([{ externalId: 'U1', name: 'mei' }]);
    expect(text.match(/\uE000/g)).toHaveLength(1);
    expect(text).toContain(` ${T(0)} `);
  });

  it('the handler keeps a token only when it points at a mention of this message', () => {
    expect(genuineTokens(`/crm role ${T(0)} manager`, [])).toBe('/crm role  manager');
    expect(genuineTokens(`/crm role ${T(1)} ${T(0)}\uE000`, [{ externalId: 'U1' }])).toBe(`/crm role  ${T(0)}`);
    expect(userQuery('slack', [{ externalId: 'U1', name: 'mei' }], T(0))).toEqual({ platform: 'slack', externalId: 'U1', name: 'mei' });
    expect(userQuery('slack', [], T(0))).toEqual({ platform: 'slack', externalId: '' });
    expect(userQuery('slack', [{ externalId: 'U1' }], '@mei')).toBe('@mei');
    expect(mentionIndex(`\uE0002\uE001`)).toBe(2);
  });
});

describe('Slack command text (should_escape: true)', () => {
  it('turns <@U…|name> into a mention, shows channels and links as text, and unescapes what was typed', () => {
    const got = slackCommandText('reassign 12 <@U0MEI|mei> in <#C1|sales> see <https://x.example|the deck> &lt;@U0BOSS&gt; R&amp;D <!here> <@W0LEE>');
    expect(got.mentions).toEqual([{ externalId: 'U0MEI', name: 'mei' }, { externalId: 'W0LEE' }]);
    expect(got.text).toBe(`reassign 12  ${T(0)}  in #sales see the deck <@U0BOSS> R&D here  ${T(1)}`);
  });
});

describe('Feishu message mentions', () => {
  const mei = { key: '@_user_2', id: { open_id: 'ou_mei' }, name: 'Mei' };
  it('drops the bot’s own @ (and says it was there), turns the others into mentions, ignores @_all', () => {
    const got = feishuMentions('@_user_1 /task reassign 12 @_user_2 @_all', [{ key: '@_user_1', id: { open_id: 'ou_bot' }, name: 'CRM' }, mei, { key: '@_all' }], 'ou_bot');
    expect(got).toEqual({ text: `/task reassign 12 ${T(0)}`, mentions: [{ externalId: 'ou_mei', name: 'Mei' }], forBot: true });
  });
  it('a message that mentions only someone else is not for the bot; @_user_1 is not read inside @_user_10', () => {
    const ten = { key: '@_user_10', id: { open_id: 'ou_ten' }, name: 'Ten' };
    const got = feishuMentions('@_user_10 hi', [{ key: '@_user_1', id: { open_id: 'ou_one' } }, ten], 'ou_bot');
    expect(got.forBot).toBe(false);
    expect(got.mentions).toEqual([{ externalId: 'ou_ten', name: 'Ten' }]);
  });
});

describe('a refusal quoting a mention', () => {
  it('shows the picked name, never the token', async () => {
    const { showMentions } = await import('../../src/intents/mention.ts');
    expect(showMentions(`${T(0)} ${T(1)} x`, [{ externalId: 'U1', name: 'mei' }])).toBe('@mei @? x');
  });
});
