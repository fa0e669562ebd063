// Finds the official Temporal CLI, or builds it once from its Go module.
// Prebuilt binaries cannot be downloaded on our machines, so `go install` of a
// tag without `replace` directives is the supported way (v1.5.1, then older).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT_DIR } from './config';
import { StackError } from './errors';

export const TEMPORAL_CLI_VERSIONS = ['v1.5.1', 'v1.4.1', 'v1.3.0'] as const;
export const TOOLS_BIN = path.join(ROOT_DIR, '.tools', 'bin');
/** Shared by every clone on the machine (CI builds in fresh clones): a copy of the built binary. */
const USER_CACHE_BIN = path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'kabinet', 'bin');

function onPath(command: string): string | undefined {
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  const location = found.stdout.trim();
  return found.status === 0 && location ? location : undefined;
}

function works(cli: string): boolean {
  return spawnSync(cli, ['--version'], { encoding: 'utf8' }).status === 0;
}

/** TEMPORAL_CLI, then `temporal` on PATH, then the cached build; undefined if none. */
export function findTemporalCli(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.TEMPORAL_CLI) {
    if (!works(env.TEMPORAL_CLI)) throw new StackError(`TEMPORAL_CLI=${env.TEMPORAL_CLI} does not run: point it at a temporal binary or unset it`);
    return env.TEMPORAL_CLI;
  }
  const fromPath = onPath('temporal');
  if (fromPath) return fromPath;
  return [path.join(TOOLS_BIN, 'temporal'), path.join(USER_CACHE_BIN, 'temporal')].find((cli) => fs.existsSync(cli) && works(cli));
}

function goInstall(version: string, log: (line: string) => void): Promise<boolean> {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn('go', ['install', `github.com/temporalio/cli/cmd/temporal@${version}`], {
      env: { ...process.env, GOBIN: TOOLS_BIN },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let downloads = 0;
    let lastError = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      for (const line of chunk.split('\n').filter(Boolean)) {
        if (line.startsWith('go: downloading')) downloads += 1;
        else lastError = line;
      }
    });
    // go prints nothing while it compiles, so show that it is alive.
    const timer = setInterval(() => {
      const seconds = Math.round((Date.now() - started) / 1000);
      log(`  building temporal ${version}: ${seconds}s, ${downloads} modules downloaded…`);
    }, 15_000);
    child.on('close', (code) => {
      clearInterval(timer);
      if (code !== 0) log(`  go install temporal@${version} failed: ${lastError}`);
      resolve(code === 0);
    });
  });
}

/** Returns a working Temporal CLI, building it into .tools/bin when needed. */
export async function ensureTemporalCli(log: (line: string) => void = console.log): Promise<string> {
  const found = findTemporalCli();
  if (found) return found;
  if (!onPath('go')) {
    throw new StackError('The Temporal CLI is missing and Go is not installed: install Go ≥1.22 (https://go.dev/doc/install), or set TEMPORAL_CLI to a temporal binary, or TEMPORAL_ADDRESS to a running cluster');
  }
  fs.mkdirSync(TOOLS_BIN, { recursive: true });
  log(`Temporal CLI not found: building it with go install into ${path.relative(process.cwd(), TOOLS_BIN)} (takes a few minutes, once)`);
  for (const version of TEMPORAL_CLI_VERSIONS) {
    if (await goInstall(version, log)) {
      log(`  temporal ${version} built`);
      const built = path.join(TOOLS_BIN, 'temporal');
      try {
        fs.mkdirSync(USER_CACHE_BIN, { recursive: true });
        fs.copyFileSync(built, path.join(USER_CACHE_BIN, 'temporal'));
      } catch {
        // the shared copy only saves time for other clones
      }
      return built;
    }
  }
  throw new StackError(`Could not build the Temporal CLI (tried ${TEMPORAL_CLI_VERSIONS.join(', ')}): see the go error above, or set TEMPORAL_CLI`);
}

// `npm run temporal:cli` provisions the binary ahead of time (CI does this first).
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  ensureTemporalCli()
    .then((cli) => console.log(cli))
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
