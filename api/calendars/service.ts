// Production-calendar versions in Postgres and what loading one sets off:
// storing a checked year as a new version, then asking every running case
// whose deadline falls in that year (or later) to recompute it through its
// workflow (Update recalculateDeadline), a few cases at a time.
import { randomUUID } from 'node:crypto';
import { formatRuDate, startOfMoscowDay, type CalendarYear } from '../../domain/calendar';
import { runningCasesWithDeadlineFrom, type RunningCaseRef } from '../../db/read-models/calendars';
import { recalculateDeadlineUpdate, type CalendarChange } from '../../workflows/case/contract';
import { applicationWorkflowId } from '../../workflows/application/contract';
import { appealWorkflowId } from '../../workflows/appeal/contract';
import type { ApiServices } from '../context';

/** Stores a checked year as a new version; the newest version of a year is the one in force. */
export async function storeCalendarYear(services: Pick<ApiServices, 'db'>, year: CalendarYear, importedBy: string): Promise<{ id: string; createdAt: Date }> {
  const row = await services.db.ProductionCalendarVersion.create({
    id: randomUUID(),
    year: year.year,
    decreeNumber: year.decree?.number ?? null,
    decreeDate: year.decree?.date ?? null,
    source: year.source,
    provisional: year.provisional,
    note: year.note ?? '',
    daysOff: [...year.daysOff],
    workingDays: [...year.workingDays],
    importedBy,
  });
  return { id: row.id, createdAt: row.createdAt };
}

/** How the history and the applicant's notice name the calendar: «ПП РФ от 15.09.2026 № 1234», or that it is provisional. */
export function decreeLabel(year: CalendarYear): string {
  return year.decree ? `ПП РФ от ${formatRuDate(year.decree.date)} № ${year.decree.number}` : 'предварительный календарь, постановления нет';
}

export interface RecalculationReport {
  /** Running cases whose deadline falls in the year or later. */
  found: number;
  recalculated: number;
  failed: Array<{ number: string; message: string }>;
}

const CONCURRENCY = 4;

/**
 * Sends the Update to every running case with a deadline on or after 1 January
 * of the year (Moscow time): a later deadline may have been counted across the
 * changed year. Each case answers on its own; one failing case is reported and
 * never stops the others or fails the admin's load.
 */
export async function recalculateRunningDeadlines(services: Pick<ApiServices, 'db' | 'temporal'>, change: CalendarChange): Promise<RecalculationReport> {
  const cases = await runningCasesWithDeadlineFrom(services.db, startOfMoscowDay(`${String(change.year).padStart(4, '0')}-01-01`));
  const failed: RecalculationReport['failed'] = [];
  let recalculated = 0;
  let next = 0;
  async function worker(): Promise<void> {
    while (next < cases.length) {
      const ref = cases[next++]!;
      try {
        await sendChange(services, ref, change);
        recalculated++;
      } catch (error) {
        failed.push({ number: ref.number, message: error instanceof Error ? error.message : String(error) });
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, cases.length) }, worker));
  return { found: cases.length, recalculated, failed: failed.sort((a, b) => a.number.localeCompare(b.number)) };
}

/**
 * How long one case may take to answer. A case whose worker is away (a task queue nobody polls) would
 * hold the admin's load for ever: it is reported instead, and loading the calendar again recomputes it.
 */
const CASE_ANSWER_MS = 30_000;

async function sendChange(services: Pick<ApiServices, 'temporal'>, ref: RunningCaseRef, change: CalendarChange): Promise<void> {
  const workflowId = ref.kind === 'application' ? applicationWorkflowId(ref.id) : appealWorkflowId(ref.id);
  const deadline = Date.now() + CASE_ANSWER_MS;
  try {
    await services.temporal.withDeadline(deadline, () => services.temporal.workflow.getHandle(workflowId).executeUpdate(recalculateDeadlineUpdate, { args: [change] }));
  } catch (error) {
    if (Date.now() < deadline) throw error;
    throw new Error(`Дело не ответило за ${CASE_ANSWER_MS / 1000} с: срок не пересчитан. Загрузите календарь ещё раз позже`, { cause: error });
  }
}
