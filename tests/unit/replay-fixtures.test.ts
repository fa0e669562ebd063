// The determinism guard: every recorded history under tests/fixtures/histories
// must replay against today's workflow code. A change that would break running
// cases fails here unless it is guarded with patched() (see docs/testing.md, «Changing a workflow safely»).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Worker } from '@temporalio/worker';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { HISTORY_FIXTURES } from '../support/histories';
import { workflowBundle } from '../../worker/create-worker';
import { temporalDataConverter } from '../../infra/data-converter';
import { testEnv } from '../support/test-env';

const fixtures = fs.existsSync(HISTORY_FIXTURES) ? fs.readdirSync(HISTORY_FIXTURES).filter((f) => f.endsWith('.json')) : [];

describe('recorded workflow histories', () => {
  it('exist (the integration suite records them)', () => {
    expect(fixtures.length).toBeGreaterThan(0);
  });

  it.each(fixtures)('%s replays deterministically against the current code', async (file) => {
    const history = historyFromJSON(JSON.parse(fs.readFileSync(path.join(HISTORY_FIXTURES, file), 'utf8')));
    await expect(Worker.runReplayHistory({ workflowBundle: await workflowBundle(), dataConverter: temporalDataConverter(testEnv()) }, history, file)).resolves.toBeUndefined();
  }, 60_000);
});
