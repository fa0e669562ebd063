// Starts the HTTP server with its services; used by `npm start` and api/main.ts.
import { Client, Connection } from '@temporalio/client';
import type { Env } from '../infra/config';
import { publicUrl } from '../infra/config';
import { StackError } from '../infra/errors';
import type { createLogger } from '../infra/logger';
import { temporalDataConverter } from '../infra/data-converter';
import { temporalConnectionOptions } from '../infra/temporal';
import { connectDb } from '../db';
import { migrate } from '../db/migrate';
import { seedDemoAccounts, seedSamplePaymentRequisites } from '../db/seed-demo';
import { createMailer } from '../activities/mailer';
import { DEFAULT_THROTTLE_RULES, type ThrottleRules } from '../auth/throttle';
import { createApiServer } from './http/server';
import { createLiveHub } from './http/live';
import { createDocumentStore } from '../documents/store';
import { resolveTerms, type ResolvedTerms, type TermOverrides } from '../domain/regulations';

export async function startApi(env: Env, endpoints: { databaseUrl: string; temporalAddress: string; smtpUrl: string }, opts: { log: ReturnType<typeof createLogger>; demoAccounts: boolean; embedded: boolean; throttle?: ThrottleRules }) {
  // Before anything connects: a missing key in production is a configuration error, not a half-started API.
  const dataConverter = temporalDataConverter(env);
  const db = connectDb(endpoints.databaseUrl);
  try {
    await db.sequelize.authenticate();
  } catch (error) {
    await db.close();
    throw new StackError(`PostgreSQL is unreachable at ${redactUrl(endpoints.databaseUrl)}: ${error instanceof Error ? error.message : String(error)}. Check DATABASE_URL`);
  }
  await migrate(db.sequelize);
  if (opts.demoAccounts) {
    await seedDemoAccounts(db);
    // Sample requisites marked «образец», so a demo invoice shows its payment block; a real database gets none.
    await seedSamplePaymentRequisites(db);
  }
  const temporalConnection = await Connection.connect(temporalConnectionOptions(env, endpoints.temporalAddress)).catch(async (error: unknown) => {
    await db.close();
    throw new StackError(`Temporal is unreachable at ${endpoints.temporalAddress}: ${error instanceof Error ? error.message : String(error)}. Check TEMPORAL_ADDRESS`);
  });
  const temporal = new Client({ connection: temporalConnection, namespace: env.TEMPORAL_NAMESPACE, dataConverter });
  const mailer = createMailer(endpoints.smtpUrl, env.MAIL_FROM);
  try {
    await mailer.verify();
  } catch (error) {
    mailer.close();
    await temporalConnection.close();
    await db.close();
    throw new StackError(`The SMTP server at ${redactUrl(endpoints.smtpUrl)} is unreachable (${error instanceof Error ? error.message : String(error)}): check SMTP_URL`);
  }
  const live = await createLiveHub(endpoints.databaseUrl, opts.log);
  const server = createApiServer({
    live,
    bankWebhookSecret: env.BANK_WEBHOOK_SECRET, trustProxy: env.TRUST_PROXY === 'on', db, temporal, temporalConnection, namespace: env.TEMPORAL_NAMESPACE, taskQueue: env.TEMPORAL_TASK_QUEUE, publicUrl: publicUrl(env),
    throttle: opts.throttle ?? DEFAULT_THROTTLE_RULES,
    terms: termsFromEnv(env),
    paymentsMode: env.PAYMENTS_MODE === 'auto' ? (opts.embedded ? 'test' : 'bank') : env.PAYMENTS_MODE,
    temporalUiUrl: env.TEMPORAL_UI_URL ?? (env.TEMPORAL_ADDRESS ? undefined : `http://localhost:${env.TEMPORAL_UI_PORT}`),
    store: createDocumentStore({ dataDir: env.DATA_DIR, url: env.DOCUMENT_STORE_URL }),
    mailer,
    log: opts.log,
  });
  const release = async () => {
    await live.close();
    await temporalConnection.close();
    mailer.close();
    await db.close();
  };
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new StackError(`Port ${env.PORT} (cabinet) is already in use: stop whatever listens there or set PORT`) : error),
    );
    server.listen(env.PORT, resolve);
  }).catch(async (error: unknown) => {
    await release();
    throw error;
  });
  return {
    server,
    db,
    /** The API's Temporal client (its data converter included), for commands driven in-process (benchmarks). */
    temporal,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await release();
    },
  };
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(not a valid URL)';
  }
}

export function termsFromEnv(env: Env): ResolvedTerms {
  if (!env.TERMS_OVERRIDE) return resolveTerms();
  try {
    return resolveTerms(JSON.parse(env.TERMS_OVERRIDE) as TermOverrides);
  } catch (error) {
    throw new StackError(`TERMS_OVERRIDE is invalid: ${error instanceof Error ? error.message : String(error)}`);
  }
}
