// Two approvers at once, one approving by button and one rejecting through the reason modal:
// exactly one decision is stored, the other person is told who beat them, every card copy updates.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buttonsOf, slackWorld, type SlackWorld } from './harness.ts';

let w: SlackWorld;
beforeAll(async () => {
  w = await slackWorld();
  w.fake.users.set('UREP', { real_name: 'Sam Carter', tz: 'Asia/Shanghai', locale: 'en-US' });
  w.fake.users.set('UMGR', { real_name: 'Mei Chen', tz: 'Asia/Shanghai', locale: 'en-US' });
  w.fake.users.set('UMGR2', { real_name: 'Omar Diaz', tz: 'America/New_York', locale: 'en-US' });
  w.fake.users.set('UADMIN', { real_name: 'Dana Reyes', tz: 'Asia/Shanghai', locale: 'en-US' });
  for (const u of ['UADMIN', 'UMGR', 'UMGR2']) await w.post(w.command(u, '/crm', 'whoami').body);
  // Omar is in New York, where the test's hour is Sunday night: his quiet hours would hold the card.
  await w.post(w.command('UMGR2', '/crm', 'notify quiet off').body);
  await w.settle();
  await w.post(w.command('UADMIN', '/crm', 'role <@UMGR|mei> manager').body);
  await w.post(w.command('UADMIN', '/crm', 'role <@UMGR2|omar> manager').body);
  await w.post(w.command('UREP', '/customer', 'add Globex tier:B').body);
  await w.settle();
});
afterAll(() => w?.close());

const answersAt = (url: string) => JSON.stringify(w.fake.responses.filter((r) => r.url === url).map((r) => r.body));

for (const round of [1, 2]) {
  it(`approve click and reject modal race (round ${round}): one decision`, async () => {
    await w.post(w.command('UREP', '/quote', `new Globex ${round * 3} x Widget @ 250 discount 10%`).body);
    await w.settle();
    const quote = await w.db.prisma.quote.findFirstOrThrow({ where: { status: 'draft' } });
    w.fake.calls.length = 0;
    await w.post(w.command('UREP', '/quote', `submit ${quote.id}`).body);
    await w.settle(300);
    const cards = w.fake.called('chat.postMessage');
    const meiCard = cards.find((c) => c.args.channel === 'DUMGR')!;
    const omarCard = cards.find((c) => c.args.channel === 'DUMGR2')!;
    const approve = buttonsOf(meiCard.args.blocks).find((b) => JSON.parse(b.value).action === 'quote.approve')!;
    const reject = buttonsOf(omarCard.args.blocks).find((b) => JSON.parse(b.value).action === 'quote.reject')!;

    // Omar presses Reject: a modal asks for the reason; nothing is decided yet.
    const rejectClick = w.click('UMGR2', reject, String(omarCard.args.ts));
    await w.post(rejectClick.body);
    await w.settle();
    const modal = w.fake.called('views.open').at(-1)!.args.view as { callback_id: string; private_metadata: string };
    expect((await w.db.prisma.quote.findUniqueOrThrow({ where: { id: quote.id } })).status).toBe('pending');

    const submission = {
      type: 'view_submission',
      team: { id: 'T1', domain: 'acme' },
      user: { id: 'UMGR2', username: 'omar', name: 'omar', team_id: 'T1' },
      api_app_id: 'A1',
      trigger_id: `${round}.9.reject`,
      view: {
        id: `VREJECT${round}`, team_id: 'T1', type: 'modal', callback_id: modal.callback_id, private_metadata: modal.private_metadata, hash: '1.a',
        state: { values: { input: { value: { type: 'plain_text_input', value: 'Discount too deep for a B customer' } } } },
      },
      response_urls: [],
    };
    const meiClick = w.click('UMGR', approve, String(meiCard.args.ts));
    w.fake.calls.length = 0;
    const [a, b] = await Promise.all([w.post(meiClick.body), w.post(new URLSearchParams({ payload: JSON.stringify(submission) }).toString())]);
    expect([a.status, b.status]).toEqual([200, 200]);
    await w.settle(400);

    const decided = await w.db.prisma.quote.findUniqueOrThrow({ where: { id: quote.id }, include: { decidedBy: true } });
    expect(['approved', 'rejected']).toContain(decided.status);
    expect(await w.db.prisma.auditEvent.count({ where: { entity: 'quote', entityId: String(quote.id), action: { in: ['approve', 'reject'] } } })).toBe(1);
    const winner = decided.decidedBy!.displayName;
    const loserAnswers = winner === 'Mei Chen' ? answersAt(rejectClick.responseUrl) : answersAt(meiClick.responseUrl);
    expect(loserAnswers).toContain(winner);
    if (decided.status === 'rejected') expect(decided.decisionReason ?? '').toContain('Discount too deep');
    // Every copy of the card now shows the decision without buttons; the rep got a message.
    const updates = w.fake.called('chat.update');
    expect(updates.map((u) => u.args.channel).sort()).toEqual(['DUADMIN', 'DUMGR', 'DUMGR2']);
    expect(updates.every((u) => buttonsOf(u.args.blocks).length === 0)).toBe(true);
    expect(w.fake.called('chat.postMessage').filter((c) => c.args.channel === 'DUREP')).toHaveLength(1);
  });
}
