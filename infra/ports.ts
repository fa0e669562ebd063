import net from 'node:net';
import { StackError } from './errors';

export function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** Fails with one line naming the port, its purpose and the variable that moves it. */
export async function assertPortsFree(ports: Array<{ port: number; what: string; variable: string }>): Promise<void> {
  for (const { port, what, variable } of ports) {
    if (!(await isPortFree(port))) {
      throw new StackError(`Port ${port} (${what}) is already in use: stop whatever listens there or set ${variable} to another port`);
    }
  }
}

export async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 60_000, intervalMs = 250): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  throw new StackError(`${what} did not become ready within ${Math.round(timeoutMs / 1000)}s`);
}
