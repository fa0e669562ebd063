// The PostgreSQL server the production shape runs on: the machine's own
// (127.0.0.1:5432, user postgres) or the server CLUSTER_POSTGRES_URL names.
// The cluster keeps its three databases there under a prefix of its own.
import pg from 'pg';
import { StackError } from '../errors';

export interface PostgresServer {
  host: string;
  port: number;
  user: string;
  password: string;
  /** A postgres:// URL of one database on this server. */
  urlOf(database: string): string;
  databaseExists(database: string): Promise<boolean>;
  createDatabase(database: string): Promise<void>;
  dropDatabase(database: string): Promise<void>;
  hasTable(database: string, table: string): Promise<boolean>;
}

const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/** Names are ours (a fixed prefix and a word): still checked, since they go into DDL. */
function identifier(name: string): string {
  if (!/^[a-z][a-z0-9_]{0,62}$/.test(name)) throw new StackError(`Not a database name the cluster uses: ${name}`);
  return `"${name}"`;
}

export async function postgresServer(url = process.env.CLUSTER_POSTGRES_URL || DEFAULT_URL): Promise<PostgresServer> {
  const parsed = new URL(url);
  const server = {
    host: parsed.hostname,
    port: Number(parsed.port || 5432),
    user: decodeURIComponent(parsed.username || 'postgres'),
    password: decodeURIComponent(parsed.password),
  };
  const urlOf = (database: string) => {
    const u = new URL(url);
    u.pathname = `/${database}`;
    return u.toString();
  };
  const query = async <R extends pg.QueryResultRow>(database: string, sql: string, params: unknown[] = []): Promise<R[]> => {
    const client = new pg.Client({ connectionString: urlOf(database) });
    await client.connect();
    try {
      return (await client.query<R>(sql, params)).rows;
    } finally {
      await client.end();
    }
  };
  const maintenance = parsed.pathname.slice(1) || 'postgres';
  try {
    await query(maintenance, 'SELECT 1');
  } catch (error) {
    throw new StackError(
      `PostgreSQL at ${server.host}:${server.port} is unreachable as ${server.user} (${error instanceof Error ? error.message : String(error)}): start it, or set CLUSTER_POSTGRES_URL=postgres://user:password@host:port/postgres`,
    );
  }
  return {
    ...server,
    urlOf,
    async databaseExists(database) {
      return (await query(maintenance, 'SELECT 1 FROM pg_database WHERE datname = $1', [database])).length > 0;
    },
    async createDatabase(database) {
      await query(maintenance, `CREATE DATABASE ${identifier(database)}`);
    },
    async dropDatabase(database) {
      await query(maintenance, `DROP DATABASE IF EXISTS ${identifier(database)} WITH (FORCE)`);
    },
    async hasTable(database, table) {
      return (await query<{ found: boolean }>(database, 'SELECT to_regclass($1) IS NOT NULL AS found', [`public.${table}`]))[0]!.found;
    },
  };
}
