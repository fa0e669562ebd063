// Escalation on the statutory clock (issue 20 item 3, patch 'term-escalation'),
// against the real workflow code: a stage whose term binds the grid warns its
// holder and the supervisors of the department serving it when the term is at
// risk (termAtRisk before its end, shrunk to seconds here), and tells those
// supervisors by name when it is missed. Both are durable timers: a worker that
// stops in between and a new one replaying the history send each notice once.
import { describe, expect, it } from 'vitest';
import { applicationUpdates, type ApplicationSnapshot } from '../../workflows/application/contract';
import { connectionApplicationWorkflow } from '../../workflows/application/workflow';
import { takeCaseUpdate } from '../../workflows/application/holding';
import { saveHistoryFixture } from '../support/histories';
import { applicationInput, longTerms, STAFF, useProcedureEnv } from './support/procedure-env';

const procedure = useProcedureEnv();
const summary = (id: string) => procedure().recorded.summaries.get(id) as ApplicationSnapshot | undefined;
const events = (id: string) => procedure().recorded.events.get(id) ?? [];
const notices = (number: string, suffix: string) => procedure().recorded.notices.filter((n) => n.caseNumber === number && n.key.endsWith(suffix));

describe('escalation on the grid’s clock', () => {
  it('warns the holder and the stage’s supervisors before the term ends, tells the supervisors when it is missed, once each across a worker restart', async () => {
    const input = applicationInput(longTerms({ completenessCheck: { amount: 10, unit: 'seconds' }, termAtRisk: { amount: 5, unit: 'seconds' } }));
    const id = input.applicationId;
    // The first worker: the case reaches the check and a staff member takes it; the worker stops before the warning.
    await procedure().run(async () => {
      const handle = await procedure().env.client.workflow.start(connectionApplicationWorkflow, { taskQueue: procedure().taskQueue, workflowId: `application-${id}`, args: [input] });
      await expect.poll(() => summary(id)?.stage, { timeout: 15_000 }).toBe('completenessCheck');
      await handle.executeUpdate(takeCaseUpdate, { args: [{ actor: STAFF, input: {} }] });
    });
    expect(notices(input.number, ':at-risk-holder')).toHaveLength(0);

    // A new worker replays the history; the timers fire once.
    await procedure().run(async () => {
      const handle = procedure().env.client.workflow.getHandle(`application-${id}`);
      await expect.poll(() => notices(input.number, ':overdue-supervisors').length, { timeout: 30_000 }).toBe(1);
      const [toHolder] = notices(input.number, ':at-risk-holder');
      const [toSupervisors] = notices(input.number, ':at-risk-supervisors');
      expect(toHolder).toMatchObject({ to: { userId: STAFF.id }, kind: 'reminder', title: `Срок под угрозой: ${input.number}, этап «Проверка полноты сведений и документов»` });
      expect(toSupervisors).toMatchObject({ to: { supervisorsOf: 'application:completenessCheck' }, title: toHolder!.title });
      expect(notices(input.number, ':overdue-supervisors')[0]).toMatchObject({ kind: 'overdue', to: { supervisorsOf: 'application:completenessCheck' } });

      // The history shows the warning (with the holder) before the missed term, each once.
      const kinds = events(id).map((e) => e.type).filter((t) => t === 'term-at-risk' || t === 'overdue');
      expect(kinds).toEqual(['term-at-risk', 'overdue']);
      expect(events(id).find((e) => e.type === 'term-at-risk')!.data).toMatchObject({ holderId: STAFF.id });
      const warnedAt = events(id).find((e) => e.type === 'term-at-risk')!.at;
      const deadline = summary(id)!.deadlineAt ?? events(id).find((e) => e.type === 'overdue')!.deadlineAt!;
      expect(deadline - warnedAt).toBeGreaterThan(3_000);

      // Nothing fires twice while the case waits on, overdue.
      await new Promise((r) => setTimeout(r, 3_000));
      expect(notices(input.number, ':at-risk-holder')).toHaveLength(1);
      expect(notices(input.number, ':at-risk-supervisors')).toHaveLength(1);
      expect(notices(input.number, ':overdue-supervisors')).toHaveLength(1);
      await handle.executeUpdate(applicationUpdates.withdraw, { args: [{ actor: { ...input.applicant, role: 'applicant' }, input: { reason: 'Передумал' } }] });
      await handle.result();
      // The record of this code for the replay guard (tests/unit/replay-fixtures.test.ts).
      await saveHistoryFixture('application-term-escalation', await handle.fetchHistory());
    });
  }, 120_000);

  it('a term shorter than the warning gets no warning; its miss still goes to the supervisors', async () => {
    const input = applicationInput(longTerms({ completenessCheck: { amount: 3, unit: 'seconds' }, termAtRisk: { amount: 30, unit: 'seconds' } }));
    await procedure().run(async () => {
      const handle = await procedure().env.client.workflow.start(connectionApplicationWorkflow, { taskQueue: procedure().taskQueue, workflowId: `application-${input.applicationId}`, args: [input] });
      await expect.poll(() => notices(input.number, ':overdue-supervisors').length, { timeout: 15_000 }).toBe(1);
      expect(notices(input.number, ':at-risk-supervisors')).toHaveLength(0);
      expect(events(input.applicationId).some((e) => e.type === 'term-at-risk')).toBe(false);
      await handle.executeUpdate(applicationUpdates.withdraw, { args: [{ actor: { ...input.applicant, role: 'applicant' }, input: { reason: 'Передумал' } }] });
    });
  }, 60_000);
});
