import { z } from 'zod';
import { invalid } from '../errors.ts';

export const CHANNELS = ['call', 'visit', 'email', 'meeting', 'wechat', 'expo', 'other'] as const;
export const MOODS = ['positive', 'neutral', 'hesitant', 'negative'] as const;
export const SUMMARY_MAX = 2000;
export const TITLE_MAX = 200;

export const nextStepSchema = z
  .object({
    title: z.string().trim().min(1, 'title_empty').max(TITLE_MAX, 'title_too_long'),
    dueAt: z.date().nullable(),
    dueHasTime: z.boolean(),
  })
  // A time without a date means nothing; keep the flag honest for the list views.
  .refine((s) => s.dueAt !== null || !s.dueHasTime, { message: 'time_without_date', path: ['dueHasTime'] });

export const logInteractionSchema = z.object({
  customerId: z.number().int().positive(),
  channel: z.enum(CHANNELS).default('other'),
  summary: z.string().trim().min(1, 'summary_empty').max(SUMMARY_MAX, 'summary_too_long'),
  mood: z.enum(MOODS).optional(),
  occurredAt: z.date().optional(),
  nextStep: nextStepSchema.optional(),
});

export type LogInteractionInput = z.input<typeof logInteractionSchema>;

/** zod failures become one DomainError naming the field and the rule, so the chat layer can say which. */
export function parseOrInvalid<S extends z.ZodType>(schema: S, input: unknown, reason: string): z.output<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  throw invalid(reason, { field: issue.path.join('.'), problem: issue.message, issues: r.error.issues.map((i) => ({ field: i.path.join('.'), problem: i.message })) });
}
