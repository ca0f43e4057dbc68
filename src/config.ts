import path from 'node:path';
import { z } from 'zod';

const optional = z.string().trim().min(1).optional();

const schema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  CRM_DATA_DIR: z.string().trim().min(1).default('./data'),
  CRM_ADMINS: z.string().default(''),
  CRM_DEFAULT_TEAM: z.string().trim().min(1).default('Sales'),
  CRM_DEFAULT_TZ: z
    .string()
    .default('UTC')
    .refine((tz) => isZone(tz), 'must be an IANA time zone such as Asia/Shanghai'),
  CRM_DEFAULT_LOCALE: z.enum(['en', 'zh-CN']).default('en'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** On SIGTERM, how long in-flight commands and owed messages get before the process closes anyway. */
  CRM_SHUTDOWN_MS: z.coerce.number().int().min(0).default(10_000),
  /** How long a replica holds an owed message it is sending before any other replica may send it. */
  CRM_OUTBOX_LEASE_MS: z.coerce.number().int().min(500).default(30_000),
  /** How long a replica holds a request it acknowledged before any other replica may run it (src/intents/intake.ts). */
  CRM_INTAKE_LEASE_MS: z.coerce.number().int().min(500).default(15_000),
  SLACK_BOT_TOKEN: optional,
  SLACK_SIGNING_SECRET: optional,
  SLACK_APP_TOKEN: optional,
  SLACK_API_URL: z.string().url().optional(),
  FEISHU_APP_ID: optional,
  FEISHU_APP_SECRET: optional,
  FEISHU_VERIFICATION_TOKEN: optional,
  FEISHU_ENCRYPT_KEY: optional,
  FEISHU_DOMAIN: z.string().trim().default('feishu'),
  FEISHU_MODE: z.enum(['ws', 'webhook']).default('ws'),
  HTTP_MAX_BODY_BYTES: z.coerce.number().int().min(1_024).default(1_000_000),
  HTTP_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  HTTP_BODY_TIMEOUT_MS: z.coerce.number().int().min(100).default(15_000),
  HTTP_MAX_CONNECTIONS: z.coerce.number().int().min(1).default(1_000),
}).superRefine((c, ctx) => {
  // Without an Encrypt Key Feishu signs nothing: anyone holding the token could act as anyone, with no replay window.
  if (c.FEISHU_MODE !== 'webhook' || !c.FEISHU_APP_ID) return;
  for (const name of ['FEISHU_ENCRYPT_KEY', 'FEISHU_VERIFICATION_TOKEN'] as const) {
    if (!c[name]) ctx.addIssue({ code: 'custom', path: [name], message: 'is required in webhook mode (Events & Callbacks → Encryption Strategy)' });
  }
});

export type Config = z.infer<typeof schema> & { dataDir: string };

export function isZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export class ConfigError extends Error {}

/** Parses the environment once; a bad variable is named in the error so start-up says what to fix. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return { ...parsed.data, dataDir: path.resolve(parsed.data.CRM_DATA_DIR) };
}
