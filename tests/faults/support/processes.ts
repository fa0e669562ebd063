// The cabinet's components as things a fault scenario can break: the worker
// and the API as separate Node processes (killable with any signal, started
// again with the same environment), and the embedded services (PostgreSQL,
// MailDev, the Temporal dev server) stoppable and startable on the same port
// and the same data, as an operator's restart would.
import { spawn, type ChildProcess } from 'node:child_process';
import { ROOT_DIR } from '../../../infra/config';
import { startMailCatcher, type MailCatcher } from '../../../infra/mail';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../../infra/postgres';
import { ensureTemporalCli } from '../../../infra/temporal-cli';
import { startDevServer, type DevServer } from '../../../infra/temporal';

/** A component that can be taken down and brought back on the same port and data. */
export interface Restartable {
  readonly name: string;
  readonly running: boolean;
  start(): Promise<void>;
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 180_000;

/**
 * A Node entry point (`worker/main.ts`, `api/main.ts`) run with tsx as its own
 * process. Ready once it prints `readyLine`. An exit nobody asked for (a
 * crash) is counted in `unexpectedExits`: a component that dies when another
 * one goes away is a finding, not noise.
 */
export class NodeProcess implements Restartable {
  private child: ChildProcess | undefined;
  private exited: Promise<void> = Promise.resolve();
  private stopping = false;
  private tail = '';
  starts = 0;
  unexpectedExits = 0;

  constructor(
    readonly name: string,
    private readonly spec: { entry: string; env: NodeJS.ProcessEnv; readyLine: string },
  ) {}

  get running(): boolean {
    return this.child !== undefined;
  }

  /** The last lines it wrote: printed when something goes wrong. */
  get output(): string {
    return this.tail;
  }

  async start(): Promise<void> {
    if (this.child) return;
    const child = spawn(process.execPath, ['--import', 'tsx', this.spec.entry], { cwd: ROOT_DIR, env: this.spec.env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    this.stopping = false;
    this.starts += 1;
    this.exited = new Promise((resolve) =>
      child.once('exit', (code, signal) => {
        if (this.child === child) this.child = undefined;
        if (!this.stopping) {
          this.unexpectedExits += 1;
          console.warn(`${this.name} exited by itself (${signal ?? code}):\n${this.tail}`);
        }
        resolve();
      }),
    );
    const remember = (chunk: string) => (this.tail = (this.tail + chunk).slice(-4000));
    child.stderr!.setEncoding('utf8').on('data', remember);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${this.name} did not start within ${READY_TIMEOUT_MS / 1000} s:\n${this.tail}`)), READY_TIMEOUT_MS);
      child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
        remember(chunk);
        if (this.tail.includes(this.spec.readyLine)) {
          clearTimeout(timer);
          resolve();
        }
      });
      void this.exited.then(() => {
        clearTimeout(timer);
        reject(new Error(`${this.name} exited while starting:\n${this.tail}`));
      });
    });
  }

  /** Sends a signal and waits for the exit: SIGKILL is a crash, SIGTERM a graceful stop. */
  async kill(signal: NodeJS.Signals): Promise<void> {
    if (!this.child) return;
    this.stopping = true;
    this.child.kill(signal);
    await this.exited;
  }

  async stop(): Promise<void> {
    if (!this.child) return;
    const child = this.child;
    const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await this.kill('SIGTERM');
    clearTimeout(force);
  }
}

/** Endpoints the worker and the API processes are given, as in production (worker/main.ts, api/main.ts). */
export interface ProcessEndpoints {
  databaseUrl: string;
  temporalAddress: string;
  smtpUrl: string;
}

export function workerProcess(endpoints: ProcessEndpoints, env: NodeJS.ProcessEnv): NodeProcess {
  return new NodeProcess('worker', {
    entry: 'worker/main.ts',
    env: { ...env, DATABASE_URL: endpoints.databaseUrl, TEMPORAL_ADDRESS: endpoints.temporalAddress, SMTP_URL: endpoints.smtpUrl },
    readyLine: 'Worker polling',
  });
}

export function apiProcess(endpoints: ProcessEndpoints, env: NodeJS.ProcessEnv): NodeProcess {
  return new NodeProcess('API', {
    entry: 'api/main.ts',
    env: { ...env, DATABASE_URL: endpoints.databaseUrl, TEMPORAL_ADDRESS: endpoints.temporalAddress, SMTP_URL: endpoints.smtpUrl },
    readyLine: 'Cabinet and API at',
  });
}

/** Embedded PostgreSQL on a data folder that outlives its stops: a restart finds every row. */
export class PostgresService implements Restartable {
  readonly name = 'PostgreSQL';
  private server: EmbeddedDatabase | undefined;
  url = '';

  constructor(private readonly opts: { dir: string; port: number }) {}

  get running(): boolean {
    return this.server !== undefined;
  }

  async start(): Promise<void> {
    this.server ??= await startEmbeddedPostgres({ dir: this.opts.dir, port: this.opts.port, database: 'kabinet' });
    this.url = this.server.url;
  }

  /** A fast shutdown (SIGINT to the postmaster): open connections are cut, as in a crash of the database host. */
  async stop(): Promise<void> {
    await this.server?.stop();
    this.server = undefined;
  }
}

/** MailDev keeping its mail in a folder, so a restart still holds what it caught before. */
export class MailService implements Restartable {
  readonly name = 'MailDev';
  private catcher: MailCatcher | undefined;
  readonly smtpUrl: string;
  readonly apiUrl: string;

  constructor(private readonly opts: { dir: string; smtpPort: number; webPort: number }) {
    this.smtpUrl = `smtp://127.0.0.1:${opts.smtpPort}`;
    this.apiUrl = `http://127.0.0.1:${opts.webPort}`;
  }

  get running(): boolean {
    return this.catcher !== undefined;
  }

  async start(): Promise<void> {
    this.catcher ??= await startMailCatcher({ smtpPort: this.opts.smtpPort, webPort: this.opts.webPort, dir: this.opts.dir });
  }

  async stop(): Promise<void> {
    await this.catcher?.stop();
    this.catcher = undefined;
  }
}

/** The Temporal dev server on a SQLite file: stopped (gracefully or killed) and started again on the same port and file. */
export class TemporalService implements Restartable {
  readonly name = 'Temporal dev server';
  private server: DevServer | undefined;
  readonly address: string;

  constructor(private readonly opts: { dbFile: string; port: number; uiPort: number; namespace: string }) {
    this.address = `127.0.0.1:${opts.port}`;
  }

  get running(): boolean {
    return this.server !== undefined;
  }

  async start(): Promise<void> {
    if (this.server) return;
    const cli = await ensureTemporalCli((line) => console.log(line));
    this.server = await startDevServer({ cli, port: this.opts.port, uiPort: this.opts.uiPort, namespace: this.opts.namespace, dbFile: this.opts.dbFile, log: (line) => console.log(line) });
  }

  async stop(signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<void> {
    await this.server?.stop(signal);
    this.server = undefined;
  }
}

/** Stops a component, keeps it down for `ms`, starts it again; returns how long it was really down. */
export async function outage(component: Restartable & { stop(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void> }, ms: number, signal?: 'SIGTERM' | 'SIGKILL'): Promise<number> {
  const started = Date.now();
  await component.stop(signal);
  const down = Date.now();
  await new Promise((r) => setTimeout(r, Math.max(0, ms - (down - started))));
  await component.start();
  return Date.now() - down;
}
