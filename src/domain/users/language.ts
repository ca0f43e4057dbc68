// The language a person chose for their replies (`/crm language zh-CN`); null goes back to
// following their platform profile and what they write.
import { audit } from '../audit.ts';
import type { Actor, DomainContext } from '../context.ts';
import { toActor } from './provision.ts';

export async function chooseLocale(ctx: DomainContext, locale: 'en' | 'zh-CN' | null): Promise<Actor> {
  return ctx.prisma.$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: ctx.actor.userId } });
    const after = await tx.user.update({ where: { id: ctx.actor.userId }, data: { chosenLocale: locale }, include: { team: true } });
    if (before.chosenLocale !== locale) await audit(tx, ctx, { entity: 'user', entityId: after.id, action: 'language', before, after });
    return toActor(after);
  });
}
