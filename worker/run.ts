// Runs the worker until stopped; used by `npm start` and by worker/main.ts.
import type { Env } from '../infra/config';
import { publicUrl } from '../infra/config';
import { temporalDataConverter } from '../infra/data-converter';
import { temporalConnectionOptions } from '../infra/temporal';
import { connectDb } from '../db';
import { createMailer } from '../activities/mailer';
import { createDocumentStore } from '../documents/store';
import { createWorker, installRuntime } from './create-worker';
import { resolvePenaltyRules, type PenaltyOverrides, type PenaltyRules } from '../domain/penalties';

/** The penalty rules with the operator's PENALTY_RULES_OVERRIDE: a wrong override stops the worker at start, not a case later. */
function penaltyRulesFromEnv(env: Env): PenaltyRules {
  if (!env.PENALTY_RULES_OVERRIDE) return resolvePenaltyRules();
  try {
    return resolvePenaltyRules(JSON.parse(env.PENALTY_RULES_OVERRIDE) as PenaltyOverrides);
  } catch (error) {
    throw new Error(`PENALTY_RULES_OVERRIDE is invalid: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export async function startWorker(env: Env, endpoints: { databaseUrl: string; temporalAddress: string; smtpUrl: string }) {
  installRuntime(env.LOG_LEVEL);
  const dataConverter = temporalDataConverter(env);
  const db = connectDb(endpoints.databaseUrl);
  const mailer = createMailer(endpoints.smtpUrl, env.MAIL_FROM);
  const { worker, connection } = await createWorker({
    connection: temporalConnectionOptions(env, endpoints.temporalAddress),
    namespace: env.TEMPORAL_NAMESPACE,
    taskQueue: env.TEMPORAL_TASK_QUEUE,
    dataConverter,
    bundlePath: env.WORKFLOW_BUNDLE,
    maxCachedWorkflows: env.WORKER_MAX_CACHED_WORKFLOWS,
    deps: { db, mailer, store: createDocumentStore({ dataDir: env.DATA_DIR, url: env.DOCUMENT_STORE_URL }), publicUrl: publicUrl(env), penaltyRules: penaltyRulesFromEnv(env) },
  });
  const running = worker.run();
  return {
    running,
    async stop() {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running.catch(() => {});
      await connection.close();
      mailer.close();
      await db.close();
    },
  };
}
