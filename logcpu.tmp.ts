// CPU of the handler per /log, in process, console door (no HTTP): main vs branch, same machine.
import { createHandler } from './src/intents/handler.ts';
import { silentLogger } from './src/logger.ts';
import { freshDatabase } from './test/support/engines.ts';
import { TestClock } from './test/support/fixtures.ts';
import { makeCustomer } from './test/domain/interactions/world.ts';
const engine = (process.argv[2] ?? 'postgres') as 'postgres' | 'pglite';
const N = Number(process.argv[3] ?? 600);
const db = await freshDatabase(engine);
const clock = new TestClock(new Date('2026-11-23T02:00:00Z'));
const handler = createHandler({ db, clock, log: silentLogger, config: { CRM_ADMINS: '', CRM_DEFAULT_TEAM: 'Sales', CRM_DEFAULT_TZ: 'UTC', CRM_DEFAULT_LOCALE: 'en' } });
const say = (text: string, key: string) => ({ door: 'console' as const, workspaceId: '', externalUserId: 'sam', profile: { displayName: 'Sam', locale: 'en' }, input: { kind: 'text' as const, text }, deliveryKey: key, receivedAt: clock.now() });
await handler(say('/crm whoami', 'w'));
const sam = await db.prisma.user.findFirstOrThrow({ where: { displayName: 'Sam' } });
for (let i = 0; i < 30; i++) await makeCustomer(db, sam.teamId, { name: `Acme ${i} Robotics`, ownerId: sam.id });
await makeCustomer(db, sam.teamId, { name: 'Globex', ownerId: sam.id });
const text = '/log Globex call: walked through pricing. next: send proposal Friday 3pm';
for (let i = 0; i < 150; i++) await handler(say(text, `warm-${i}`));
const samples: number[] = [];
for (let round = 0; round < 3; round++) {
  const u0 = process.cpuUsage();
  for (let i = 0; i < N / 3; i++) await handler(say(text, `r${round}-${i}`));
  const u = process.cpuUsage(u0);
  samples.push((u.user + u.system) / 1000 / (N / 3));
}
console.log(engine, 'CPU ms per /log (3 rounds):', samples.map((s) => s.toFixed(2)).join(' '));
await db.drop();
process.exit(0);
