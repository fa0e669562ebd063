// The cabinet as production runs it, each part its own component so a fault
// scenario can break one: embedded PostgreSQL and MailDev (restartable on the
// same data), the Temporal dev server on a SQLite file, and the worker and the
// API as separate processes started the way `npm run worker` / `npm run api`
// start them. Ports are the test ports (TEST_PORT_OFFSET moves them); data
// lives under .data/test<offset>/faults/<scenario> and starts empty.
import fs from 'node:fs';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { connectDb, type Db } from '../../../db';
import type { TermOverrides } from '../../../domain/regulations';
import { publicUrl, readEnv } from '../../../infra/config';
import { temporalDataConverter } from '../../../infra/data-converter';
import { registerSearchAttributes } from '../../../infra/temporal';
import { writeWorkflowBundle } from '../../../worker/create-worker';
import { TEST_TASK_QUEUE, testEnv } from '../../support/test-env';
import { apiProcess, MailService, PostgresService, TemporalService, workerProcess, type NodeProcess } from './processes';

export interface FaultStack {
  appUrl: string;
  postgres: PostgresService;
  mail: MailService;
  temporal: TemporalService;
  worker: NodeProcess;
  api: NodeProcess;
  /** The scenario's own connections, for checks: the read models and the workflows' queries. */
  db: Db;
  client: Client;
  stop(): Promise<void>;
}

export interface FaultStackOptions {
  /** Terms of the cases the API starts (TERMS_OVERRIDE), e.g. an auto-close shrunk to seconds. */
  terms?: TermOverrides;
}

export async function startFaultStack(scenario: string, opts: FaultStackOptions = {}): Promise<FaultStack> {
  const env = testEnv();
  const dataDir = path.join(env.DATA_DIR, 'faults', scenario);
  fs.rmSync(dataDir, { recursive: true, force: true });
  const postgres = new PostgresService({ dir: path.join(dataDir, 'postgres'), port: env.EMBEDDED_PG_PORT });
  const mail = new MailService({ dir: path.join(dataDir, 'mail'), smtpPort: env.MAILDEV_SMTP_PORT, webPort: env.MAILDEV_WEB_PORT });
  const temporal = new TemporalService({ dbFile: path.join(dataDir, 'temporal', 'temporal.sqlite'), port: env.TEMPORAL_PORT, uiPort: env.TEMPORAL_UI_PORT, namespace: env.TEMPORAL_NAMESPACE });

  const stops: Array<() => Promise<unknown>> = [];
  const stop = async () => {
    for (const step of stops.reverse()) await step().catch((e: unknown) => console.warn('stopping the fault stack:', e));
    stops.length = 0;
  };
  try {
    const started = Date.now();
    const took = (what: string) => console.log(`${scenario}: ${what} up after ${Date.now() - started} ms`);
    for (const service of [postgres, mail, temporal]) {
      await service.start();
      stops.push(() => service.stop());
      took(service.name);
    }
    const endpoints = { databaseUrl: postgres.url, temporalAddress: temporal.address, smtpUrl: mail.smtpUrl };
    const processEnv: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'test',
      PORT: String(env.PORT),
      PUBLIC_URL: publicUrl(env),
      DATA_DIR: dataDir,
      TEMPORAL_NAMESPACE: env.TEMPORAL_NAMESPACE,
      TEMPORAL_TASK_QUEUE: TEST_TASK_QUEUE,
      LOG_LEVEL: 'warn',
      DEMO_ACCOUNTS: 'on',
      PAYMENTS_MODE: 'test',
      TERMS_OVERRIDE: opts.terms ? JSON.stringify(opts.terms) : '',
      // Bundled once here: each worker (re)start then takes seconds, not the tens a bundling start takes.
      WORKFLOW_BUNDLE: path.join(dataDir, 'workflow-bundle.js'),
    };
    // The processes and the scenario's client read payloads with the same key (kept in DATA_DIR).
    const dataConverter = temporalDataConverter(readEnv(processEnv));
    const connection = await Connection.connect({ address: temporal.address });
    stops.push(() => connection.close());
    await registerSearchAttributes(connection, env.TEMPORAL_NAMESPACE);
    const client = new Client({ connection, namespace: env.TEMPORAL_NAMESPACE, dataConverter });

    await writeWorkflowBundle(processEnv.WORKFLOW_BUNDLE!);
    took('workflow bundle');
    // The API migrates the database: it starts first so the worker's first activities find the tables.
    const api = apiProcess(endpoints, processEnv);
    stops.push(() => api.stop());
    await api.start();
    took('API');
    const worker = workerProcess(endpoints, processEnv);
    stops.push(() => worker.stop());
    await worker.start();
    took('worker');

    const db = connectDb(postgres.url, { poolMax: 3 });
    stops.push(() => db.close());
    return { appUrl: publicUrl(env), postgres, mail, temporal, worker, api, db, client, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Counts from `FAULT_<NAME>` (CI tunes batch sizes without code changes), else the default. */
export function tunable(name: string, fallback: number): number {
  const raw = process.env[`FAULT_${name}`];
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`FAULT_${name}=${raw} is not a non-negative number`);
  return value;
}

/**
 * A seeded generator for the moments of the faults: FAULT_SEED repeats a
 * run's schedule exactly; by default each run picks (and prints) a new seed.
 */
export function faultRandom(scenario: string): { seed: number; between(min: number, max: number): number } {
  const seed = Number(process.env.FAULT_SEED ?? Math.floor(Math.random() * 2 ** 31));
  console.log(`${scenario}: FAULT_SEED=${seed}`);
  let state = seed >>> 0;
  // mulberry32
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  return { seed, between: (min, max) => min + (max - min) * next() };
}
