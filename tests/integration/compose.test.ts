// docker-compose.yml must stay valid: `<compose> config -q` parses, interpolates and
// validates it without a Docker engine. The compose CLI is found like
// infra/compose-cli.sh does; when there is none the test fails (CI installs one first:
// `bash infra/compose-cli.sh`).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const COMPOSE_FILE = 'docker-compose.yml';

function runs(cmd: string[]): boolean {
  const [bin, ...args] = cmd;
  if (!bin) return false;
  const r = spawnSync(bin, [...args, 'version'], { cwd: ROOT, stdio: 'ignore', timeout: 30_000 });
  return r.status === 0;
}

/** Same order as infra/compose-cli.sh: $COMPOSE_CLI, docker compose, .tools/bin/docker-compose, docker-compose. */
function findComposeCli(): { cmd: string[] | null; tried: string[] } {
  const tried: string[] = [];
  const candidates: string[][] = [];
  const fromEnv = process.env.COMPOSE_CLI?.trim();
  if (fromEnv) candidates.push(fromEnv.split(/\s+/));
  candidates.push(['docker', 'compose']);
  const cached = path.join(ROOT, '.tools', 'bin', 'docker-compose');
  if (existsSync(cached)) candidates.push([cached]);
  else tried.push(`${cached} (missing)`);
  candidates.push(['docker-compose']);
  for (const cmd of candidates) {
    if (runs(cmd)) return { cmd, tried };
    tried.push(`${cmd.join(' ')} (\`${cmd.join(' ')} version\` failed)`);
  }
  return { cmd: null, tried };
}

function compose(cmd: string[], ...args: string[]) {
  const [bin, ...pre] = cmd;
  const r = spawnSync(bin!, [...pre, '-f', COMPOSE_FILE, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
    // the file has defaults for every variable; don't let a stray COMPOSE_FILE interfere
    env: { ...process.env, COMPOSE_FILE: undefined, COMPOSE_PROFILES: undefined },
  });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '', error: r.error };
}

type ComposeService = {
  image?: string;
  build?: unknown;
  depends_on?: Record<string, { condition?: string }> | string[];
  ports?: unknown[];
  volumes?: (string | { type?: string; source?: string; target?: string })[];
  deploy?: { replicas?: number };
  environment?: Record<string, string>;
};

describe('docker-compose.yml', () => {
  let cli: string[];

  beforeAll(() => {
    const { cmd, tried } = findComposeCli();
    if (!cmd) {
      throw new Error(
        'No Docker Compose CLI found, so docker-compose.yml cannot be validated.\n' +
          `Tried: ${tried.join('; ')}.\n` +
          'Install one with `bash infra/compose-cli.sh` (builds compose v2 into .tools/bin), ' +
          'or point COMPOSE_CLI at one (e.g. COMPOSE_CLI="docker compose").',
      );
    }
    cli = cmd;
  }, 120_000);

  it('passes `config -q`', () => {
    const r = compose(cli, 'config', '-q');
    expect(r.error, String(r.error)).toBeUndefined();
    expect(r.stderr).not.toMatch(/\b(error|invalid)\b/i);
    expect(r.status, `${cli.join(' ')} config -q failed:\n${r.stderr}`).toBe(0);
  });

  it('lists the stack services', () => {
    const r = compose(cli, 'config', '--services');
    expect(r.status, r.stderr).toBe(0);
    const services = r.stdout.split('\n').map((s) => s.trim()).filter(Boolean);
    expect(services).toEqual(expect.arrayContaining(['postgres', 'temporal', 'temporal-ui', 'worker', 'api']));
    expect(services).toEqual(expect.arrayContaining(['temporal-admin-tools', 'temporal-namespace', 'mail']));
  });

  describe('rendered configuration', () => {
    let services: Record<string, ComposeService>;

    beforeAll(() => {
      const r = compose(cli, 'config');
      expect(r.status, r.stderr).toBe(0);
      services = (parse(r.stdout) as { services: Record<string, ComposeService> }).services;
    });

    const dependsOn = (name: string, dep: string): string | undefined => {
      const d = services[name]?.depends_on;
      if (!d) return undefined;
      if (Array.isArray(d)) return d.includes(dep) ? 'service_started' : undefined;
      return d[dep] ? (d[dep].condition ?? 'service_started') : undefined;
    };

    it('pins every pulled image to an explicit version', () => {
      for (const [name, svc] of Object.entries(services)) {
        if (svc.build) continue; // built locally from the Dockerfile
        expect(svc.image, `${name} has no image`).toBeTruthy();
        const tag = svc.image!.split('/').pop()!.split(':')[1];
        expect(tag, `${name}: image ${svc.image} has no tag`).toBeTruthy();
        expect(tag, `${name}: image ${svc.image} is not pinned`).not.toMatch(/^(latest|\d+)$/);
      }
      expect(services.temporal?.image).toMatch(/^temporalio\/server:/);
      expect(services['temporal-admin-tools']?.image).toMatch(/^temporalio\/admin-tools:/);
      expect(Object.values(services).some((s) => s.image?.startsWith('temporalio/auto-setup'))).toBe(false);
    });

    it('orders the start-up with health and completion conditions', () => {
      expect(dependsOn('temporal-admin-tools', 'postgres')).toBe('service_healthy');
      expect(dependsOn('temporal', 'temporal-admin-tools')).toBe('service_completed_successfully');
      expect(dependsOn('temporal-namespace', 'temporal')).toBe('service_healthy');
      for (const app of ['api', 'worker']) {
        expect(dependsOn(app, 'postgres')).toBe('service_healthy');
        expect(dependsOn(app, 'temporal-namespace')).toBe('service_completed_successfully');
      }
    });

    it('runs api and worker from the same image built from the Dockerfile', () => {
      expect(services.api?.build).toBeTruthy();
      expect(services.worker?.image).toBe(services.api?.image);
    });

    it('describes the production shape: replicas behind the TLS proxy, one document store, one key', () => {
      for (const app of ['api', 'worker']) {
        expect(services[app]?.deploy?.replicas, `${app} replicas`).toBeGreaterThanOrEqual(2);
        const env = services[app]?.environment ?? {};
        expect(env.NODE_ENV).toBe('production');
        expect(env.TRUST_PROXY).toBe('on');
        expect(env).toHaveProperty('PAYLOAD_KEYS');
        // Stage PDFs are written by a worker and served by an API: the same store for every replica.
        expect(env.DOCUMENT_STORE_URL).toBe('/app/documents');
        expect(services[app]?.volumes).toContainEqual(expect.objectContaining({ source: 'documents', target: '/app/documents' }));
      }
      // Only the proxy is published: the API replicas believe X-Forwarded-For, so nobody may reach them directly.
      expect(services.api?.ports ?? []).toEqual([]);
      expect(JSON.stringify(services.proxy?.ports)).toContain('443');
      expect(services.proxy?.image).toMatch(/^caddy:/);
      expect(services.temporal?.image).toBe('temporalio/server:1.30.4');
    });

    it('mounts helper files that exist', () => {
      for (const [name, svc] of Object.entries(services)) {
        for (const v of svc.volumes ?? []) {
          const source = typeof v === 'string' ? v.split(':')[0] : v.type === 'bind' ? v.source : undefined;
          if (!source || !path.isAbsolute(source)) continue; // named volume
          expect(existsSync(source), `${name} mounts missing ${source}`).toBe(true);
        }
      }
    });
  });
});
