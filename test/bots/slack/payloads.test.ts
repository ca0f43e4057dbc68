// Recorded payloads in Slack's documented shapes (test/fixtures/slack) through the real Bolt app:
// the /log form from an empty command, its customer search as you type, its submission with an
// inline error and then corrected, and a button pressed twice.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buttonsOf, slackWorld, type SlackWorld } from './harness.ts';

// The recorded workspace id becomes the harness's, so every payload comes from the same workspace.
const fixture = <T = Record<string, unknown>>(name: string): T =>
  JSON.parse(readFileSync(new URL(`../../fixtures/slack/${name}.json`, import.meta.url), 'utf8').replaceAll('"T0001"', '"T1"'));
const USER = 'U2147483697';
const asForm = (payload: unknown) => new URLSearchParams({ payload: JSON.stringify(payload) }).toString();

type Submission = { view: { id: string; private_metadata: string; state: { values: Record<string, { value: Record<string, unknown> }> } } };

describe('recorded Slack payloads through the real Bolt app', () => {
  let w: SlackWorld;
  let code = '';
  beforeAll(async () => {
    w = await slackWorld();
    w.fake.users.set(USER, { real_name: 'Steve Rogers', tz: 'America/New_York', locale: 'en-US' });
    await w.post(w.command(USER, '/customer', 'add Acme Robotics tier:A').body);
    await w.settle();
    code = (await w.db.prisma.customer.findFirstOrThrow()).code;
  });
  afterAll(() => w?.close());

  it('an empty /log opens the form with a customer search as you type', async () => {
    const { _note, ...fields } = fixture<Record<string, string>>('slash-command-log-empty');
    const res = await w.post(new URLSearchParams({ ...fields, response_url: w.fake.respondUrl('log-empty') }).toString());
    expect(res.status).toBe(200);
    await w.settle();
    const open = w.fake.called('views.open').at(-1)!;
    expect(open.args.trigger_id).toBe(fields.trigger_id);
    const view = open.args.view as { callback_id: string; blocks: Array<{ block_id: string; element: { type: string } }> };
    expect(view.callback_id).toBe('crm_log');
    expect(view.blocks.find((b) => b.block_id === 'customer')?.element.type).toBe('external_select');
    expect(await w.db.prisma.interaction.count()).toBe(0);
  });

  it('block_suggestion answers matching customers in the HTTP response', async () => {
    const res = await w.post(asForm(fixture('block-suggestion-customer')));
    expect(res.status).toBe(200);
    const { options } = JSON.parse(res.text) as { options: Array<{ text: { text: string }; value: string }> };
    expect(options.length).toBeGreaterThan(0);
    expect(options[0]!.text.text).toContain('Acme Robotics');
    expect(options[0]!.value).toBe(code);
  });

  it('a refused submission shows the error on its field and stores nothing; the corrected one (same modal) is stored', async () => {
    const submission = fixture<Submission>('view-submission-log');
    const values = submission.view.state.values;
    const picked = values.customer!.value.selected_option as { value: string };
    picked.value = 'CUS19990101999';
    submission.view.private_metadata = JSON.stringify({ response_url: w.fake.respondUrl('log-form') });
    const bad = await w.post(asForm(submission));
    expect(bad.status).toBe(200);
    const answer = JSON.parse(bad.text) as { response_action: string; errors: Record<string, string> };
    expect(answer.response_action).toBe('errors');
    expect(Object.keys(answer.errors)).toEqual(['customer']);
    expect(await w.db.prisma.interaction.count()).toBe(0);

    // Same modal (same view id), fixed field: Slack sends a new submission that must not be taken for a retry.
    picked.value = code;
    const good = await w.post(asForm(submission));
    expect(good.status).toBe(200);
    await w.settle(300);
    expect(await w.db.prisma.interaction.count()).toBe(1);
    const task = await w.db.prisma.task.findFirstOrThrow();
    // Friday 15:00 in the rep's zone (America/New_York), from the clock's Monday 2026-11-23.
    expect(task.dueAt?.toISOString()).toBe('2026-11-27T20:00:00.000Z');
    const confirmation = JSON.stringify(w.fake.responses.filter((r) => r.url === '/respond/log-form').at(-1)?.body);
    // The date is echoed back as understood, in the rep's zone.
    expect(confirmation).toContain('send proposal — due Fri, Nov 27, 3:00 PM');
  });

  it('a button pressed twice (the same block_actions delivered again) changes nothing twice', async () => {
    const task = await w.db.prisma.task.findFirstOrThrow();
    const payload = fixture<{ actions: Array<Record<string, string>>; response_url: string }>('block-actions-button');
    payload.actions[0]!.action_id = 'crm:0:task.done';
    payload.actions[0]!.value = JSON.stringify({ action: 'task.done', id: String(task.id) });
    payload.response_url = w.fake.respondUrl('done-twice');
    expect((await w.post(asForm(payload))).status).toBe(200);
    expect((await w.post(asForm(payload), { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } })).status).toBe(200);
    await w.settle(300);
    expect((await w.db.prisma.task.findUniqueOrThrow({ where: { id: task.id } })).status).toBe('done');
    expect(await w.db.prisma.auditEvent.count({ where: { entity: 'task', entityId: String(task.id), action: 'complete' } })).toBe(1);
    const answers = w.fake.responses.filter((r) => r.url === '/respond/done-twice');
    // The redelivery gets only the HTTP ack: the answer was posted once (issue 11).
    expect(answers).toHaveLength(1);
    expect(buttonsOf(answers[0]!.body.blocks).every((b) => b.value.length <= 2000)).toBe(true);
  });

  it('a Snooze click in the Home tab (no response_url) snoozes the task and draws the Home tab again', async () => {
    await w.post(w.command(USER, '/log', 'Acme call: demo booked. next: send contract Friday 10am').body);
    // Conditions, not quiet spells: the command runs after its ack, and under load it may be late.
    await expect.poll(() => w.db.prisma.task.count({ where: { status: 'open', title: 'send contract' } }), { timeout: 20_000 }).toBe(1);
    const task = await w.db.prisma.task.findFirstOrThrow({ where: { status: 'open', title: 'send contract' } });
    const payload = fixture<{ actions: Array<Record<string, string>> }>('block-actions-home');
    payload.actions[0]!.action_id = 'crm:0:task.snooze';
    payload.actions[0]!.value = JSON.stringify({ action: 'task.snooze', id: `${task.id}@tomorrow` });
    const published = w.fake.called('views.publish').length;
    expect((await w.post(asForm(payload))).status).toBe(200);
    await w.until('the Home tab drawn again', () => w.fake.called('views.publish').length > published);
    await w.settle(300);
    const after = await w.db.prisma.task.findUniqueOrThrow({ where: { id: task.id } });
    expect(after.dueAt?.getTime()).not.toBe(task.dueAt?.getTime());
    const home = w.fake.called('views.publish').slice(published);
    expect(home).toHaveLength(1);
    expect(home[0]!.args.user_id).toBe(USER);
    expect((home[0]!.args.view as { type: string }).type).toBe('home');
  });
});
