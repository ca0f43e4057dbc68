import { z } from 'zod';
import { CHANNELS } from '../interactions/input.ts';
import { readBirthday } from '../care/birthday.ts';

export const TIERS = ['A', 'B', 'C'] as const;
export const STATUSES = ['lead', 'intent', 'deal', 'lost'] as const;
export const SOURCES = ['expo', 'website', 'phone', 'referral', 'outbound', 'partner', 'advertising', 'store', 'event', 'other'] as const;
export type Source = (typeof SOURCES)[number];

const short = (max: number) => z.string().trim().min(1).max(max);
const long = (max: number) => z.string().trim().min(1).max(max, 'too_long');

export const contactSchema = z.object({
  name: short(100).optional(),
  title: short(100).optional(),
  phone: short(50).optional(),
  email: z.string().trim().max(200).email('bad_email').optional(),
  preferredChannel: z.enum(CHANNELS).optional(),
  /** As typed ("3-15", "3月15日", "1985-03-15"), stored as "MM-DD" or "YYYY-MM-DD". */
  birthday: z
    .union([z.string().trim().max(40), z.date()])
    .transform((v, c) => {
      const b = readBirthday(v);
      if (!b) c.addIssue({ code: 'custom', message: 'birthday' });
      return b ?? '';
    })
    .optional(),
});

/**
 * Fields of the record. Dates and the budget arrive as the text a person typed or a sheet held
 * (`founded: "2015年3月"`, `budget: "50万-80万"`) and are read by values.ts against the team's currency,
 * so the chat and the import read them one way.
 */
export const customerFieldsSchema = z.object({
  aliases: z.array(short(200)).max(20).optional(),
  industry: short(100).optional(),
  size: short(100).optional(),
  mainBusiness: long(500).optional(),
  region: short(100).optional(),
  address: long(300).optional(),
  founded: z.union([short(40), z.date()]).optional(),
  source: z.enum(SOURCES).optional(),
  referrer: short(200).optional(),
  firstContact: z.union([short(40), z.date()]).optional(),
  needs: long(2000).optional(),
  budget: short(60).optional(),
  decisionChain: long(1000).optional(),
  tier: z.enum(TIERS).optional(),
  status: z.enum(STATUSES).optional(),
  /** Replaces the tags; [] clears them. */
  tags: z.array(short(50)).max(20).optional(),
  tagsAdd: z.array(short(50)).max(20).optional(),
  tagsRemove: z.array(short(50)).max(20).optional(),
});

export const createCustomerSchema = customerFieldsSchema.extend({
  name: short(200),
  /** A code from an imported sheet, kept when it is a valid code no customer has. */
  code: z.string().trim().regex(/^CUS\d{11,}$/, 'code_format').optional(),
  contact: contactSchema.optional(),
  /** Who owns it: the creator unless given; null puts it in the pool. */
  ownerId: z.number().int().positive().nullable().optional(),
  force: z.boolean().optional(),
});

export type CustomerFieldsInput = z.input<typeof customerFieldsSchema>;
export type CreateCustomerInput = z.input<typeof createCustomerSchema>;
export type ContactInput = z.input<typeof contactSchema>;
