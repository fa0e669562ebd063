// One process of the production shape (an API, a worker, Caddy), started as
// the image starts it, its output appended to a log file. It can be killed
// with any signal and started again with the same command and environment.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { StackError } from '../errors';

export interface ProcessSpec {
  name: string;
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  /** The working directory (the image's root for the app, as its WORKDIR). */
  cwd?: string;
  logFile: string;
  /** Ready once a line of its output contains this, or once `ready()` resolves true. */
  readyLine?: string;
  ready?: () => Promise<boolean>;
  readyTimeoutMs?: number;
}

export class ClusterProcess {
  private child: ChildProcess | undefined;
  private exited: Promise<void> = Promise.resolve();
  private tail = '';
  starts = 0;
  /** Exits nobody asked for: a process that dies when another one goes away is a finding. */
  unexpectedExits = 0;
  private stopping = false;

  constructor(readonly spec: ProcessSpec) {}

  get name(): string {
    return this.spec.name;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get running(): boolean {
    return this.child !== undefined;
  }

  /** The last lines it wrote: shown when it fails to start. */
  get output(): string {
    return this.tail;
  }

  async start(): Promise<void> {
    if (this.child) return;
    this.stopping = false;
    const { spec } = this;
    const log = fs.createWriteStream(spec.logFile, { flags: 'a' });
    const child = spawn(spec.command, spec.args, { cwd: spec.cwd, env: spec.env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    this.starts += 1;
    let sawReadyLine = false;
    const onData = (chunk: Buffer) => {
      log.write(chunk);
      this.tail = (this.tail + chunk.toString('utf8')).slice(-4000);
      if (spec.readyLine && this.tail.includes(spec.readyLine)) sawReadyLine = true;
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    let gone = false;
    this.exited = new Promise((resolve) =>
      child.once('exit', () => {
        gone = true;
        log.end();
        if (this.child === child) this.child = undefined;
        if (!this.stopping) this.unexpectedExits += 1;
        resolve();
      }),
    );
    const deadline = Date.now() + (spec.readyTimeoutMs ?? 180_000);
    for (;;) {
      if (gone) throw new StackError(`${spec.name} exited while starting:\n${this.tail.trim().split('\n').slice(-8).join('\n')}`);
      if (sawReadyLine || (spec.ready && (await spec.ready().catch(() => false)))) return;
      if (Date.now() > deadline) {
        await this.stop('SIGKILL');
        throw new StackError(`${spec.name} was not ready within ${Math.round((spec.readyTimeoutMs ?? 180_000) / 1000)}s:\n${this.tail.trim().split('\n').slice(-8).join('\n')}`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  /** SIGTERM lets it drain (SIGKILL after 20 s); SIGKILL is a crash. */
  async stop(signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.stopping = true;
    const force = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.kill(signal);
    await this.exited;
    clearTimeout(force);
  }

  async restart(signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<void> {
    await this.stop(signal);
    await this.start();
  }
}
