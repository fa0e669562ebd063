// The production shape on one machine (`npm run cluster`, the cluster tests
// and `npm run bench -- --cluster`): a Temporal server on PostgreSQL with SQL
// visibility, two worker processes, two API processes behind Caddy (TLS,
// X-Forwarded-For), documents in an S3-compatible store shared by all of them,
// one PAYLOAD_KEYS, NODE_ENV=production. The API and the worker run the
// compiled dist/ as the image does (`node dist/api.js`), from a copy of the
// image's contents with production dependencies only (./image.ts); each keeps
// its own DATA_DIR, so nothing can pass between them on a local disk.
import fs from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import S3rver from 's3rver';
import { ROOT_DIR } from '../config';
import { startMailCatcher, type MailCatcher } from '../mail';
import { newPayloadKey } from '../payload-codec';
import { assertPortsFree, waitFor } from '../ports';
import { ensureClusterTools, TEMPORAL_SERVER } from '../go-tools';
import { caddyProcess, caddyRootCertificate } from './caddy';
import { prepareImage } from './image';
import { postgresServer } from './postgres';
import { ClusterProcess } from './process';
import { startTemporalServer, type TemporalServer } from './temporal-server';

export const CLUSTER_DIR = path.join(ROOT_DIR, '.data', 'cluster');
const DIST = path.join(ROOT_DIR, 'dist');

/** Ports of the cluster, apart from `npm start`'s and the tests'; CLUSTER_PORT_OFFSET moves them all. */
export function clusterPorts(offset = Number(process.env.CLUSTER_PORT_OFFSET ?? 0)) {
  return {
    temporal: 17233 + offset,
    https: 18443 + offset,
    http: 18080 + offset,
    apis: [13101 + offset, 13102 + offset],
    s3: 14569 + offset,
    smtp: 11025 + offset,
    mailWeb: 11080 + offset,
  };
}

export interface ClusterOptions {
  /** Drop the cluster's databases and folders first (tests, benchmarks). */
  fresh?: boolean;
  /** Database names start with this (kabinet_cluster by default). */
  databasePrefix?: string;
  workers?: number;
  apis?: number;
  /** Extra environment of the API and worker processes (e.g. TERMS_OVERRIDE, DEMO_ACCOUNTS). */
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
}

export interface Cluster {
  /** What visitors open: Caddy. */
  publicUrl: string;
  /** Caddy's root certificate (PEM file): clients trust it (NODE_EXTRA_CA_CERTS). */
  caFile: string;
  databaseUrl: string;
  temporalAddress: string;
  namespace: string;
  taskQueue: string;
  mailApiUrl: string;
  s3Url: string;
  /** The environment every API and worker process runs with (PAYLOAD_KEYS included). */
  processEnv: NodeJS.ProcessEnv;
  temporal: TemporalServer;
  apis: ClusterProcess[];
  workers: ClusterProcess[];
  caddy: ClusterProcess;
  /** Every process of ours, for CPU and memory accounting. */
  pids(): Array<{ name: string; pid: number | undefined }>;
  stop(): Promise<void>;
}

function payloadKeys(dir: string): string {
  const file = path.join(dir, 'payload-keys');
  if (!fs.existsSync(file)) fs.writeFileSync(file, `${newPayloadKey(`cluster-${Date.now().toString(36)}`)}\n`, { mode: 0o600 });
  return fs.readFileSync(file, 'utf8').trim();
}

export async function startCluster(opts: ClusterOptions = {}): Promise<Cluster> {
  const log = opts.log ?? console.log;
  const ports = clusterPorts();
  const prefix = opts.databasePrefix ?? 'kabinet_cluster';
  const databases = { app: prefix, main: `${prefix}_temporal`, visibility: `${prefix}_visibility` };
  const workerCount = opts.workers ?? 2;
  const apiCount = opts.apis ?? 2;
  for (const file of [path.join(DIST, 'api.js'), path.join(DIST, 'worker.js'), path.join(DIST, 'workflow-bundle.js')]) {
    if (!fs.existsSync(file)) throw new Error(`${path.relative(ROOT_DIR, file)} is missing: run \`npm run build\` first`);
  }

  const stops: Array<() => Promise<unknown>> = [];
  const stop = async () => {
    for (const step of stops.reverse()) await step().catch((e: unknown) => log(`stopping the cluster: ${e instanceof Error ? e.message : String(e)}`));
    stops.length = 0;
  };
  try {
    const started = Date.now();
    const took = (what: string) => log(`cluster: ${what} (${Math.round((Date.now() - started) / 100) / 10} s)`);
    const { server, sqlTool, caddy } = await ensureClusterTools(log);
    const image = prepareImage(log);
    const imageDist = path.join(image, 'dist');
    await assertPortsFree([
      { port: ports.https, what: 'Caddy HTTPS', variable: 'CLUSTER_PORT_OFFSET' },
      { port: ports.http, what: 'Caddy HTTP', variable: 'CLUSTER_PORT_OFFSET' },
      ...ports.apis.slice(0, apiCount).map((port) => ({ port, what: 'cluster API', variable: 'CLUSTER_PORT_OFFSET' })),
      { port: ports.s3, what: 'S3 store', variable: 'CLUSTER_PORT_OFFSET' },
    ]);

    const postgres = await postgresServer();
    if (opts.fresh) {
      for (const database of Object.values(databases)) await postgres.dropDatabase(database);
      fs.rmSync(CLUSTER_DIR, { recursive: true, force: true });
    }
    fs.mkdirSync(CLUSTER_DIR, { recursive: true });
    if (!(await postgres.databaseExists(databases.app))) await postgres.createDatabase(databases.app);

    const temporal = await startTemporalServer({
      server,
      sqlTool,
      postgres,
      databases,
      frontendPort: ports.temporal,
      namespace: 'default',
      historyShards: 4,
      dir: path.join(CLUSTER_DIR, 'temporal'),
      log,
    });
    stops.push(() => temporal.stop());
    took(`Temporal server ${TEMPORAL_SERVER.version} on PostgreSQL at ${temporal.address}`);

    // Stand-ins for the managed services: an S3-compatible store and an SMTP relay.
    const s3dir = path.join(CLUSTER_DIR, 's3');
    fs.mkdirSync(s3dir, { recursive: true });
    const s3 = new S3rver({ port: ports.s3, address: '127.0.0.1', silent: true, directory: s3dir, configureBuckets: [{ name: 'kabinet-docs', configs: [] }] });
    await s3.run();
    stops.push(() => s3.close());
    const mail: MailCatcher = await startMailCatcher({ smtpPort: ports.smtp, webPort: ports.mailWeb, dir: path.join(CLUSTER_DIR, 'mail') });
    stops.push(() => mail.stop());

    const publicUrl = `https://localhost:${ports.https}`;
    const s3Url = `s3://kabinet-docs?endpoint=http://127.0.0.1:${ports.s3}&region=us-east-1`;
    const processEnv: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      PUBLIC_URL: publicUrl,
      TRUST_PROXY: 'on',
      DATABASE_URL: postgres.urlOf(databases.app),
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_NAMESPACE: 'default',
      TEMPORAL_TASK_QUEUE: 'kabinet',
      SMTP_URL: mail.smtpUrl,
      DOCUMENT_STORE_URL: s3Url,
      // s3rver accepts its well-known development keys.
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      PAYLOAD_KEYS: payloadKeys(CLUSTER_DIR),
      WORKFLOW_BUNDLE: path.join(imageDist, 'workflow-bundle.js'),
      DEMO_ACCOUNTS: 'on',
      PAYMENTS_MODE: 'test',
      ...opts.env,
    };

    const node = process.execPath;
    const apis = ports.apis.slice(0, apiCount).map(
      (port, i) =>
        new ClusterProcess({
          name: `api-${i + 1}`,
          command: node,
          args: ['--enable-source-maps', path.join(imageDist, 'api.js')],
          cwd: image,
          env: { ...processEnv, PORT: String(port), DATA_DIR: path.join(CLUSTER_DIR, `api-${i + 1}`) },
          logFile: path.join(CLUSTER_DIR, `api-${i + 1}.log`),
          readyLine: 'Cabinet and API at',
        }),
    );
    const workers = Array.from(
      { length: workerCount },
      (_, i) =>
        new ClusterProcess({
          name: `worker-${i + 1}`,
          command: node,
          args: ['--enable-source-maps', path.join(imageDist, 'worker.js')],
          cwd: image,
          env: { ...processEnv, DATA_DIR: path.join(CLUSTER_DIR, `worker-${i + 1}`) },
          logFile: path.join(CLUSTER_DIR, `worker-${i + 1}.log`),
          readyLine: 'Worker polling',
        }),
    );
    // The first API migrates the database (the others wait on the migration lock anyway); then the rest at once.
    for (const [i, group] of [[apis[0]!], [...apis.slice(1), ...workers]].entries()) {
      await Promise.all(
        group.map(async (p) => {
          stops.push(() => p.stop());
          await p.start();
        }),
      );
      took(i === 0 ? 'first API (database migrated)' : `${apis.length - 1} more API, ${workers.length} workers`);
    }

    const proxy = caddyProcess({ binary: caddy, dir: path.join(CLUSTER_DIR, 'caddy'), httpsPort: ports.https, httpPort: ports.http, upstreams: apis.map((_, i) => `127.0.0.1:${ports.apis[i]}`) });
    stops.push(() => proxy.stop());
    await proxy.start();
    const caFile = caddyRootCertificate(path.join(CLUSTER_DIR, 'caddy'));
    await waitFor(async () => (await fetchThroughProxy(`${publicUrl}/healthz`, caFile)) === 200, 'the cabinet through Caddy', 60_000, 500);
    took(`Caddy at ${publicUrl}`);

    return {
      publicUrl,
      caFile,
      databaseUrl: processEnv.DATABASE_URL!,
      temporalAddress: temporal.address,
      namespace: 'default',
      taskQueue: 'kabinet',
      mailApiUrl: mail.webUrl,
      s3Url,
      processEnv,
      temporal,
      apis,
      workers,
      caddy: proxy,
      pids: () => [{ name: 'temporal', pid: temporal.pid }, ...[...apis, ...workers, proxy].map((p) => ({ name: p.name, pid: p.pid }))],
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** A GET through the proxy trusting its CA, without touching the process-wide TLS settings. */
function fetchThroughProxy(url: string, caFile: string): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const request = https.get(url, { ca: fs.readFileSync(caFile), timeout: 5000 }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.once('error', reject);
    request.once('timeout', () => request.destroy(new Error('timeout')));
  });
}
