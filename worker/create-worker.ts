// Builds the worker that runs every case workflow and its activities.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode, DefaultLogger, NativeConnection, Runtime, Worker, type LogLevel, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import type { ConnectionOptions } from '@temporalio/client';
import type { DataConverter } from '@temporalio/common';
import { FAILURE_CONVERTER_PATH } from '../infra/data-converter';
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

const bundlerLogger = { log() {}, trace() {}, debug() {}, info() {}, warn: console.warn, error: console.error };

/**
 * Modules evaluated once per worker and shared by every workflow. The SDK's
 * reusable V8 context otherwise gives each workflow its own module cache, so
 * each case in memory held its own copy of zod and of the rules: 1.15 MB of
 * heap and 9.5 ms of CPU per workflow started or replayed; shared, 0.48 MB and
 * 4.3 ms (worker memory: bench «scale»). The SDK deep-freezes what is shared, so only stateless modules without zod
 * schemas belong here: zod defines a schema's methods on first use, which a
 * frozen schema refuses. zod-ru sets zod's locale, once, before the freeze.
 */
const domainModule = (name: string) => fileURLToPath(new URL(`../domain/${name}.ts`, import.meta.url));
const SHARED_WORKFLOW_MODULES = [domainModule('zod-ru'), domainModule('regulations')];

let bundle: Promise<WorkflowBundleWithSourceMap> | undefined;
/** Bundling the workflow code takes seconds: do it once per process. */
export function workflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  // The failure converter runs inside the workflow sandbox too, so it is bundled with the workflows.
  bundle ??= bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, failureConverterPath: FAILURE_CONVERTER_PATH, preloadModules: SHARED_WORKFLOW_MODULES, logger: bundlerLogger });
  return bundle;
}

let replay: Promise<WorkflowBundleWithSourceMap> | undefined;
/**
 * The same workflow code for replays, with the SDK's default failure converter:
 * a replay's failures never leave the process, and one that cannot run must
 * say why instead of "Encoded failure". Failure contents play no part in determinism.
 */
export function replayBundle(): Promise<WorkflowBundleWithSourceMap> {
  replay ??= bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, preloadModules: SHARED_WORKFLOW_MODULES, logger: bundlerLogger });
  return replay;
}

/** Writes the bundle of this code to a file for WORKFLOW_BUNDLE (scripts/bundle-workflows.ts). */
export async function writeWorkflowBundle(file: string): Promise<void> {
  const { code } = await workflowBundle();
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  fs.writeFileSync(file, code);
}

export interface WorkerOptions {
  connection: Pick<ConnectionOptions, 'address' | 'tls' | 'apiKey' | 'metadata'>;
  namespace: string;
  taskQueue: string;
  /** temporalDataConverter(env): payloads encrypted on the way to the server. */
  dataConverter: DataConverter;
  /** A bundle prebuilt from this code (WORKFLOW_BUNDLE); without one the worker bundles at start. */
  bundlePath?: string;
  /** WORKER_MAX_CACHED_WORKFLOWS; unset, the SDK's default sized from the heap. */
  maxCachedWorkflows?: number;
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
    dataConverter: opts.dataConverter,
    workflowBundle: opts.bundlePath ? { codePath: opts.bundlePath } : await workflowBundle(),
    activities: createActivities(opts.deps),
    maxCachedWorkflows: opts.maxCachedWorkflows,
  });
  return { worker, connection };
}
