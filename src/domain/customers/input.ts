import { z } from 'zod';
import { CHANNELS } from '../interactions/input.ts';

export const TIERS = ['A', 'B', 'C'] as const;
export const STATUSES = ['lead', 'intent', 'deal', 'lost'] as const;
export const SOURCES = ['expo', 'website', 'phone', 'referral', 'outbound', 'partner', 'advertising', 'other'] as const;

const short = (max: number) => z.string().trim().min(1).max(max);

export const contactSchema = z.object({
  name: short(100).optional(),
  title: short(100).optional(),
  phone: short(50).optional(),
  email: z.string().trim().max(200).email('bad_email').optional(),
  preferredChannel: z.enum(CHANNELS).optional(),
});

export const customerFieldsSchema = z.object({
  aliases: z.array(short(200)).max(20).optional(),
  industry: short(100).optional(),
  size: short(50).optional(),
  region: short(100).optional(),
  source: z.enum(SOURCES).optional(),
  tier: z.enum(TIERS).optional(),
  status: z.enum(STATUSES).optional(),
  tags: z.array(short(50)).max(20).optional(),
});

export const createCustomerSchema = customerFieldsSchema.extend({
  name: short(200),
  contact: contactSchema.optional(),
  force: z.boolean().optional(),
});

export type CreateCustomerInput = z.input<typeof createCustomerSchema>;
export type ContactInput = z.input<typeof contactSchema>;
