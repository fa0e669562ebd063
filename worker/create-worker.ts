// Builds the worker that runs every case workflow and its activities.
import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode, DefaultLogger, NativeConnection, Runtime, Worker, type LogLevel, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import type { ConnectionOptions } from '@temporalio/client';
import { createActivities, type ActivityDeps } from '../activities';

export const WORKFLOWS_PATH = fileURLToPath(new URL('../workflows/index.ts', import.meta.url));

let runtimeInstalled = false;
/** The SDK's own log level; must be set before the first worker or connection. */
export function installRuntime(level: string) {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  const sdkLevel = ({ fatal: 'ERROR', error: 'ERROR', warn: 'WARN', info: 'INFO', debug: 'DEBUG', trace: 'TRACE' } as Record<string, LogLevel>)[level] ?? 'WARN';
  Runtime.install({ logger: new DefaultLogger(sdkLevel) });
}

let bundle: Promise<WorkflowBundleWithSourceMap> | undefined;
/** Bundling the workflow code takes seconds: do it once per process. */
export function workflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  bundle ??= bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, logger: { log() {}, trace() {}, debug() {}, info() {}, warn: console.warn, error: console.error } });
  return bundle;
}

export interface WorkerOptions {
  connection: Pick<ConnectionOptions, 'address' | 'tls' | 'apiKey' | 'metadata'>;
  namespace: string;
  taskQueue: string;
  deps: ActivityDeps;
}

export async function createWorker(opts: WorkerOptions): Promise<{ worker: Worker; connection: NativeConnection }> {
  const connection = await NativeConnection.connect({
    address: opts.connection.address,
    tls: opts.connection.tls,
    apiKey: typeof opts.connection.apiKey === 'string' ? opts.connection.apiKey : undefined,
    metadata: opts.connection.metadata as Record<string, string> | undefined,
  });
  const worker = await Worker.create({
    connection,
    namespace: opts.namespace,
    taskQueue: opts.taskQueue,
    workflowBundle: await workflowBundle(),
    activities: createActivities(opts.deps),
  });
  return { worker, connection };
}
