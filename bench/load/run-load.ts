// Runs the closed-loop load generator as a child process and returns its figures.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { LoadRequest, LoadResult } from './closed-loop';

export function runLoad(request: LoadRequest): Promise<LoadResult> {
  const child = fork(fileURLToPath(new URL('./closed-loop.ts', import.meta.url)), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('message', (result: LoadResult) => resolve(result));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`the load generator exited with ${code}`))));
    child.send(request);
  });
}
