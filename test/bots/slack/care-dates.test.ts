// Care dates through Slack: a birthday typed with the customer's contact, the due list the day before as a DM with
// a Log touch button per greeting, and the click logging the greeting in one step (no form): the only
// messages Slack carries go to the team's own people.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/logger.ts';
import { createRunner } from '../../../src/scheduler/runner.ts';
import { latestSlot } from '../../../src/scheduler/slots.ts';
import { buttonsOf, slackWorld, type SlackWorld } from './harness.ts';

describe('care dates in Slack', () => {
  let w: SlackWorld;
  beforeAll(async () => {
    w = await slackWorld();
    w.fake.users.set('UREP', { real_name: 'Sam Carter', tz: 'Asia/Shanghai', locale: 'en-US' });
    w.fake.users.set('UADMIN', { real_name: 'Dana Reyes', tz: 'Asia/Shanghai', locale: 'en-US' });
  }, 60_000);
  afterAll(() => w?.close());

  it('a birthday typed in Slack comes back in the due list the day before, and Log touch logs the greeting', async () => {
    // Slack is answered first and the work runs after: each command settles before the next.
    const run = async (c: { body: string }) => (await w.post(c.body), await w.settle());
    for (const u of ['UREP', 'UADMIN']) await run(w.command(u, '/crm', 'whoami'));
    // Slack has no /contact command: the contact comes with the customer (`contact:` … `birthday:`).
    await run(w.command('UREP', '/customer', 'add Acme Robotics tier:A contact:Wang Qiang title:buyer birthday:11-24'));
    await run(w.command('UADMIN', '/crm', 'team holiday 2026-11-24 Customer Day'));
    const refused = w.command('UREP', '/crm', 'team holiday 2026-11-25 Rep Day');
    await run(refused);
    expect(await w.db.prisma.contact.findFirstOrThrow({ where: { name: 'Wang Qiang' } })).toMatchObject({ birthday: '11-24' });
    expect(JSON.stringify(w.fake.responses.filter((r) => r.url === refused.responseUrl).map((r) => r.body))).toContain('manager');
    const team = await w.db.prisma.team.findFirstOrThrow();
    expect((team.holidays as Array<{ name: string }>).map((h) => h.name)).toContain('Customer Day');
    expect((team.holidays as Array<{ name: string }>).map((h) => h.name)).not.toContain('Rep Day');

    // Monday 23 November, 09:00 in Shanghai: the due list as a DM.
    w.clock.set(new Date('2026-11-23T01:00:00Z'));
    w.fake.calls.length = 0;
    const runner = createRunner({ db: w.db, clock: w.clock, log: silentLogger, notifier: w.notifier, instanceId: 'care-slack' });
    await runner.runSlot('daily', team.id, latestSlot('daily', team, w.clock.now()).slot);
    await w.settle();
    const posts = w.fake.called('chat.postMessage');
    expect(posts.map((c) => c.args.channel)).toEqual(['DUREP']);
    const blocks = JSON.stringify(posts[0]!.args.blocks);
    expect(blocks).toContain('Tomorrow · Birthday · Wang Qiang (buyer), Acme Robotics');
    expect(blocks).toContain('Tomorrow · Customer Day · Wang Qiang (buyer), Acme Robotics');
    const touches = buttonsOf(posts[0]!.args.blocks).filter((b) => JSON.parse(b.value).action === 'customer.touch');
    expect(touches.map((b) => b.text.text)).toEqual(['Log touch', 'Log touch']);

    // One click logs it: no modal opens, the interaction holds the greeting.
    w.fake.calls.length = 0;
    const click = w.click('UREP', touches[0]!);
    await w.post(click.body);
    await w.settle();
    expect(w.fake.called('views.open')).toHaveLength(0);
    const logged = await w.db.prisma.interaction.findMany({ include: { author: true } });
    expect(logged.map((i) => [i.summary, i.author.displayName])).toEqual([['Birthday greeting to Wang Qiang (Acme Robotics)', 'Sam Carter']]);
    expect(JSON.stringify(w.fake.responses.filter((r) => r.url === click.responseUrl).map((r) => r.body))).toContain('Birthday greeting to Wang Qiang');
    // Nothing went out but the answers to Sam: the CRM never writes to a customer.
    expect(w.fake.called('chat.postMessage').every((c) => c.args.channel === 'DUREP')).toBe(true);
  });
});
