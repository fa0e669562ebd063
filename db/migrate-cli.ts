// `npm run migrate`: applies the schema migrations (db/migrate.ts) and exits, for a
// deployment that migrates once before starting the API and worker processes
// (each API start also migrates, under an advisory lock, so this is optional).
// DATABASE_URL, or the embedded PostgreSQL of `npm start` when it is not set.
import { ConfigError, readEnv } from '../infra/config';
import { connectDb } from '.';
import { migrate } from './migrate';

async function main(): Promise<void> {
  const env = readEnv();
  const url = env.DATABASE_URL ?? `postgres://postgres:kabinet-local@127.0.0.1:${env.EMBEDDED_PG_PORT}/kabinet`;
  // Two connections: migrate() holds the advisory lock in a transaction on one while umzug reads and writes its table on the other.
  const db = connectDb(url, { poolMax: 2 });
  try {
    await db.sequelize.authenticate().catch((error: unknown) => {
      throw new ConfigError(`PostgreSQL is unreachable at ${new URL(url).host}: ${error instanceof Error ? error.message : String(error)}. Check DATABASE_URL`);
    });
    const applied = await migrate(db.sequelize);
    console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(', ')}` : 'The schema is up to date: nothing to apply');
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `Error: ${error.message}` : error);
  process.exit(1);
});
