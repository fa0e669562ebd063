// What the production image holds, laid out on this machine: package.json,
// production dependencies only (`npm ci --omit=dev`, as the Dockerfile's
// prod-deps stage), the compiled dist/ and the built cabinet. The cluster's
// API and worker processes run from here, so a runtime import of a dev-only
// package fails here as it would in the image. The install is kept while
// package-lock.json stays the same (a quarter of a minute when it changes).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT_DIR } from '../config';
import { StackError } from '../errors';

export const IMAGE_DIR = path.join(ROOT_DIR, '.tools', 'cluster-image');

const hashOf = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** Lays out the image from the current build (dist/, web/dist/); returns its root. */
export function prepareImage(log: (line: string) => void): string {
  const lock = path.join(ROOT_DIR, 'package-lock.json');
  const stamp = path.join(IMAGE_DIR, '.installed-lock-sha256');
  const wanted = `${hashOf(lock)} ${hashOf(path.join(ROOT_DIR, 'package.json'))}`;
  if (!fs.existsSync(stamp) || fs.readFileSync(stamp, 'utf8') !== wanted) {
    log('  installing production dependencies only (npm ci --omit=dev, as the image does)…');
    fs.rmSync(IMAGE_DIR, { recursive: true, force: true });
    fs.mkdirSync(IMAGE_DIR, { recursive: true });
    for (const file of ['package.json', 'package-lock.json']) fs.copyFileSync(path.join(ROOT_DIR, file), path.join(IMAGE_DIR, file));
    const npm = spawnSync('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund'], { cwd: IMAGE_DIR, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
    if (npm.status !== 0) throw new StackError(`npm ci --omit=dev failed in ${IMAGE_DIR}: ${(npm.stderr || npm.stdout).trim().split('\n').slice(-3).join(' ')}`);
    fs.writeFileSync(stamp, wanted);
  }
  for (const dir of ['dist', path.join('web', 'dist')]) {
    const target = path.join(IMAGE_DIR, dir);
    fs.rmSync(target, { recursive: true, force: true });
    fs.cpSync(path.join(ROOT_DIR, dir), target, { recursive: true });
  }
  return IMAGE_DIR;
}
