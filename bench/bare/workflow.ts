// The bare baseline workflow: a case's skeleton of updates, timers and no-op
// activities, to measure what Temporal alone costs on the same server.
import { condition, defineUpdate, proxyActivities, proxyLocalActivities, setHandler } from '@temporalio/workflow';
import type { BareActivities } from './activities';
import type { BarePlan, BareWork } from './plan';

const { noop } = proxyActivities<BareActivities>({ startToCloseTimeout: '30 seconds' });
const { localNoop } = proxyLocalActivities<BareActivities>({ startToCloseTimeout: '10 seconds' });

/** One action; answers with its sequence number once the step's work before the reply is done. */
export const bareAction = defineUpdate<number, [Record<string, unknown>]>('bareAction');

async function perform(work: BareWork, step: number): Promise<void> {
  for (let i = 0; i < work.localActivities; i++) await localNoop(step);
  for (let i = 0; i < work.activities; i++) await noop(step);
}

export async function bareCaseWorkflow(plan: BarePlan): Promise<number> {
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
    await perform(step.afterReply, i + 1);
  }
  return answered;
}
