// The workload every fault scenario puts under its fault: a batch of
// applications (the whole connection path by staff and applicant actions) and
// appeals (taken, answered, closed by their shrunk auto-close timer), filed
// and driven through the API at once; then the verdict on what came out.
import { expect } from 'vitest';
import type { TermOverrides } from '../../../domain/regulations';
import { createApplicants } from './cabinet';
import { auditMail, auditReadModels, expectedMails, readModelDivergences, waitForWorkflows, type MailAudit, type ReadModelAudit } from './audits';
import { CaseDriver, driveAll, type DrivenCase } from './case-driver';
import type { FaultStack } from './fault-stack';

/** The terms the batch's cases run on: appeals close by themselves seconds after their answer, so a timer fires under each fault. */
export const BATCH_TERMS: TermOverrides = { appealAutoClose: { amount: 5, unit: 'seconds' } };

/** What a batch needs of a stack: the fault stack, or the production shape (tests/cluster). */
export type BatchStack = Pick<FaultStack, 'appUrl' | 'db' | 'client'> & { mail: { apiUrl: string } };

export interface Batch {
  driver: CaseDriver;
  cases: DrivenCase[];
  /** Resolves once every case is filed: from then on the cases are moving. */
  filed: Promise<void>;
  /** Resolves when the driver has finished (or given up on) every case. */
  driven: Promise<{ unfinished: Array<{ c: DrivenCase; reason: string }> }>;
  /** False once the driver is done: a fault after that hits nothing. */
  readonly running: boolean;
}

export async function startBatch(stack: BatchStack, opts: { applications: number; appeals: number; deadlineMs: number; prefix: string; paceMs?: number }): Promise<Batch> {
  const driver = new CaseDriver(stack.appUrl, Date.now() + opts.deadlineMs, opts.paceMs);
  const applicants = await createApplicants(stack.db, opts.applications + opts.appeals, opts.prefix);
  const cases: DrivenCase[] = [];
  let running = true;
  const filed = Promise.all(applicants.map((a, i) => (i < opts.applications ? driver.fileApplication(a) : driver.fileAppeal(a)))).then((all) => {
    cases.push(...all);
  });
  const driven = filed.then(() => driveAll(driver, cases)).finally(() => (running = false));
  // Seen through `driven`; this keeps a filing failure from also surfacing as an unhandled rejection.
  filed.catch(() => {});
  return {
    driver,
    cases,
    filed,
    driven,
    get running() {
      return running;
    },
  };
}

export interface BatchOutcome {
  /** Cases not driven to their end or whose workflow did not complete, e-mails missing, events missing from the read model. */
  lost: number;
  /** E-mails sent twice or never called for, read-model rows twice by their natural key. */
  duplicated: number;
  unfinished: string[];
  notCompleted: string[];
  mail: MailAudit;
  rows: ReadModelAudit;
  divergences: string[];
}

export async function settleBatch(stack: BatchStack, batch: Batch): Promise<BatchOutcome> {
  const { unfinished } = await batch.driven;
  const notCompleted = await waitForWorkflows(stack.client, batch.cases, 120_000);
  const mail = await auditMail(stack.mail.apiUrl, await expectedMails(stack.db, batch.cases));
  const rows = await auditReadModels(stack.db, batch.cases);
  const divergences = await readModelDivergences(stack.db, stack.client, batch.cases);
  for (const d of divergences) console.warn(`read model diverges: ${d}`);
  const unfinishedNumbers = unfinished.map((u) => u.c.number);
  const lost = new Set([...unfinishedNumbers, ...notCompleted.map((c) => c.number)]).size + mail.missing + rows.missingEvents;
  const duplicated = mail.duplicated + mail.unexpected + rows.duplicateRows;
  return { lost, duplicated, unfinished: unfinishedNumbers, notCompleted: notCompleted.map((c) => c.number), mail, rows, divergences };
}

export function survived(outcome: BatchOutcome, allowedResends = 0): boolean {
  return outcome.lost === 0 && outcome.duplicated <= allowedResends && outcome.rows.unsentOutbox === 0 && outcome.divergences.length === 0;
}

/** The assertions every scenario shares, one per property so a failure names what broke. */
export function expectNothingLost(outcome: BatchOutcome, opts: { allowedResends?: number } = {}): void {
  expect(outcome.unfinished, 'cases the driver could not finish').toEqual([]);
  expect(outcome.notCompleted, 'workflows that did not complete').toEqual([]);
  expect(outcome.mail, 'e-mails: one per event and recipient').toMatchObject({ missing: 0, unexpected: 0 });
  expect(outcome.mail.duplicated, 'e-mails sent twice').toBeLessThanOrEqual(opts.allowedResends ?? 0);
  expect(outcome.rows, 'read models').toEqual({ duplicateRows: 0, missingEvents: 0, unsentOutbox: 0 });
  expect(outcome.divergences, 'read models against their workflows').toEqual([]);
}
