// Fault 6: load. FAULT_LOAD_USERS applicants (200) log in through the API
// and for FAULT_LOAD_SECONDS (120) file applications (real uploads) and read
// what a person reads: the application list, an application's page, the
// notifications — with a pause of about FAULT_LOAD_THINK_MS between steps.
// The API and the worker run as their own processes (as in production), the
// simulated applicants in this one. Every HTTP status is counted (no 5xx),
// every submission the API acknowledged — at once, or with «принята, но
// обработка задерживается» (408) — must get its read-model row and its
// workflow, and nothing may be there twice. Prints p50/p99 per operation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRPCClientError } from '@trpc/client';
import { WorkflowNotFoundError } from '@temporalio/client';
import { Op } from 'sequelize';
import { applicationWorkflowId } from '../../api/applications/service';
import { apiClient } from '../support/api-client';
import { completeIndividualForm, newDraftId } from '../support/applications';
import { createApplicants } from './support/cabinet';
import { startFaultStack, tunable, type FaultStack } from './support/fault-stack';
import { recordFault } from './support/outcome';

const USERS = tunable('LOAD_USERS', 200);
const DURATION_MS = tunable('LOAD_SECONDS', 120) * 1000;
const THINK_MS = tunable('LOAD_THINK_MS', 5000);
/** After the load, the worker finishes what was acknowledged late; generous for a loaded 2-core machine. */
const DRAIN_MS = 10 * 60_000;
/** Users log in spread over this time, as they would arrive. */
const RAMP_UP_MS = Math.min(20_000, DURATION_MS / 4);

type Operation = 'login' | 'upload' | 'submit' | 'list' | 'page' | 'notifications';

class Tally {
  readonly statuses = new Map<number, number>();
  readonly latencies = new Map<Operation, number[]>();
  readonly failures = new Map<string, number>();
  networkErrors = 0;

  status(code: number) {
    this.statuses.set(code, (this.statuses.get(code) ?? 0) + 1);
  }

  /** Times one operation; a failure is counted by its kind and does not stop the user. */
  async time<T>(operation: Operation, run: () => Promise<T>): Promise<T | undefined> {
    const started = performance.now();
    try {
      const result = await run();
      (this.latencies.get(operation) ?? this.latencies.set(operation, []).get(operation)!).push(performance.now() - started);
      return result;
    } catch (error) {
      const kind = `${operation}: ${error instanceof Error ? error.message.slice(0, 120) : String(error)}`;
      this.failures.set(kind, (this.failures.get(kind) ?? 0) + 1);
      // fetch rejects (TypeError) only when no HTTP answer came at all.
      if (error instanceof TypeError || (error instanceof Error && error.cause instanceof TypeError)) this.networkErrors += 1;
      return undefined;
    }
  }

  count(predicate: (code: number) => boolean): number {
    return [...this.statuses].filter(([code]) => predicate(code)).reduce((n, [, c]) => n + c, 0);
  }
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!);
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** A person's pause between two steps: THINK_MS ± 50 %. */
const think = () => pause(THINK_MS * (0.5 + Math.random()));

/** The API's answer to a submission whose case is filed but not yet projected: «Заявка принята, но обработка задерживается». */
function acceptedLate(error: unknown): boolean {
  return error instanceof TRPCClientError && (error.data as { code?: string } | undefined)?.code === 'TIMEOUT';
}

let stack: FaultStack;
beforeAll(async () => {
  stack = await startFaultStack('load');
});
afterAll(async () => {
  await stack?.stop();
});

describe(`load: ${USERS} applicants for ${DURATION_MS / 1000} s`, () => {
  it('answers without a 5xx and loses no acknowledged submission', { timeout: RAMP_UP_MS + DURATION_MS + DRAIN_MS + 5 * 60_000 }, async () => {
    const { db, client: temporal, appUrl } = stack;
    const applicants = await createApplicants(db, USERS, 'load');
    const tally = new Tally();
    /** Every draft id sent to `submit`, and those the API acknowledged: with the case, or as accepted late. */
    const attempted = new Set<string>();
    const acknowledged = new Map<string, 'at once' | 'late'>();

    const started = Date.now();
    const deadline = started + RAMP_UP_MS + DURATION_MS;
    async function applicant(account: (typeof applicants)[number], index: number) {
      await pause((RAMP_UP_MS * index) / USERS);
      const client = apiClient({ appUrl, onResponse: (r) => tally.status(r.status) });
      const user = await tally.time('login', () => client.auth.login.mutate({ email: account.email, password: account.password }));
      if (!user) return;
      const mine: string[] = [];
      // The case page asks for the case and its filed form at once (one batch), as the cabinet does.
      const openPage = (id: string | undefined) =>
        id ? tally.time('page', () => Promise.all([client.applications.get.query({ id }), client.applications.draft.query({ id })])) : Promise.resolve();
      const steps: Array<() => Promise<unknown>> = [
        async () => {
          const form = await tally.time('upload', () => completeIndividualForm(client));
          if (!form) return;
          const draftId = newDraftId();
          attempted.add(draftId);
          const answer = await tally.time('submit', () =>
            client.applications.submit.mutate({ draftId, form }).then(
              () => 'at once' as const,
              (error: unknown) => {
                if (acceptedLate(error)) return 'late' as const;
                throw error;
              },
            ),
          );
          if (answer) acknowledged.set(draftId, answer);
          // A case accepted late is not shown yet: the person reads the list first.
          if (answer === 'at once') mine.push(draftId);
        },
        () => tally.time('list', () => client.applications.list.query()),
        () => openPage(mine.at(-1)),
        () => tally.time('notifications', () => Promise.all([client.notifications.list.query({ limit: 50 }), client.notifications.unreadCount.query()])),
        () => openPage(mine[Math.floor(Math.random() * mine.length)]),
      ];
      for (let i = Math.floor(Math.random() * steps.length); Date.now() < deadline; i++) {
        await steps[i % steps.length]!();
        await think();
      }
    }
    await Promise.all(applicants.map(applicant));
    const loadSeconds = (Date.now() - started) / 1000;

    // Acknowledged means filed: the read model shows the case handed to the check (as the API waits for), and its workflow runs.
    const acknowledgedIds = [...acknowledged.keys()];
    const projected = () => db.Application.count({ where: { id: acknowledgedIds, stage: { [Op.ne]: 'registered' } } });
    const drainStarted = Date.now();
    while ((await projected()) < acknowledgedIds.length && Date.now() - drainStarted < DRAIN_MS) await pause(2000);
    const drainMs = Date.now() - drainStarted;
    const rows = await db.Application.findAll({ where: { applicantId: applicants.map((a) => a.user.id) }, attributes: ['id', 'number', 'stage'] });
    const rowIds = new Set(rows.filter((r) => r.stage !== 'registered').map((r) => r.id));
    let workflowsMissing = 0;
    for (const id of acknowledgedIds) {
      try {
        await temporal.workflow.getHandle(applicationWorkflowId(id)).describe();
      } catch (error) {
        if (!(error instanceof WorkflowNotFoundError)) throw error;
        workflowsMissing += 1;
      }
    }
    // This stack is fresh: every application workflow on it is one of ours. Visibility lags a little behind.
    const countWorkflows = async () => (await temporal.workflow.count(`WorkflowType = 'connectionApplicationWorkflow'`)).count;
    await expect.poll(countWorkflows, { timeout: 60_000, interval: 1000 }).toBeGreaterThanOrEqual(acknowledged.size - workflowsMissing);
    const workflows = await countWorkflows();
    const rowsMissing = acknowledgedIds.filter((id) => !rowIds.has(id)).length;
    const lost = Math.max(rowsMissing, workflowsMissing);
    const numbers = new Set(rows.map((r) => r.number));
    // A number given twice, a row nobody submitted, or a second workflow for one application.
    const duplicated = rows.length - numbers.size + rows.filter((r) => !attempted.has(r.id)).length + Math.max(0, workflows - attempted.size);
    const fiveXx = tally.count((code) => code >= 500);

    const figures: Record<string, number> = {
      users: USERS,
      seconds: Math.round(loadSeconds),
      requests: tally.count(() => true),
      status5xx: fiveXx,
      status4xx: tally.count((code) => code >= 400 && code < 500),
      networkErrors: tally.networkErrors,
      submitted: attempted.size,
      acknowledgedAtOnce: [...acknowledged.values()].filter((a) => a === 'at once').length,
      acknowledgedLate: [...acknowledged.values()].filter((a) => a === 'late').length,
      readModelRows: rows.length,
      workflows,
      drainMs,
    };
    for (const [operation, values] of tally.latencies) {
      const sorted = [...values].sort((a, b) => a - b);
      figures[`${operation}N`] = sorted.length;
      figures[`${operation}P50Ms`] = percentile(sorted, 50);
      figures[`${operation}P99Ms`] = percentile(sorted, 99);
    }
    console.log(`load: statuses ${JSON.stringify(Object.fromEntries(tally.statuses))}`);
    for (const [kind, n] of tally.failures) console.log(`load: failed ×${n} ${kind}`);
    const survived = fiveXx === 0 && tally.networkErrors === 0 && lost === 0 && duplicated === 0 && acknowledged.size === attempted.size;
    recordFault({ fault: `load ${USERS} applicants × ${DURATION_MS / 1000} s`, survived, lost, duplicated, figures });

    expect(fiveXx).toBe(0);
    expect(tally.networkErrors).toBe(0);
    expect(rowsMissing).toBe(0);
    expect(workflowsMissing).toBe(0);
    expect(duplicated).toBe(0);
    // A complete form gets no refusal: every submission was acknowledged one way or the other.
    expect(acknowledged.size).toBe(attempted.size);
    expect(attempted.size).toBeGreaterThan(0);
    // Every login went through the API.
    expect(tally.latencies.get('login')?.length).toBe(USERS);
  });
});
