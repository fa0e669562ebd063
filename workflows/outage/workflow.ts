// One workflow per planned outage: it warns the subscribers whose address the
// outage touches a set time before it starts (the regulations table's
// `outageWarning` lead, 24 h by default), re-plans when the outage moves, and
// withdraws the warning when it is cancelled. The warning for a given start is
// sent once: the activity is keyed by outage and start time.
import { condition, defineQuery, defineSignal, proxyActivities, setHandler } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import type { TermSpec } from '../../domain/regulations';

const { warnOutageSubscribers } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

export interface OutagePlan {
  /** Grows with every change of the outage; older plans are ignored. */
  version: number;
  startsAt: number;
  endsAt: number;
  cancelled: boolean;
}

export const planSignal = defineSignal<[OutagePlan]>('plan');
export const planQuery = defineQuery<OutagePlan & { warnedFor: number | null }>('plan');

/** The lead is a clock duration (hours; seconds in tests): it counts back from the start. */
function leadMs(term: TermSpec): number {
  if (term.unit === 'hours') return term.amount * 3_600_000;
  if (term.unit === 'seconds') return term.amount * 1000;
  throw new Error(`outage warning lead must be in hours or seconds, got ${term.unit}`);
}

export async function outageWarningWorkflow(input: { outageId: string; lead: TermSpec; plan: OutagePlan }): Promise<'finished' | 'cancelled'> {
  let plan = input.plan;
  let changed = false;
  let warnedFor: number | null = null;
  setHandler(planSignal, (next) => {
    if (next.version > plan.version) {
      plan = next;
      changed = true;
    }
  });
  setHandler(planQuery, () => ({ ...plan, warnedFor }));

  for (;;) {
    changed = false;
    if (plan.cancelled) {
      // A warning already sent is followed by the news of the cancellation; an unsent one is simply withdrawn.
      if (warnedFor !== null) await warnOutageSubscribers({ outageId: input.outageId, version: plan.version, startsAt: plan.startsAt, kind: 'cancelled' });
      return 'cancelled';
    }
    if (Date.now() >= plan.endsAt) return 'finished';
    if (warnedFor !== plan.startsAt) {
      const warnAt = plan.startsAt - leadMs(input.lead);
      if (warnAt > Date.now() && (await condition(() => changed, warnAt - Date.now()))) continue;
      await warnOutageSubscribers({ outageId: input.outageId, version: plan.version, startsAt: plan.startsAt, kind: warnedFor === null ? 'warning' : 'moved' });
      warnedFor = plan.startsAt;
      continue;
    }
    // Warned: wait for the end of the outage, or a change to re-plan.
    await condition(() => changed, plan.endsAt - Date.now());
  }
}
