// Builds what the production image runs, once: the cabinet (web/dist), the API
// and the worker compiled to JavaScript (dist/api.js, dist/worker.js: our code
// bundled, every package left to node_modules), and the workflow bundle the
// workers load (dist/workflow-bundle.js, WORKFLOW_BUNDLE). Production runs
// `node dist/api.js` with production dependencies only, so the build fails when
// the compiled code imports a package that is not among package.json's
// dependencies (a dev-only package would be missing from the image).
//   npm run build            (the Dockerfile and `npm run cluster` run it)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';
import { ROOT_DIR } from '../infra/config';
import { writeWorkflowBundle } from '../worker/create-worker';

export const DIST_DIR = path.join(ROOT_DIR, 'dist');
export const DIST = {
  api: path.join(DIST_DIR, 'api.js'),
  worker: path.join(DIST_DIR, 'worker.js'),
  workflowBundle: path.join(DIST_DIR, 'workflow-bundle.js'),
};

/** The package a bare import names (`@scope/name/sub` → `@scope/name`). */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

const requireFromRoot = createRequire(path.join(ROOT_DIR, 'package.json'));

/**
 * Every package stays in node_modules. A deep import into a package without an
 * "exports" map (`@temporalio/common/lib/internal-non-workflow`) works for a
 * bundler but not for Node's ESM loader, which wants the file: it gets it.
 */
const packagesExternal: Plugin = {
  name: 'packages-external',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:') || builtinModules.includes(args.path)) return { path: args.path, external: true };
      const pkg = packageOf(args.path);
      if (args.path === pkg) return { path: args.path, external: true };
      // Dependencies are hoisted to the root's node_modules (npm ci).
      const pkgJson = path.join(ROOT_DIR, 'node_modules', pkg, 'package.json');
      const manifest = JSON.parse(fs.readFileSync(pkgJson, 'utf8')) as { exports?: unknown };
      if (manifest.exports) return { path: args.path, external: true };
      const file = requireFromRoot.resolve(args.path);
      return { path: `${pkg}/${path.relative(path.dirname(pkgJson), file).split(path.sep).join('/')}`, external: true };
    });
  },
};

export async function buildProduction(log: (line: string) => void = console.log): Promise<void> {
  const started = Date.now();
  const vite = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { cwd: ROOT_DIR, stdio: 'inherit' });
  if (vite.status !== 0) throw new Error('vite build failed');
  log(`  web/dist built (${Date.now() - started} ms)`);

  fs.mkdirSync(DIST_DIR, { recursive: true });
  // dist/ sits one level below the root like api/ and worker/, so paths taken from
  // import.meta.url (ROOT_DIR, the failure converter next to the code) stay right.
  const result = await build({
    entryPoints: { api: path.join(ROOT_DIR, 'api/main.ts'), worker: path.join(ROOT_DIR, 'worker/main.ts') },
    outdir: DIST_DIR,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    plugins: [packagesExternal],
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
  });
  fs.copyFileSync(path.join(ROOT_DIR, 'infra/failure-converter.cjs'), path.join(DIST_DIR, 'failure-converter.cjs'));

  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT_DIR, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
  const imported = new Set(
    Object.values(result.metafile.outputs)
      .flatMap((output) => output.imports)
      .filter((i) => i.external && !builtins.has(i.path) && !i.path.startsWith('node:'))
      .map((i) => packageOf(i.path)),
  );
  const notProduction = [...imported].filter((p) => !(p in manifest.dependencies));
  if (notProduction.length > 0) {
    throw new Error(`dist/ imports packages that are not production dependencies (the image would lack them): ${notProduction.join(', ')}. Move them to "dependencies" or stop importing them at runtime`);
  }
  log(`  dist/api.js, dist/worker.js compiled (${imported.size} packages, all production dependencies)`);

  await writeWorkflowBundle(DIST.workflowBundle);
  log(`  dist/workflow-bundle.js written (${Date.now() - started} ms in all)`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.join(ROOT_DIR, 'scripts/build.ts')) {
  buildProduction().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
