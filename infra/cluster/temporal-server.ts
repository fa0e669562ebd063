// A real Temporal server (frontend, history, matching and worker services in
// one process) on PostgreSQL persistence with SQL visibility: the shape a grid
// company runs, instead of the dev server's SQLite. Schemas come from the
// temporal-sql-tool of the same release (embedded in it); the namespace and
// the cabinet's search attributes are registered as infra/docker does.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time';
import { StackError } from '../errors';
import { assertPortsFree, waitFor } from '../ports';
import { registerSearchAttributes } from '../temporal';
import { ALL_SEARCH_ATTRIBUTES } from '../../workflows/search-attributes';
import type { PostgresServer } from './postgres';

export interface TemporalServerOptions {
  server: string;
  sqlTool: string;
  postgres: PostgresServer;
  /** Databases of the default store and of visibility. */
  databases: { main: string; visibility: string };
  /** The frontend's gRPC port; history, matching, worker and membership ports follow it. */
  frontendPort: number;
  namespace: string;
  /** Fixed when the cluster is created: 4 here, as in docker-compose.yml. */
  historyShards: number;
  dir: string;
  log: (line: string) => void;
}

/** gRPC status of a namespace registered meanwhile (by another start). */
const GRPC_ALREADY_EXISTS = 6;

/** Dynamic config (reloaded every 10 s by the server): what the cabinet needs of it. */
const DYNAMIC_CONFIG = {
  // Every action of the cabinet is a workflow Update (api/cases/commands.ts).
  'frontend.enableUpdateWorkflowExecution': [{ value: true, constraints: {} }],
  'frontend.enableUpdateWorkflowExecutionAsyncAccepted': [{ value: true, constraints: {} }],
  // Workflow and activity ids live in varchar(255) columns on SQL persistence.
  'limit.maxIDLength': [{ value: 255, constraints: {} }],
};

/** Ports of the server's four services, each with its membership (ringpop) port. */
export function temporalPorts(frontendPort: number) {
  return {
    frontend: { grpcPort: frontendPort, membershipPort: frontendPort - 300, httpPort: frontendPort + 10 },
    history: { grpcPort: frontendPort + 1, membershipPort: frontendPort - 299 },
    matching: { grpcPort: frontendPort + 2, membershipPort: frontendPort - 298 },
    worker: { grpcPort: frontendPort + 6, membershipPort: frontendPort - 294 },
  };
}

/** The server's static config (YAML is a superset of JSON, so JSON it is). */
export function temporalServerConfig(opts: Pick<TemporalServerOptions, 'postgres' | 'databases' | 'frontendPort' | 'historyShards'>, dynamicConfigFile: string) {
  const store = (databaseName: string, maxConns: number) => ({
    sql: {
      pluginName: 'postgres12',
      databaseName,
      connectAddr: `${opts.postgres.host}:${opts.postgres.port}`,
      connectProtocol: 'tcp',
      user: opts.postgres.user,
      password: opts.postgres.password,
      maxConns,
      maxIdleConns: maxConns,
      maxConnLifetime: '1h',
    },
  });
  const ports = temporalPorts(opts.frontendPort);
  const rpc = (p: { grpcPort: number; membershipPort: number; httpPort?: number }) => ({ rpc: { ...p, bindOnLocalHost: true } });
  return {
    log: { stdout: true, level: 'warn' },
    persistence: {
      defaultStore: 'default',
      visibilityStore: 'visibility',
      numHistoryShards: opts.historyShards,
      datastores: { default: store(opts.databases.main, 20), visibility: store(opts.databases.visibility, 10) },
    },
    global: { membership: { maxJoinDuration: '30s', broadcastAddress: '127.0.0.1' } },
    services: { frontend: rpc(ports.frontend), history: rpc(ports.history), matching: rpc(ports.matching), worker: rpc(ports.worker) },
    clusterMetadata: {
      enableGlobalNamespace: false,
      failoverVersionIncrement: 10,
      masterClusterName: 'active',
      currentClusterName: 'active',
      clusterInformation: { active: { enabled: true, initialFailoverVersion: 1, rpcName: 'frontend', rpcAddress: `127.0.0.1:${opts.frontendPort}` } },
    },
    dcRedirectionPolicy: { policy: 'noop' },
    dynamicConfigClient: { filepath: dynamicConfigFile, pollInterval: '10s' },
  };
}

function sqlTool(opts: TemporalServerOptions, database: string, args: string[]): void {
  const { host, port, user, password } = opts.postgres;
  const result = spawnSync(opts.sqlTool, ['--plugin', 'postgres12', '--ep', host, '-p', String(port), '-u', user, '--db', database, ...args], {
    encoding: 'utf8',
    // The tool reads the password from the environment: it never shows up in `ps`.
    env: { ...process.env, SQL_PASSWORD: password },
  });
  if (result.status !== 0) throw new StackError(`temporal-sql-tool ${args[0]} on ${database} failed: ${(result.stderr || result.stdout).trim().split('\n').slice(-3).join(' ')}`);
}

/**
 * Creates Temporal's two databases when missing and brings their schemas to
 * this release (update-schema applies only versions newer than the recorded one).
 */
export async function prepareTemporalDatabases(opts: TemporalServerOptions): Promise<void> {
  for (const [database, schema] of [
    [opts.databases.main, 'postgresql/v12/temporal'],
    [opts.databases.visibility, 'postgresql/v12/visibility'],
  ] as const) {
    if (!(await opts.postgres.databaseExists(database))) {
      opts.log(`  creating database ${database}`);
      await opts.postgres.createDatabase(database);
    }
    // -v 0.0 only creates the version bookkeeping; on a database that has it, it would reset the recorded version.
    if (!(await opts.postgres.hasTable(database, 'schema_version'))) sqlTool(opts, database, ['setup-schema', '-v', '0.0']);
    sqlTool(opts, database, ['update-schema', '--schema-name', schema]);
  }
}

export interface TemporalServer {
  address: string;
  readonly pid: number | undefined;
  /** SIGTERM (graceful, SIGKILL after 20 s), or SIGKILL at once to simulate a crash. */
  stop(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
  /** Starts the process again on the same config and databases. */
  start(): Promise<void>;
}

export async function startTemporalServer(opts: TemporalServerOptions): Promise<TemporalServer> {
  fs.mkdirSync(opts.dir, { recursive: true });
  const dynamicConfigFile = path.join(opts.dir, 'dynamicconfig.yaml');
  const configFile = path.join(opts.dir, 'temporal.yaml');
  fs.writeFileSync(dynamicConfigFile, `${JSON.stringify(DYNAMIC_CONFIG, null, 2)}\n`);
  fs.writeFileSync(configFile, `${JSON.stringify(temporalServerConfig(opts, dynamicConfigFile), null, 2)}\n`);
  await prepareTemporalDatabases(opts);

  const address = `127.0.0.1:${opts.frontendPort}`;
  const logFile = path.join(opts.dir, 'server.log');
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();

  async function start(): Promise<void> {
    const ports = temporalPorts(opts.frontendPort);
    await assertPortsFree(
      Object.entries(ports).flatMap(([service, p]) => [
        { port: p.grpcPort, what: `Temporal ${service}`, variable: 'CLUSTER_TEMPORAL_PORT' },
        { port: p.membershipPort, what: `Temporal ${service} membership`, variable: 'CLUSTER_TEMPORAL_PORT' },
      ]),
    );
    const out = fs.openSync(logFile, 'a');
    const proc = spawn(opts.server, ['--config-file', configFile, '--allow-no-auth', 'start'], { stdio: ['ignore', out, out] });
    fs.closeSync(out);
    child = proc;
    let gone = false;
    exited = new Promise((resolve) =>
      proc.once('exit', () => {
        gone = true;
        if (child === proc) child = undefined;
        resolve();
      }),
    );
    try {
      await waitFor(
        async () => {
          if (gone) throw new StackError(`the Temporal server exited: see ${logFile}`);
          const connection = await Connection.connect({ address, connectTimeout: 1000 });
          try {
            await connection.workflowService.getSystemInfo({});
            return true;
          } finally {
            await connection.close();
          }
        },
        'Temporal server',
        120_000,
        500,
      );
    } catch (error) {
      const tail = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').trim().split('\n').slice(-5).join('\n') : '';
      proc.kill('SIGKILL');
      throw new StackError(`${error instanceof Error ? error.message : String(error)}\n${tail}`);
    }
  }

  const stop = async (signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM') => {
    const proc = child;
    if (!proc) return;
    const force = setTimeout(() => proc.kill('SIGKILL'), 20_000);
    proc.kill(signal);
    await exited;
    clearTimeout(force);
  };

  await start();
  try {
    await ensureNamespace(address, opts.namespace, opts.log);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    address,
    get pid() {
      return child?.pid;
    },
    stop,
    start,
  };
}

/**
 * The namespace (30 days of retention, as in compose) and the search
 * attributes, then waits until the frontend accepts a query on them: a new
 * namespace and its attributes reach the frontend's cache within seconds.
 */
async function ensureNamespace(address: string, namespace: string, log: (line: string) => void): Promise<void> {
  const connection = await Connection.connect({ address });
  try {
    try {
      await connection.workflowService.describeNamespace({ namespace });
    } catch {
      log(`  registering namespace ${namespace}`);
      await connection.workflowService
        .registerNamespace({ namespace, workflowExecutionRetentionPeriod: msToTs('30 days') })
        .catch((error: unknown) => {
          if ((error as { code?: number }).code !== GRPC_ALREADY_EXISTS) throw error;
        });
    }
    await waitFor(
      async () => {
        await registerSearchAttributes(connection, namespace);
        const probe = ALL_SEARCH_ATTRIBUTES.map((k) => (k.type === 'BOOL' ? `${k.name} = false` : `${k.name} = 'probe'`)).join(' AND ');
        await connection.workflowService.countWorkflowExecutions({ namespace, query: probe });
        return true;
      },
      `namespace ${namespace} with the search attributes`,
      90_000,
      1000,
    );
  } finally {
    await connection.close();
  }
}
