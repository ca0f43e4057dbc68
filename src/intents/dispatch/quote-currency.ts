// A quote that names no currency is in the team's (¥ for a Chinese team). The grammar read its
// prices with two decimals, as CNY and USD have; a team whose currency has another minor unit
// (JPY none, KWD three) gets them shifted exactly, or refused when a decimal would be lost.
import { teamCurrency } from '../../domain/quotes/currency.ts';
import { minorDigits } from '../grammar/money.ts';
import { invalidIntent, type QuoteLineIntent } from '../intent.ts';
import type { Reply } from '../reply.ts';
import { parserRefusal } from '../render/refusal.ts';
import type { IntentOf, Turn } from './turn.ts';

export async function inTeamCurrency(turn: Turn, intent: IntentOf<'quote.new'>): Promise<{ currency: string; lines: QuoteLineIntent[] } | { reply: Reply }> {
  if (intent.currency) return { currency: intent.currency, lines: intent.lines };
  const currency = await teamCurrency(turn.ctx.prisma, turn.ctx.actor.teamId);
  const shift = minorDigits(currency) - minorDigits(undefined);
  if (!shift) return { currency, lines: intent.lines };
  const lines: QuoteLineIntent[] = [];
  for (const line of intent.lines) {
    const scale = 10n ** BigInt(Math.abs(shift));
    if (shift < 0 && line.unitPriceMinor % scale !== 0n) {
      const price = (Number(line.unitPriceMinor) / 100).toString();
      return { reply: parserRefusal(turn, invalidIntent('bad_amount', 'usage.quote.new', { value: price })) };
    }
    lines.push({ ...line, unitPriceMinor: shift < 0 ? line.unitPriceMinor / scale : line.unitPriceMinor * scale });
  }
  return { currency, lines };
}
