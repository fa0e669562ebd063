// `npm run replay -- <history file>` on committed histories: a sound one
// replays (exit 0), one the current code cannot run is reported with its
// reason (exit 1), and a wrong command line is explained in Russian (exit 2).
import { execFile } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../infra/config';
import { HISTORY_FIXTURES } from '../support/histories';

function replayCli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('npx', ['tsx', 'scripts/replay.ts', ...args], { cwd: ROOT_DIR, timeout: 150_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

describe('npm run replay -- <file>', () => {
  it('replays a recorded case history against the current workflow code', async () => {
    const run = await replayCli(path.join(HISTORY_FIXTURES, 'application-happy-path.json'));
    expect(run, run.stderr).toMatchObject({ code: 0 });
    expect(run.stdout).toContain('Воспроизведено: 1; детерминировано: 1; с расхождением: 0');
  }, 180_000);

  it('fails with the reason when the current code cannot replay the history', async () => {
    // The guard test's workflow is not one the cabinet's worker knows.
    const run = await replayCli(path.join(HISTORY_FIXTURES, '..', 'workflows', 'guard-v1-history.json'));
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('с расхождением: 1');
    expect(run.stdout).toMatch(/✗ guard-v1-history .*guardWorkflow/);
  }, 180_000);

  it('explains a wrong command line', async () => {
    const run = await replayCli('--closed-from', '2026-11-01');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Ошибка: Укажите оба конца периода: --closed-from и --closed-to');
    expect(run.stderr).toContain('Использование:');
  }, 60_000);
});
