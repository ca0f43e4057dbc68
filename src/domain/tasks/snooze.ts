import { z } from 'zod';
import type { Task } from '../../generated/prisma/client.ts';
import { audit } from '../audit.ts';
import type { DomainContext } from '../context.ts';
import { invalid } from '../errors.ts';
import { parseOrInvalid } from '../interactions/input.ts';
import { assertMayWork, explainNotOpen, loadVisibleTask } from './access.ts';

const snoozeSchema = z.object({ until: z.date(), hasTime: z.boolean() });

/** Moves an open task's due time later; counting snoozes lets digests show what keeps slipping. */
export async function snoozeTask(ctx: DomainContext, id: number, input: { until: Date; hasTime: boolean }): Promise<Task> {
  const { until, hasTime } = parseOrInvalid(snoozeSchema, input, 'task.invalid');
  const now = ctx.clock.now();
  if (until.getTime() <= now.getTime()) throw invalid('task.snooze_in_past', { until: until.toISOString() });
  return ctx.prisma.$transaction(async (tx) => {
    const before = await loadVisibleTask(tx, ctx.actor, id);
    assertMayWork(ctx.actor, before);
    const moved = await tx.task.updateMany({
      where: { id, status: 'open' },
      data: { dueAt: until, dueHasTime: hasTime, snoozeCount: { increment: 1 }, version: { increment: 1 }, updatedAt: now },
    });
    if (moved.count === 0) await explainNotOpen(tx, id);
    const task = await tx.task.findUniqueOrThrow({ where: { id } });
    await audit(tx, ctx, { entity: 'task', entityId: id, action: 'snooze', before, after: task });
    return task;
  });
}
