// Every setting the processes read from the environment, in one place.
// Unset services mean "start the embedded default" (see infra/stack.ts).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parsePayloadKeys, PayloadCodecError } from './payload-codec';

export const ROOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const port = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback);
const optional = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== '' ? v.trim() : undefined));

const envSchema = z.object({
  NODE_ENV: z.string().default('development'),
  PORT: port(3000),
  PUBLIC_URL: optional,
  /** 'on': a reverse proxy terminates TLS and its X-Forwarded-Proto is believed (HSTS). */
  TRUST_PROXY: z.enum(['on', 'off']).default('off'),
  DATA_DIR: z.string().default(path.join(ROOT_DIR, '.data')),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

  DATABASE_URL: optional.refine((v) => v === undefined || /^postgres(ql)?:\/\/[^/]+\/[^/?]+/.test(v), 'expected postgres://user:password@host:port/database'),
  EMBEDDED_PG_PORT: port(5433),

  TEMPORAL_ADDRESS: optional,
  TEMPORAL_NAMESPACE: z.string().default('default'),
  TEMPORAL_TASK_QUEUE: z.string().default('kabinet'),
  TEMPORAL_API_KEY: optional,
  TEMPORAL_TLS_CERT: optional,
  TEMPORAL_TLS_KEY: optional,
  TEMPORAL_CLI: optional,
  TEMPORAL_PORT: port(7233),
  TEMPORAL_UI_PORT: port(8233),
  TEMPORAL_UI_URL: optional,
  /** A workflow bundle prebuilt by scripts/bundle-workflows.ts: the worker starts without bundling (seconds instead of tens of seconds). */
  WORKFLOW_BUNDLE: optional,
  /**
   * Open cases the worker keeps in memory between their tasks (Temporal's sticky cache); an evicted case is
   * replayed from its history at its next event. The SDK's default grows with the heap (≈ 2 300 cases, 4.5 GiB
   * resident, on this project's machines); cases wait days between events, so a bounded cache costs little.
   */
  WORKER_MAX_CACHED_WORKFLOWS: z.coerce.number().int().min(0).default(1000),

  SMTP_URL: optional.refine((v) => v === undefined || /^smtps?:\/\/[^/]+/.test(v), 'expected smtp://user:password@host:port (or smtps://)'),
  MAIL_FROM: z.string().default('Личный кабинет <no-reply@kabinet.local>'),
  MAILDEV_SMTP_PORT: port(1025),
  MAILDEV_WEB_PORT: port(1080),

  DOCUMENT_STORE_URL: optional,
  /** 'test': the applicant can pay with a clearly marked test payment (embedded default); 'bank': staff or the bank confirm. */
  PAYMENTS_MODE: z.enum(['auto', 'test', 'bank']).default('auto'),
  /** JSON overrides of the regulations table, e.g. {"scale":"seconds"} for demos; see domain/regulations.ts. */
  TERMS_OVERRIDE: optional,
  /** JSON overrides of the penalty rules (п.16 «в»), e.g. {"grid":{"ratePercentPerDay":5}}; see domain/penalties.ts. */
  PENALTY_RULES_OVERRIDE: optional,
  DEMO_ACCOUNTS: z.enum(['auto', 'on', 'off']).default('auto'),
  BANK_WEBHOOK_SECRET: optional,
  /** `id:base64-32-bytes[,id:…]`, the first seals new Temporal payloads; unset → a key kept in DATA_DIR (not in production). See infra/data-converter.ts. */
  PAYLOAD_KEYS: optional.transform((v, ctx) => {
    if (v === undefined) return undefined;
    try {
      return parsePayloadKeys(v);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: error instanceof PayloadCodecError ? error.message : String(error) });
      return z.NEVER;
    }
  }),
});

export type Env = z.infer<typeof envSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`Environment variable ${issue.path.join('.')} is invalid: ${issue.message}`);
  }
  return parsed.data;
}

export function publicUrl(env: Env): string {
  return env.PUBLIC_URL ?? `http://localhost:${env.PORT}`;
}
