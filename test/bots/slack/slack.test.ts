import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS, toBlocks } from '../../../src/bots/slack/blocks.ts';
import { slackSignature, verifySlackRequest } from '../../../src/bots/slack/verify.ts';
import { buttonsOf, SECRET, slackWorld, type SlackWorld } from './harness.ts';

describe('Slack signing', () => {
  it('matches Slack’s documented example', () => {
    const body =
      'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
    expect(slackSignature('8f742231b10e8888abcd99yyyzzz85a5', '1531420618', body)).toBe('v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503');
    expect(verifySlackRequest('8f742231b10e8888abcd99yyyzzz85a5', { timestamp: '1531420618', signature: 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503' }, body, 1531420618_000)).toEqual({ ok: true });
  });
});

describe('Block Kit within limits by construction', () => {
  it('cuts long text at a word, caps blocks at 50 and button labels at 75', () => {
    const reply = {
      tone: 'info' as const,
      title: 'T'.repeat(400),
      text: 'word '.repeat(2000),
      sections: [{ heading: 'Many', items: Array.from({ length: 120 }, (_, i) => ({ text: `item ${i}`, buttons: [{ label: 'L'.repeat(200), action: { action: 'task.done', id: String(i) } }] })) }],
      visibility: 'private' as const,
    };
    const blocks = toBlocks(reply) as Array<{ type: string; text?: { text: string } }>;
    expect(blocks.length).toBeLessThanOrEqual(LIMITS.blocks);
    expect(blocks[0]!.text!.text.length).toBeLessThanOrEqual(150);
    expect(blocks[1]!.text!.text.length).toBeLessThanOrEqual(3000);
    expect(blocks[1]!.text!.text.endsWith('word…')).toBe(true);
    expect(buttonsOf(blocks).every((b) => b.text.text.length <= 75 && b.value.length <= 2000)).toBe(true);
    expect(JSON.stringify(blocks)).toMatch(/… \+\d+|and \d+ more/);
  });
});

describe('the Slack door over HTTP through the real Bolt app', () => {
  let w: SlackWorld;
  beforeAll(async () => {
    w = await slackWorld();
    w.fake.users.set('UREP', { real_name: 'Sam Carter', tz: 'Asia/Shanghai', locale: 'en-US' });
    w.fake.users.set('UMGR', { real_name: 'Mei Chen', tz: 'Asia/Shanghai', locale: 'zh-CN' });
    w.fake.users.set('UMGR2', { real_name: 'Omar Diaz', tz: 'America/New_York', locale: 'en-US' });
    w.fake.users.set('UADMIN', { real_name: 'Dana Reyes', tz: 'Asia/Shanghai', locale: 'en-US' });
  });
  afterAll(() => w?.close());

  const respondedAt = (url: string) => w.fake.responses.filter((r) => r.url === url).map((r) => r.body);

  it('refuses forged, stale and future-dated requests with 401 and touches nothing', async () => {
    const c = w.command('UREP', '/customer', 'add Forged Co');
    const now = Math.floor(Date.now() / 1000);
    expect((await w.post(c.body, { signature: 'v0=' + '0'.repeat(64) })).status).toBe(401);
    expect((await w.post(c.body, { timestamp: now - 6 * 60 })).status).toBe(401);
    expect((await w.post(c.body, { timestamp: now + 6 * 60 })).status).toBe(401);
    expect((await w.post(c.body, { signature: slackSignature('wrong', String(now), c.body), timestamp: now })).status).toBe(401);
    const tampered = w.command('UREP', '/customer', 'add Tampered Co');
    const signed = slackSignature(SECRET, String(now), c.body);
    expect((await w.post(tampered.body, { timestamp: now, signature: signed })).status).toBe(401);
    await w.settle();
    expect(await w.db.prisma.customer.count()).toBe(0);
    expect(await w.db.prisma.user.count()).toBe(0);
  });

  it('/log: acks, stores the interaction and its task, answers with Undo and Mark done; users.info provisioned the rep', async () => {
    const add = w.command('UREP', '/customer', 'add Acme Robotics tier:A industry:manufacturing source:expo');
    expect((await w.post(add.body)).status).toBe(200);
    await w.settle();
    const log = w.command('UREP', '/log', 'Acme call: walked through pricing, they want a demo. next: send proposal Friday 3pm');
    const res = await w.post(log.body);
    expect(res.status).toBe(200);
    await w.settle();
    const [answer] = respondedAt(log.responseUrl);
    expect(answer?.response_type).toBe('ephemeral');
    expect(buttonsOf(answer?.blocks).map((b) => JSON.parse(b.value).action)).toEqual(['task.done', 'interaction.undo']);
    const task = await w.db.prisma.task.findFirstOrThrow({ include: { owner: true } });
    expect(task.dueAt?.toISOString()).toBe('2026-11-27T07:00:00.000Z');
    expect(task.owner?.displayName).toBe('Sam Carter');
    expect((await w.db.prisma.user.findFirstOrThrow({ where: { displayName: 'Sam Carter' } })).timeZone).toBe('Asia/Shanghai');
  });

  it('a redelivered command changes nothing twice', async () => {
    const before = await w.db.prisma.interaction.count();
    const log = w.command('UREP', '/log', 'Acme email: sent the deck');
    await w.post(log.body);
    await w.post(log.body, { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    await w.settle();
    expect(await w.db.prisma.interaction.count()).toBe(before + 1);
  });

  it('quote approval: the manager gets a card, approves it in place, the card updates and the rep is told; a second approver sees who beat them', async () => {
    await w.post(w.command('UADMIN', '/crm', 'whoami').body);
    await w.post(w.command('UMGR', '/crm', 'whoami').body);
    await w.post(w.command('UMGR2', '/crm', 'whoami').body);
    // Omar is in New York, where the test's hour is Sunday night: his quiet hours would hold the card.
    await w.post(w.command('UMGR2', '/crm', 'notify quiet off').body);
    await w.settle();
    await w.post(w.command('UADMIN', '/crm', 'role <@UMGR|mei> manager').body);
    await w.post(w.command('UADMIN', '/crm', 'role <@UMGR2|omar> manager').body);
    await w.post(w.command('UREP', '/quote', 'new Acme 10 x "Pro license" @ 1200 discount 5%').body);
    await w.settle();
    const quote = await w.db.prisma.quote.findFirstOrThrow();
    w.fake.calls.length = 0;
    await w.post(w.command('UREP', '/quote', `submit ${quote.id}`).body);
    await w.settle(300);
    const cards = w.fake.called('chat.postMessage');
    const toMei = cards.find((c) => c.args.channel === 'DUMGR')!;
    expect(toMei).toBeDefined();
    const [approve] = buttonsOf(toMei.args.blocks);
    expect(JSON.parse(approve!.value).action).toBe('quote.approve');
    const toOmar = cards.find((c) => c.args.channel === 'DUMGR2')!;
    const [approveToo, rejectToo] = buttonsOf(toOmar.args.blocks);
    w.fake.calls.length = 0;
    // Both managers click at once: one approves, one rejects.
    const meiClick = w.click('UMGR', approve!, String(toMei.args.ts ?? '1'));
    const omarClick = w.click('UMGR2', approveToo!);
    const [a, b] = await Promise.all([w.post(meiClick.body), w.post(omarClick.body)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    await w.settle(400);
    const decided = await w.db.prisma.quote.findUniqueOrThrow({ where: { id: quote.id }, include: { decidedBy: true } });
    expect(decided.status).toBe('approved');
    const winner = decided.decidedBy!.displayName;
    const loserUrl = winner === 'Mei Chen' ? omarClick.responseUrl : meiClick.responseUrl;
    expect(JSON.stringify(respondedAt(loserUrl))).toContain(winner);
    // Every posted approval card is updated in place without buttons; the rep hears about it.
    const updates = w.fake.called('chat.update');
    const approvalCards = cards.filter((c) => buttonsOf(c.args.blocks).some((b) => JSON.parse(b.value).action === 'quote.approve'));
    expect(approvalCards.map((c) => c.args.channel).sort()).toEqual(['DUADMIN', 'DUMGR', 'DUMGR2']);
    expect(updates.map((u) => u.args.channel).sort()).toEqual(['DUADMIN', 'DUMGR', 'DUMGR2']);
    expect(updates.every((u) => buttonsOf(u.args.blocks).length === 0)).toBe(true);
    expect(w.fake.called('chat.postMessage').some((c) => c.args.channel === 'DUREP')).toBe(true);
    expect(rejectToo).toBeDefined();
  });

  it('Reject asks for a reason in a modal first', async () => {
    await w.post(w.command('UREP', '/quote', 'new Acme 1 x Support @ 500').body);
    await w.settle();
    const q = await w.db.prisma.quote.findFirstOrThrow({ where: { status: 'draft' } });
    w.fake.calls.length = 0;
    await w.post(w.command('UREP', '/quote', `submit ${q.id}`).body);
    await w.settle(300);
    const card = w.fake.called('chat.postMessage').find((c) => c.args.channel === 'DUMGR')!;
    const reject = buttonsOf(card.args.blocks).find((b) => JSON.parse(b.value).action === 'quote.reject')!;
    await w.post(w.click('UMGR', reject).body);
    await w.settle();
    const modal = w.fake.called('views.open').at(-1)!;
    expect((modal.args.view as { callback_id: string }).callback_id).toBe('crm_input');
    expect((await w.db.prisma.quote.findUniqueOrThrow({ where: { id: q.id } })).status).toBe('pending');
  });

  it('App Home shows my day: tasks due, open quotes, customers due for contact', async () => {
    const event = { token: 't', team_id: 'T1', api_app_id: 'A1', type: 'event_callback', event_id: 'Ev1', event_time: 1, event: { type: 'app_home_opened', user: 'UREP', channel: 'D1', tab: 'home' } };
    const published = () => w.fake.called('views.publish').filter((c) => c.args.user_id === 'UREP');
    const before = published().length;
    expect((await w.post(JSON.stringify(event), { contentType: 'application/json' })).status).toBe(200);
    // The Home tab is published after the ack: wait for it, not for a quiet spell of a guessed length.
    await w.until('the Home tab published', () => published().length > before);
    const publish = published().at(-1)!;
    // My day: open quotes (one is still pending from the reject test) and the shared pool.
    const view = JSON.stringify(publish.args.view);
    expect(view).toContain('Your day');
    expect(view).toContain('Open quotes');
    expect(view).toMatch(/pending approval/);
  });
});
