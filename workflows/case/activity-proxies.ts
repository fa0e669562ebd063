// The activities a case workflow calls, proxied once: normal activities for
// work that may take a while (documents, mail), local ones for what must land
// inside the workflow task that took an action (the projection).
import { proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import { oneAtATime } from './one-at-a-time';
import { since } from './patches';

// Short attempts: these activities take seconds, and a worker that dies mid-attempt
// should cost the case half a minute, not more. Retries go on until they succeed.
export const caseActivities = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});
const local = proxyLocalActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});
const localCaseActivities: Pick<Activities, 'projectApplication' | 'projectAppeal' | 'projectMessage'> = {
  projectApplication: oneAtATime(local.projectApplication),
  projectAppeal: oneAtATime(local.projectAppeal),
  projectMessage: oneAtATime(local.projectMessage),
};

/**
 * Where the read-model projection runs. An action is answered only once its
 * projection is stored; as a local activity the projection runs inside the
 * workflow task that took the action, so the answer costs one round trip to
 * the server instead of three (bench «ryw»). It is idempotent, as a local
 * activity may run again. Cases that recorded projection activities before
 * this change replay them.
 */
export function projectionActivities() {
  return since('projection-as-local-activity') ? localCaseActivities : caseActivities;
}

