import type { Prisma } from '../../generated/prisma/client.ts';
import { localDateOf } from '../time/zone.ts';

/**
 * CUS + yyyymmdd (the team's calendar day) + a 3-digit sequence of that day. One atomic upsert
 * hands out the number, so parallel creates never share a code; past 999 a day it keeps counting.
 */
export async function nextCustomerCode(tx: Prisma.TransactionClient, now: Date, timeZone: string): Promise<string> {
  const d = localDateOf(now, timeZone);
  const day = `${d.year}${String(d.month).padStart(2, '0')}${String(d.day).padStart(2, '0')}`;
  const [row] = await tx.$queryRaw<Array<{ last: number }>>`
    INSERT INTO "CustomerCodeCounter" ("day", "last") VALUES (${day}, 1)
    ON CONFLICT ("day") DO UPDATE SET "last" = "CustomerCodeCounter"."last" + 1
    RETURNING "last"`;
  return `CUS${day}${String(row!.last).padStart(3, '0')}`;
}
