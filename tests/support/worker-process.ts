// A worker in a child process on a task queue of the test's own, so a test can
// kill it (SIGKILL) mid-case and start another without touching the shared stack.
import { spawn, type ChildProcess } from 'node:child_process';
import { inject } from 'vitest';
import { ROOT_DIR } from '../../infra/config';
import { testEnv, TEST_PAYLOAD_KEYS } from './test-env';

export function startWorkerProcess(taskQueue: string): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'worker/main.ts'], {
    cwd: ROOT_DIR,
    env: {
      ...process.env,
      TEMPORAL_ADDRESS: inject('temporalAddress'),
      DATABASE_URL: inject('databaseUrl'),
      SMTP_URL: inject('smtpUrl'),
      TEMPORAL_TASK_QUEUE: taskQueue,
      PUBLIC_URL: inject('appUrl'),
      DATA_DIR: testEnv().DATA_DIR,
      PAYLOAD_KEYS: TEST_PAYLOAD_KEYS,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

/** Resolves once the worker polls its queue; rejects if it exits first. */
export function ready(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      if (chunk.includes('Worker polling')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`worker exited early with ${code}`)));
  });
}

/** Kills the worker at once, as a crash would, and waits until it is gone. */
export async function killWorker(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await gone;
}
