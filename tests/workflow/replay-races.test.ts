// Actions that reach a case together replay as they ran. An action in the same
// task as the case's start, or two actions in one task, once ran their
// projections (local activities) side by side; their resolutions came in an
// order the history does not keep, and about half such histories failed to
// replay («Activity machine does not handle this event: …
// WorkflowExecutionUpdateCompleted») — a case stuck after any worker restart.
// Each history here is replayed by a fresh replayer, as a restarted worker would;
// the first of each kind is kept as a fixture (tests/unit/replay-fixtures.test.ts).
import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { appealWorkflow } from '../../workflows/appeal/workflow';
import type { Actor } from '../../workflows/case/contract';
import { postMessageUpdate } from '../../workflows/case/conversation';
import { workflowBundle } from '../../worker/create-worker';
import { saveHistoryFixture } from '../support/histories';
import { appealInput, longTerms, STAFF, useProcedureEnv } from './support/procedure-env';

const procedure = useProcedureEnv();
const ROUNDS = 8;

/** Runs `act` on new appeals, waits for each case's messages to be stored, and replays every history; the failures, by round. */
async function replayFailures(fixture: string, act: (start: () => Promise<string>, post: (workflowId: string, actor: Actor, text: string) => Promise<unknown>) => Promise<string>): Promise<string[]> {
  const bundle = await workflowBundle();
  const failures: string[] = [];
  await procedure().run(async () => {
    const client = procedure().env.client;
    for (let round = 0; round < ROUNDS; round += 1) {
      const input = appealInput(longTerms());
      const applicant: Actor = { ...input.applicant, role: 'applicant' };
      const start = async () => (await client.workflow.start(appealWorkflow, { taskQueue: procedure().taskQueue, workflowId: `appeal-${input.appealId}`, args: [input] })).workflowId;
      const post = (workflowId: string, actor: Actor, text: string) => client.workflow.getHandle(workflowId).executeUpdate(postMessageUpdate, { args: [{ actor: actor.role === 'applicant' ? applicant : actor, input: { text } }] });
      const workflowId = await act(start, post);
      const history = await client.workflow.getHandle(workflowId).fetchHistory();
      if (round === 0) await saveHistoryFixture(fixture, structuredClone(history));
      try {
        await Worker.runReplayHistory({ workflowBundle: bundle }, history, workflowId);
      } catch (error) {
        failures.push(`round ${round}: ${String(error).slice(0, 300)}`);
      }
    }
  });
  return failures;
}

const APPLICANT: Actor = { id: 'applicant', name: 'Заявитель', role: 'applicant' };

describe('actions that reach a case together', () => {
  it('a message sent as the case starts (in its first task) replays', async () => {
    const failures = await replayFailures('appeal-message-in-first-task', async (start, post) => {
      const workflowId = await start();
      await post(workflowId, APPLICANT, 'Сразу после подачи');
      return workflowId;
    });
    expect(failures).toEqual([]);
  }, 120_000);

  it('two messages sent at once, by the applicant and by staff, replay', async () => {
    const failures = await replayFailures('appeal-messages-at-once', async (start, post) => {
      const workflowId = await start();
      await post(workflowId, APPLICANT, 'Первое');
      await Promise.all([post(workflowId, APPLICANT, 'Одновременно'), post(workflowId, STAFF, 'Ответ одновременно')]);
      return workflowId;
    });
    expect(failures).toEqual([]);
  }, 120_000);
});
