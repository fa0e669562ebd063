// The applicant's timeline drawn from the procedure table: the main path, a
// side stage where it branches off once taken, and an early end.
import { describe, expect, it } from 'vitest';
import { APPLICATION_PROCEDURE } from '../../domain/procedures/application';
import { buildSteps } from '../../web/src/features/cases/timeline';

const entered = (stage: string, at: string) => ({ seq: 0, type: 'x', stage, title: '', actorName: null, actorRole: null, comment: '', at, deadlineAt: null, data: { from: 'x' } });

describe('the timeline of an application', () => {
  it('draws the main path of the table, the current stage and what is still ahead', () => {
    const steps = buildSteps('awaitingPayment', [entered('completenessCheck', '2026-12-01'), entered('preparingDocuments', '2026-12-02'), entered('awaitingPayment', '2026-12-03')] as never);
    expect(steps.map((s) => s.stage)).toEqual(APPLICATION_PROCEDURE.mainPath);
    expect(steps.find((s) => s.stage === 'awaitingPayment')?.state).toBe('current');
    expect(steps.find((s) => s.stage === 'inspection')?.state).toBe('upcoming');
  });

  it('puts a taken side stage after the stage it branches from, and stops where an annulled case ended', () => {
    const steps = buildSteps('annulled', [entered('completenessCheck', '2026-12-01'), entered('awaitingMissingData', '2026-12-02'), entered('annulled', '2026-12-05')] as never);
    expect(steps.map((s) => [s.stage, s.state])).toEqual([
      ['registered', 'skipped'],
      ['completenessCheck', 'done'],
      ['awaitingMissingData', 'done'],
      ['annulled', 'stopped'],
      ['preparingDocuments', 'skipped'],
      ['awaitingPayment', 'skipped'],
      ['tuFulfilment', 'skipped'],
      ['inspection', 'skipped'],
      ['actualConnection', 'skipped'],
      ['actPosting', 'skipped'],
      ['completed', 'skipped'],
    ]);
  });

  it('draws a termination after the contract where the case left the path, its costs stage then its end', () => {
    const history = [entered('completenessCheck', '2026-12-01'), entered('preparingDocuments', '2026-12-02'), entered('awaitingPayment', '2026-12-03'), entered('tuFulfilment', '2026-12-04')];
    const terminating = buildSteps('terminating', [...history, entered('terminating', '2026-12-07')] as never);
    expect(terminating.map((s) => [s.stage, s.state])).toEqual([
      ['registered', 'skipped'],
      ['completenessCheck', 'done'],
      ['preparingDocuments', 'done'],
      ['awaitingPayment', 'done'],
      ['tuFulfilment', 'done'],
      ['terminating', 'current'],
      ['inspection', 'skipped'],
      ['actualConnection', 'skipped'],
      ['actPosting', 'skipped'],
      ['completed', 'skipped'],
    ]);
    const terminated = buildSteps('terminated', [...history, entered('terminating', '2026-12-07'), entered('terminated', '2026-12-10')] as never);
    expect(terminated.slice(4, 7).map((s) => [s.stage, s.state])).toEqual([
      ['tuFulfilment', 'done'],
      ['terminating', 'done'],
      ['terminated', 'stopped'],
    ]);
  });
});

