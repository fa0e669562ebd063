// The API + cabinet process on its own (production): migrates, then serves.
import { ConfigError, publicUrl, readEnv } from '../infra/config';
import { StackError } from '../infra/errors';
import { createLogger } from '../infra/logger';
import { startApi } from './run';

async function main() {
  const env = readEnv();
  if (!env.TEMPORAL_ADDRESS || !env.DATABASE_URL || !env.SMTP_URL) {
    throw new StackError('A standalone API needs TEMPORAL_ADDRESS, DATABASE_URL and SMTP_URL (use `npm start` for the embedded stack)');
  }
  const api = await startApi(env, { databaseUrl: env.DATABASE_URL, temporalAddress: env.TEMPORAL_ADDRESS, smtpUrl: env.SMTP_URL }, { log: createLogger(env.LOG_LEVEL), demoAccounts: env.DEMO_ACCOUNTS === 'on', embedded: false });
  const stop = () => void api.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  console.log(`Cabinet and API at ${publicUrl(env)}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof StackError || error instanceof ConfigError ? `Error: ${error.message}` : error);
  process.exit(1);
});
