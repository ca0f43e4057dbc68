// `/crm channel approvals` promises approval cards for reps without a manager in that channel: the
// submit owes that channel a card (and the router finds the channel), but not for a rep who has one.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../src/domain/db/database.ts';
import { targetsOf, type RecipientSpec } from '../../src/domain/messages/posted.ts';
import { createHandler } from '../../src/intents/handler.ts';
import type { OutboundMessage } from '../../src/intents/reply.ts';
import { silentLogger } from '../../src/logger.ts';
import { describeEngines, freshDatabase } from '../support/engines.ts';
import { TestClock } from '../support/fixtures.ts';

describeEngines('approval cards in the approvals channel', (engine) => {
  let db: Database & { drop(): Promise<void> };
  const owed: OutboundMessage[] = [];
  let as: (who: string, channelId?: string) => (text: string) => ReturnType<ReturnType<typeof createHandler>>;
  beforeAll(async () => {
    db = await freshDatabase(engine);
    const clock = new TestClock(new Date('2026-11-23T10:00:00Z'));
    const notifier = { deliver: async (m: OutboundMessage) => (owed.push(m), []) };
    const handler = createHandler({ db, clock, log: silentLogger, notifier, config: { CRM_ADMINS: 'slack:UADMIN', CRM_DEFAULT_TEAM: 'Sales', CRM_DEFAULT_TZ: 'UTC', CRM_DEFAULT_LOCALE: 'en' } });
    let n = 0;
    as = (who, channelId = `D${who}`) => (text) => handler({ door: 'slack', workspaceId: 'T1', externalUserId: who, channelId, input: { kind: 'text', text }, deliveryKey: `k${++n}`, receivedAt: clock.now() });
  });
  afterAll(() => db?.drop());

  it('a rep without a manager: the card goes to the approvals channel as well as to each manager', async () => {
    await as('UADMIN')('/crm whoami');
    await as('UMGR')('/crm whoami');
    await as('UREP')('/crm whoami');
    await as('UADMIN')('/crm role slack:UMGR manager');
    expect((await as('UMGR', 'CAPPROVALS')('/crm channel approvals')).tone).toBe('success');
    await as('UREP')('/customer add Lonely Co');
    await as('UREP')('/quote new Lonely 1 x Pro @ 100');
    const quote = await db.prisma.quote.findFirstOrThrow();
    owed.length = 0;
    expect((await as('UREP')(`/quote submit ${quote.id}`)).tone).toBe('success');
    const toChannel = owed.filter((m) => 'purpose' in m.to && m.to.purpose === 'approvals');
    expect(toChannel).toHaveLength(1);
    expect(JSON.stringify(toChannel[0]!.reply)).toContain('quote.approve');
    expect(await targetsOf(db.prisma, toChannel[0]!.to as RecipientSpec)).toEqual([{ kind: 'channel', platform: 'slack', workspaceId: 'T1', channelId: 'CAPPROVALS' }]);
  });

  it('a rep with a manager: only the manager gets the card', async () => {
    const rep = await db.prisma.user.findFirstOrThrow({ where: { displayName: { not: '' }, role: 'rep' } });
    const mgr = await db.prisma.user.findFirstOrThrow({ where: { role: 'manager' } });
    await db.prisma.user.update({ where: { id: rep.id }, data: { managerId: mgr.id } });
    await as('UREP')('/quote new Lonely 2 x Pro @ 100');
    const quote = await db.prisma.quote.findFirstOrThrow({ where: { status: 'draft' } });
    owed.length = 0;
    expect((await as('UREP')(`/quote submit ${quote.id}`)).tone).toBe('success');
    expect(owed.filter((m) => 'purpose' in m.to)).toEqual([]);
    expect(owed.map((m) => m.to)).toEqual([{ userId: mgr.id }]);
  });
});
