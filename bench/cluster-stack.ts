// `npm run bench -- --cluster`: the same benchmarks against the production
// shape (infra/cluster: a Temporal server on PostgreSQL with SQL visibility,
// two workers, two APIs behind Caddy) instead of the dev server. The driver's
// own services connect as an API process does (the cluster's database, its
// Temporal server, its payload key); HTTP goes through the proxy, TLS and all;
// the bare baseline's worker polls the same server.
import fs from 'node:fs';
import tls from 'node:tls';
import { Client, Connection } from '@temporalio/client';
import { connectDb } from '../db';
import { startCluster } from '../infra/cluster';
import { buildProduction } from '../scripts/build';
import { readEnv } from '../infra/config';
import { temporalDataConverter } from '../infra/data-converter';
import { resolveTerms } from '../domain/regulations';
import { TEST_THROTTLE_RULES } from '../tests/support/test-env';
import { BARE_READY_LINE } from './bare/plan';
import type { CpuGroups } from './cpu';
import { BARE_TASK_QUEUE, spawnTs, stopChild, type BenchStack } from './stack';

export async function startClusterBenchStack(opts: { quick: boolean; log: (line: string) => void }): Promise<BenchStack> {
  const { log } = opts;
  // The processes run dist/ as the image does: built from this code, or the cluster would measure an older one.
  log('The production shape: building dist/…');
  await buildProduction(log);
  // Its own databases: the benchmarks fill them with thousands of cases.
  const cluster = await startCluster({ fresh: true, databasePrefix: 'kabinet_bench_cluster', log });
  const stops: Array<() => Promise<void>> = [() => cluster.stop()];
  const stop = async () => {
    for (const s of stops.reverse()) await s().catch((error: unknown) => log(`  stopping: ${String(error)}`));
    stops.length = 0;
  };
  try {
    // The benchmarks' HTTP clients trust the proxy's CA, as the company's browsers would.
    tls.setDefaultCACertificates([...tls.getCACertificates('default'), fs.readFileSync(cluster.caFile, 'utf8')]);
    // …and so do the load generator's processes (bench/load), started after this.
    process.env.NODE_EXTRA_CA_CERTS = cluster.caFile;
    const env = readEnv(cluster.processEnv);
    const bare = await spawnTs('bench/bare/worker.ts', { ...process.env, ...cluster.processEnv, TEMPORAL_TASK_QUEUE: BARE_TASK_QUEUE }, BARE_READY_LINE, log);
    stops.push(() => stopChild(bare));
    const connection = await Connection.connect({ address: cluster.temporalAddress });
    stops.push(() => connection.close());
    const db = connectDb(cluster.databaseUrl);
    stops.push(() => db.close());
    const temporal = new Client({ connection, namespace: cluster.namespace, dataConverter: temporalDataConverter(env) });
    const pids = (ps: Array<{ pid: number | undefined }>) => ({ pid: ps[0]!.pid!, also: ps.slice(1).map((p) => p.pid!) });
    // The roles the benchmarks read by name: the API processes stand where the dev stack's in-process API stands.
    const cpuGroups: CpuGroups = {
      'bench process (API, driver)': pids([...cluster.apis, { pid: process.pid }]),
      worker: pids(cluster.workers),
      'Temporal dev server': { pid: cluster.temporal.pid! },
      caddy: { pid: cluster.caddy.pid! },
      'bare worker': { pid: bare.pid! },
    };
    return {
      quick: opts.quick,
      appUrl: cluster.publicUrl,
      databaseUrl: cluster.databaseUrl,
      temporalAddress: cluster.temporalAddress,
      namespace: cluster.namespace,
      taskQueue: cluster.taskQueue,
      mailApiUrl: cluster.mailApiUrl,
      workerPid: cluster.workers[0]!.pid!,
      bareTaskQueue: BARE_TASK_QUEUE,
      bareWorkerPid: bare.pid!,
      bareClient: new Client({ connection, namespace: cluster.namespace }),
      bareEncryptedClient: new Client({ connection, namespace: cluster.namespace, dataConverter: { payloadCodecs: temporalDataConverter(env).payloadCodecs } }),
      services: { db, temporal, taskQueue: cluster.taskQueue, publicUrl: cluster.publicUrl, throttle: TEST_THROTTLE_RULES, terms: resolveTerms(), paymentsMode: 'test' },
      shared: new Map(),
      cpuGroups,
      log,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
