// Starts the real stack once for the integration and e2e suites: a fresh
// in-memory Temporal dev server, a fresh embedded PostgreSQL, MailDev, and the
// cabinet (API + worker) on its test port. Both projects share one stack.
import type { TestProject } from 'vitest/node';
import { startStack, type Stack } from '../../infra/stack';
import { createLogger } from '../../infra/logger';
import { startApi } from '../../api/run';
import { startWorker } from '../../worker/run';
import { publicUrl } from '../../infra/config';
import { TEST_THROTTLE_RULES, testEnv } from './test-env';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    temporalAddress: string;
    smtpUrl: string;
    mailApiUrl: string;
    appUrl: string;
    taskQueue: string;
  }
}

interface Running {
  provided: { databaseUrl: string; temporalAddress: string; smtpUrl: string; mailApiUrl: string; appUrl: string; taskQueue: string };
  users: number;
  stop(): Promise<void>;
}

const key = Symbol.for('kabinet.test-stack');
type Holder = { [key]?: Promise<Running> };
const holder = globalThis as Holder;

async function start(): Promise<Running> {
  const env = testEnv();
  const log = createLogger('warn', 'kabinet-test');
  const started = Date.now();
  const stack: Stack = await startStack(env, { fresh: true, log: (line) => console.log(line) });
  const api = await startApi(env, stack, { log, demoAccounts: true, embedded: true, throttle: TEST_THROTTLE_RULES }).catch(async (e: unknown) => {
    await stack.stop();
    throw e;
  });
  const worker = await startWorker(env, stack);
  console.log(`Test stack up in ${Date.now() - started} ms`);
  return {
    provided: {
      databaseUrl: stack.databaseUrl,
      temporalAddress: stack.temporalAddress,
      smtpUrl: stack.smtpUrl,
      mailApiUrl: stack.urls.mailUi ?? '',
      appUrl: publicUrl(env),
      taskQueue: env.TEMPORAL_TASK_QUEUE,
    },
    users: 0,
    async stop() {
      await worker.stop();
      await api.stop();
      await stack.stop();
    },
  };
}

export default async function setup(project: TestProject) {
  holder[key] ??= start();
  const running = await holder[key];
  running.users += 1;
  for (const [name, value] of Object.entries(running.provided)) project.provide(name as keyof Running['provided'], value);
  return async () => {
    running.users -= 1;
    if (running.users === 0) {
      delete holder[key];
      await running.stop();
    }
  };
}
