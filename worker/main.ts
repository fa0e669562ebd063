// A worker process on its own (production): TEMPORAL_ADDRESS, DATABASE_URL and SMTP_URL are required.
import { ConfigError, readEnv } from '../infra/config';
import { StackError } from '../infra/errors';
import { startWorker } from './run';

async function main() {
  const env = readEnv();
  if (!env.TEMPORAL_ADDRESS || !env.DATABASE_URL || !env.SMTP_URL) {
    throw new StackError('A standalone worker needs TEMPORAL_ADDRESS, DATABASE_URL and SMTP_URL (use `npm start` for the embedded stack)');
  }
  const worker = await startWorker(env, { databaseUrl: env.DATABASE_URL, temporalAddress: env.TEMPORAL_ADDRESS, smtpUrl: env.SMTP_URL });
  const stop = () => void worker.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  console.log(`Worker polling task queue "${env.TEMPORAL_TASK_QUEUE}" on ${env.TEMPORAL_ADDRESS}`);
  await worker.running;
}

main().catch((error: unknown) => {
  console.error(error instanceof StackError || error instanceof ConfigError ? `Error: ${error.message}` : error);
  process.exit(1);
});
