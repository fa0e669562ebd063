// Server-side tools of the production shape (the Temporal server, its SQL
// schema tool, Caddy) built from their Go modules like the Temporal CLI
// (infra/temporal-cli.ts): prebuilt binaries cannot be downloaded on our
// machines. Each is cached under a versioned name in .tools/bin and in the
// user's cache dir (CI builds in fresh clones).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TOOLS_BIN } from './temporal-cli';
import { StackError } from './errors';

const USER_CACHE_BIN = path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'kabinet', 'bin');

export interface GoTool {
  /** The name the binary is cached under, the version appended. */
  name: string;
  /** The package path `go install` builds, without the version. */
  pkg: string;
  version: string;
  /** Arguments that make the binary print something and exit 0: proves a cached copy runs. */
  probe: string[];
}

export const TEMPORAL_SERVER_VERSION = 'v1.30.4';

export const TEMPORAL_SERVER: GoTool = { name: 'temporal-server', pkg: 'go.temporal.io/server/cmd/server', version: TEMPORAL_SERVER_VERSION, probe: ['--version'] };
export const TEMPORAL_SQL_TOOL: GoTool = { name: 'temporal-sql-tool', pkg: 'go.temporal.io/server/cmd/tools/sql', version: TEMPORAL_SERVER_VERSION, probe: ['--version'] };
export const CADDY: GoTool = { name: 'caddy', pkg: 'github.com/caddyserver/caddy/v2/cmd/caddy', version: 'v2.11.9', probe: ['version'] };

const fileName = (tool: GoTool) => `${tool.name}-${tool.version}`;

function works(binary: string, tool: GoTool): boolean {
  return fs.existsSync(binary) && spawnSync(binary, tool.probe, { encoding: 'utf8', timeout: 30_000 }).status === 0;
}

/** The cached binary of this tool and version, or undefined. */
export function findGoTool(tool: GoTool): string | undefined {
  return [path.join(TOOLS_BIN, fileName(tool)), path.join(USER_CACHE_BIN, fileName(tool))].find((binary) => works(binary, tool));
}

function goInstall(tool: GoTool, gobin: string, log: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn('go', ['install', `${tool.pkg}@${tool.version}`], { env: { ...process.env, GOBIN: gobin }, stdio: ['ignore', 'ignore', 'pipe'] });
    let downloads = 0;
    let lastError = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      for (const line of chunk.split('\n').filter(Boolean)) {
        if (line.startsWith('go: downloading')) downloads += 1;
        else lastError = line;
      }
    });
    // go prints nothing while it compiles, so show that it is alive.
    const timer = setInterval(() => log(`  building ${tool.name} ${tool.version}: ${Math.round((Date.now() - started) / 1000)}s, ${downloads} modules downloaded…`), 15_000);
    child.on('error', (error) => {
      clearInterval(timer);
      reject(new StackError(`go install ${tool.pkg}@${tool.version} could not start: ${error.message}`));
    });
    child.on('close', (code) => {
      clearInterval(timer);
      if (code === 0) resolve();
      else reject(new StackError(`go install ${tool.pkg}@${tool.version} failed: ${lastError}`));
    });
  });
}

/** Returns the tool's binary, building it once (minutes on two cores) when no cached copy runs. */
export async function ensureGoTool(tool: GoTool, log: (line: string) => void = console.log): Promise<string> {
  const found = findGoTool(tool);
  if (found) return found;
  if (spawnSync('sh', ['-c', 'command -v go']).status !== 0) {
    throw new StackError(`${tool.name} ${tool.version} is missing and Go is not installed: install Go ≥1.25 (https://go.dev/doc/install) to build it`);
  }
  log(`${tool.name} ${tool.version} not found: building it with go install into ${path.relative(process.cwd(), TOOLS_BIN)} (takes a few minutes, once)`);
  // A folder of its own: `go install` names the binary after the package's last element (server, sql).
  const gobin = path.join(TOOLS_BIN, `.build-${tool.name}`);
  fs.rmSync(gobin, { recursive: true, force: true });
  fs.mkdirSync(gobin, { recursive: true });
  try {
    await goInstall(tool, gobin, log);
    const built = path.join(gobin, path.basename(tool.pkg));
    const target = path.join(TOOLS_BIN, fileName(tool));
    fs.renameSync(built, target);
    log(`  ${tool.name} ${tool.version} built`);
    try {
      fs.mkdirSync(USER_CACHE_BIN, { recursive: true });
      fs.copyFileSync(target, path.join(USER_CACHE_BIN, fileName(tool)));
      fs.chmodSync(path.join(USER_CACHE_BIN, fileName(tool)), 0o755);
    } catch {
      // the shared copy only saves time for other clones
    }
    return target;
  } finally {
    fs.rmSync(gobin, { recursive: true, force: true });
  }
}

/** Every tool the production shape needs (`npm run cluster:tools`; CI provisions them before the cluster tests). */
export async function ensureClusterTools(log: (line: string) => void = console.log): Promise<{ server: string; sqlTool: string; caddy: string }> {
  // One after the other: each build uses every core.
  const server = await ensureGoTool(TEMPORAL_SERVER, log);
  const sqlTool = await ensureGoTool(TEMPORAL_SQL_TOOL, log);
  const caddy = await ensureGoTool(CADDY, log);
  return { server, sqlTool, caddy };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  ensureClusterTools()
    .then((tools) => console.log(Object.values(tools).join('\n')))
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
