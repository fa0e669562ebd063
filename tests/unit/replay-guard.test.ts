// The determinism guard, proven on a workflow changed on purpose: a history
// recorded with version 1 replays against v1, fails against a v2 that adds a
// step without a guard, and replays again once the step is behind patched().
// Replays go through api/audit/replay.ts, the code the audit screens and
// `npm run replay` use.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { bundleWorkflowCode, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { replayOne } from '../../api/audit/replay';
import { temporalDataConverter } from '../../infra/data-converter';
import { testEnv } from '../support/test-env';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/workflows/${name}`, import.meta.url));
const quiet = { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error: console.error };
const bundle = (file: string) => bundleWorkflowCode({ workflowsPath: fixture(file), logger: quiet });

const history = historyFromJSON(JSON.parse(fs.readFileSync(fixture('guard-v1-history.json'), 'utf8')));
const converter = temporalDataConverter(testEnv());
const bundles: Record<'v1' | 'unguarded' | 'patched', WorkflowBundleWithSourceMap> = {} as never;

beforeAll(async () => {
  [bundles.v1, bundles.unguarded, bundles.patched] = await Promise.all([bundle('guard-v1.ts'), bundle('guard-v2-unguarded.ts'), bundle('guard-v2-patched.ts')]);
}, 120_000);

describe('changing a workflow against a history recorded with the old code', () => {
  it('the recorded v1 history is a real run: it has the timer and both activities, and replays against v1', async () => {
    const types = (history.events ?? []).map((e) => (e.timerStartedEventAttributes ? 'timer' : e.activityTaskScheduledEventAttributes ? 'activity' : null)).filter(Boolean);
    expect(types).toEqual(['activity', 'timer', 'activity']);
    expect(await replayOne(history, 'guard-v1', converter, bundles.v1)).toEqual({ deterministic: true });
  }, 60_000);

  it('an unguarded change fails with a DeterminismViolationError naming the divergence', async () => {
    const outcome = await replayOne(history, 'guard-v1', converter, bundles.unguarded);
    expect(outcome.deterministic).toBe(false);
    if (outcome.deterministic) return;
    expect(outcome.errorType).toBe('DeterminismViolationError');
    // Where v1 started a timer (event 11), v2 now schedules an activity.
    expect(outcome.error).toMatch(/Nondeterminism error/);
    expect(outcome.error).toMatch(/TimerStarted/);
  }, 60_000);

  it('the same change guarded with patched() replays the old history', async () => {
    expect(await replayOne(history, 'guard-v1', converter, bundles.patched)).toEqual({ deterministic: true });
  }, 60_000);
});
