import type { User } from '../../generated/prisma/client.ts';
import { audit } from '../audit.ts';
import { rescore } from '../funnel/rescore.ts';
import type { DomainContext } from '../context.ts';
import { conflict, forbidden, notFound } from '../errors.ts';
import { quoteApprovers } from './approvers.ts';
import { approvalLevel, type ApprovalLevel } from './policy.ts';
import { quoteInclude, type QuoteView } from './view.ts';

/**
 * Sends a draft for approval and says to whom. Nothing changes when nobody could approve it:
 * a pending quote no one may decide would sit forever.
 */
export async function submitQuote(ctx: DomainContext, id: number): Promise<{ quote: QuoteView; approvers: User[]; level: ApprovalLevel }> {
  return ctx.prisma.$transaction(async (tx) => {
    const before = await tx.quote.findUnique({ where: { id }, include: { ...quoteInclude, team: true } });
    if (!before) throw notFound('quote.not_found', { id });
    if (before.authorId !== ctx.actor.userId) throw forbidden('quote.not_author', { id });
    if (before.status !== 'draft') throw conflict('quote.not_draft', { id, status: before.status });

    const level = approvalLevel(before.team, before);
    const approvers = await quoteApprovers(tx, before, level);
    if (approvers.length === 0) throw conflict('quote.no_approver', { id, level });

    const now = ctx.clock.now();
    const moved = await tx.quote.updateMany({
      where: { id, status: 'draft', version: before.version },
      data: { status: 'pending', submittedAt: now, version: { increment: 1 }, updatedAt: now },
    });
    if (moved.count === 0) throw conflict('quote.changed', { id });
    const quote = await tx.quote.findUniqueOrThrow({ where: { id }, include: quoteInclude });
    const { team: _team, ...beforeQuote } = before;
    await rescore(tx, ctx, before.customerId);
    await audit(tx, ctx, { entity: 'quote', entityId: id, action: 'submit', before: beforeQuote, after: { ...quote, level, approverIds: approvers.map((a) => a.id) } });
    return { quote, approvers, level };
  });
}
