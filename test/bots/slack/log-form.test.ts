// The /log form reaches the handler as the log intent, not as a command the door wrote: what the
// rep typed in "What was said" is the note, whatever words it holds, and a forged select value is
// refused on its field.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slackWorld, type SlackWorld } from './harness.ts';

const USER = 'U2147483697';
type Submission = { view: { id: string; private_metadata: string; state: { values: Record<string, { value: Record<string, unknown> }> } } };
const submission = (id: string, code: string, fields: { notes: string; mood?: string | null; next?: string }): Submission => {
  const s = JSON.parse(readFileSync(new URL('../../fixtures/slack/view-submission-log.json', import.meta.url), 'utf8').replaceAll('"T0001"', '"T1"')) as Submission;
  s.view.id = id;
  const v = s.view.state.values;
  (v.customer!.value.selected_option as { value: string }).value = code;
  v.notes!.value.value = fields.notes;
  v.mood!.value.selected_option = fields.mood ? { text: { type: 'plain_text', text: fields.mood }, value: fields.mood } : null;
  v.next!.value.value = fields.next ?? null;
  return s;
};
const asForm = (payload: unknown) => new URLSearchParams({ payload: JSON.stringify(payload) }).toString();

describe('the /log form as structured input', () => {
  let w: SlackWorld;
  let code = '';
  beforeAll(async () => {
    w = await slackWorld();
    w.fake.users.set(USER, { real_name: 'Steve Rogers', tz: 'America/New_York', locale: 'en-US' });
    await w.post(w.command(USER, '/customer', 'add Form Works tier:B').body);
    await w.settle();
    code = (await w.db.prisma.customer.findFirstOrThrow()).code;
  });
  afterAll(() => w?.close());

  it('notes that say "next:" and "mood:" are stored as said; no task, no mood read from them', async () => {
    const notes = 'They asked what comes next: a pilot. mood: cautious, budget "tight"';
    const res = await w.post(asForm(submission('V0FORM1', code, { notes })));
    expect(res.status).toBe(200);
    expect(res.text).not.toContain('errors');
    await w.settle(300);
    const logged = await w.db.prisma.interaction.findFirstOrThrow();
    expect(logged.summary).toBe(notes);
    expect(logged.mood).toBeNull();
    expect(await w.db.prisma.task.count()).toBe(0);
  });

  it('the next-step field alone makes the task, and the picked mood is kept', async () => {
    const res = await w.post(asForm(submission('V0FORM2', code, { notes: 'Demo went well', mood: 'positive', next: 'send proposal Friday 3pm' })));
    expect(res.status).toBe(200);
    await w.settle(300);
    const logged = await w.db.prisma.interaction.findFirstOrThrow({ where: { summary: 'Demo went well' } });
    expect(logged.mood).toBe('positive');
    const task = await w.db.prisma.task.findFirstOrThrow();
    expect(task.title).toBe('send proposal');
    expect(task.dueAt?.toISOString()).toBe('2026-11-27T20:00:00.000Z');
  });

  it('the form\'s answer goes out through the outbox: a response_url failing three times still gets it once, from the row', async () => {
    const s = submission('V0FORM4', code, { notes: 'Outbox call' });
    s.view.private_metadata = JSON.stringify({ response_url: w.fake.respondUrl('form-4') });
    w.fake.fail('respond', 'status500', 3);
    const res = await w.post(asForm(s));
    expect(res.text).not.toContain('errors');
    await w.settle(300);
    expect(w.fake.responses.filter((r) => r.url === '/respond/form-4')).toHaveLength(0);
    const row = await w.db.prisma.outboxMessage.findFirstOrThrow({ where: { key: { startsWith: 'slack:view:V0FORM4' } } });
    expect(row.status).toBe('failed');
    await w.outbox.sweep();
    const answers = w.fake.responses.filter((r) => r.url === '/respond/form-4');
    expect(answers).toHaveLength(1);
    expect(JSON.stringify(answers[0]!.body)).toMatch(/Logged/);
    expect(answers[0]!.body.response_type).toBe('ephemeral');
    await w.outbox.sweep();
    expect(w.fake.responses.filter((r) => r.url === '/respond/form-4')).toHaveLength(1);
  });

  it('a select value the form never offered is refused on its field and stores nothing', async () => {
    const before = await w.db.prisma.interaction.count();
    const res = await w.post(asForm(submission('V0FORM3', code, { notes: 'Fine call', mood: 'furious' })));
    const answer = JSON.parse(res.text) as { response_action?: string; errors?: Record<string, string> };
    expect(answer.response_action).toBe('errors');
    expect(Object.keys(answer.errors ?? {})).toEqual(['mood']);
    expect(await w.db.prisma.interaction.count()).toBe(before);
  });
});
