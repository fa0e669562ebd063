// Temporal: a dev server we start ourselves, or the cluster TEMPORAL_ADDRESS names.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Connection, type ConnectionOptions } from '@temporalio/client';
import proto from '@temporalio/proto';
import type { Env } from './config';
import { StackError } from './errors';
import { assertPortsFree, waitFor } from './ports';
import { ALL_SEARCH_ATTRIBUTES } from '../workflows/search-attributes';

export function temporalConnectionOptions(env: Env, address: string): ConnectionOptions {
  const tls =
    env.TEMPORAL_TLS_CERT && env.TEMPORAL_TLS_KEY
      ? { clientCertPair: { crt: fs.readFileSync(env.TEMPORAL_TLS_CERT), key: fs.readFileSync(env.TEMPORAL_TLS_KEY) } }
      : env.TEMPORAL_API_KEY
        ? true
        : undefined;
  return { address, tls, apiKey: env.TEMPORAL_API_KEY, metadata: env.TEMPORAL_API_KEY ? { 'temporal-namespace': env.TEMPORAL_NAMESPACE } : undefined };
}

export interface DevServer {
  address: string;
  uiUrl: string;
  /** SIGTERM (graceful, SIGKILL after 10 s), or SIGKILL at once to simulate a crash. */
  stop(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
}

/**
 * `temporal server start-dev`: with a dbFile the state survives restarts
 * (SQLite in WAL mode: concurrent readers and far fewer fsyncs), without one it
 * is in memory (tests).
 */
export async function startDevServer(opts: {
  cli: string;
  port: number;
  uiPort: number;
  dbFile?: string;
  namespace: string;
  /** The cabinet's codec endpoint (api/audit/temporal-codec.ts): the Web UI decrypts payloads through it. */
  codecEndpoint?: string;
  log: (line: string) => void;
}): Promise<DevServer> {
  await assertPortsFree([
    { port: opts.port, what: 'Temporal frontend', variable: 'TEMPORAL_PORT' },
    { port: opts.uiPort, what: 'Temporal Web UI', variable: 'TEMPORAL_UI_PORT' },
  ]);
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(opts.port), '--ui-port', String(opts.uiPort), '--namespace', opts.namespace, '--log-level', 'warn'];
  if (opts.dbFile) {
    fs.mkdirSync(path.dirname(opts.dbFile), { recursive: true });
    args.push('--db-filename', opts.dbFile, '--sqlite-pragma', 'journal_mode=wal', '--sqlite-pragma', 'synchronous=normal');
  }
  if (opts.codecEndpoint) args.push('--ui-codec-endpoint', opts.codecEndpoint);
  const child: ChildProcess = spawn(opts.cli, args, { stdio: ['ignore', 'ignore', 'pipe'], detached: false });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (c: string) => (stderr = (stderr + c).slice(-4000)));
  let exited = false;
  child.once('exit', () => (exited = true));
  const address = `127.0.0.1:${opts.port}`;
  try {
    await waitFor(async () => {
      if (exited) throw new StackError(`temporal server start-dev exited: ${stderr.trim().split('\n').pop() ?? ''}`);
      const connection = await Connection.connect({ address, connectTimeout: 1000 });
      try {
        await connection.workflowService.describeNamespace({ namespace: opts.namespace });
        return true;
      } finally {
        await connection.close();
      }
    }, 'Temporal dev server', 60_000, 300);
  } catch (error) {
    child.kill('SIGTERM');
    throw error;
  }
  return {
    address,
    uiUrl: `http://localhost:${opts.uiPort}`,
    stop: (signal = 'SIGTERM') =>
      new Promise<void>((resolve) => {
        if (exited) return resolve();
        const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(force);
          resolve();
        });
        child.kill(signal);
      }),
  };
}

/** Registers the app's search attributes; existing ones are left alone. */
export async function registerSearchAttributes(connection: Connection, namespace: string): Promise<void> {
  const { customAttributes } = await connection.operatorService.listSearchAttributes({ namespace });
  const existing = new Set(Object.keys(customAttributes ?? {}));
  const missing = ALL_SEARCH_ATTRIBUTES.filter((k) => !existing.has(k.name));
  if (missing.length === 0) return;
  const { IndexedValueType } = proto.temporal.api.enums.v1;
  const typeOf = { KEYWORD: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD, BOOL: IndexedValueType.INDEXED_VALUE_TYPE_BOOL } as const;
  const searchAttributes = Object.fromEntries(missing.map((k) => [k.name, typeOf[k.type]]));
  await connection.operatorService.addSearchAttributes({ namespace, searchAttributes });
}
