// The bare baseline workflow: a case's skeleton of updates, timers and no-op
// activities, to measure what Temporal alone costs on the same server.
import { condition, defineUpdate, proxyActivities, proxyLocalActivities, setHandler, upsertSearchAttributes } from '@temporalio/workflow';
import { CaseOverdue, CaseStage, CaseStatus } from '../../workflows/search-attributes';
import type { BareActivities } from './activities';
import type { BarePlan, BareWork } from './plan';

const { noop } = proxyActivities<BareActivities>({ startToCloseTimeout: '30 seconds' });
const { localNoop } = proxyLocalActivities<BareActivities>({ startToCloseTimeout: '10 seconds' });

/** One action; answers with its sequence number once the step's work before the reply is done. */
export const bareAction = defineUpdate<number, [Record<string, unknown>]>('bareAction');

export async function bareCaseWorkflow(plan: BarePlan): Promise<number> {
  const input = plan.payloads ? 'x'.repeat(plan.payloads.inputBytes) : '';
  const resultBytes = plan.payloads?.resultBytes ?? 0;
  async function perform(work: BareWork, step: number, heartbeat = false): Promise<void> {
    for (let i = 0; i < work.searchAttributes; i++) {
      upsertSearchAttributes([
        { key: CaseStage, value: `step-${step}` },
        { key: CaseStatus, value: 'active' },
        { key: CaseOverdue, value: false },
      ]);
    }
    for (let i = 0; i < work.localActivities; i++) await localNoop(step, input, resultBytes);
    for (let i = 0; i < work.activities; i++) await noop(step, input, resultBytes, heartbeat);
  }

  let received = 0;
  let answered = 0;
  setHandler(bareAction, async () => {
    const mine = ++received;
    await condition(() => answered >= mine);
    return mine;
  });
  await perform(plan.start, 0);
  for (const [i, step] of plan.steps.entries()) {
    while (!(await condition(() => received > i, plan.waitMs)));
    await perform(step.beforeReply, i + 1);
    answered = i + 1;
    await perform(step.afterReply, i + 1, plan.heartbeatAfterReply);
  }
  return answered;
}
