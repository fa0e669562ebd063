// A department's workload for its supervisor (issue 20 item 4): open cases by
// holder (with those at risk of missing the grid's term and those overdue),
// stages handled this week by who handled them, and the median working days a
// stage took by who handled it. Pure: the read model supplies the rows
// (db/read-models/departments.ts), the production calendar counts the days.
import { addCalendarDays, dayOfWeek, moscowDate, startOfMoscowDay, type ProductionCalendar } from './calendar';
import { percentileCont, workingDayCounter } from './transparency';

/** How far back the medians look: a report window of the cabinet, not a legal term. */
export const WORKLOAD_MEDIAN_DAYS = 90;

/** An open case of the department's stages: who holds it, and how its clock stands. */
export interface WorkloadOpenRow {
  holderId: string | null;
  holderName: string | null;
  atRisk: boolean;
  overdue: boolean;
}

/** A stage of the department left by a case: when entered, when left, and who moved it on (the actor of the next stage's first event). */
export interface WorkloadHandledRow {
  stageRef: string;
  handlerId: string | null;
  handlerName: string | null;
  enteredAt: Date;
  leftAt: Date;
}

export interface WorkloadHolder {
  holderId: string | null;
  holderName: string;
  open: number;
  atRisk: number;
  overdue: number;
  handledThisWeek: number;
}

export interface WorkloadStage {
  stageRef: string;
  byHandler: Array<{ handlerId: string | null; handlerName: string; count: number; medianDays: number | null }>;
}

export interface Workload {
  weekFrom: string;
  medianSince: string;
  holders: WorkloadHolder[];
  stages: WorkloadStage[];
}

export const NOBODY_HOLDS = 'Не взяты в работу';
export const NO_HANDLER = 'Без исполнителя (автоматически)';

/** Monday 00:00 (Moscow) of the week holding `nowMs`. */
export function weekStart(nowMs: number): number {
  const today = moscowDate(nowMs);
  return startOfMoscowDay(addCalendarDays(today, 1 - dayOfWeek(today)));
}

export function medianSince(nowMs: number): number {
  return startOfMoscowDay(addCalendarDays(moscowDate(nowMs), -WORKLOAD_MEDIAN_DAYS));
}

/**
 * The supervisor's figures: one line per holder (the unheld cases first), and per stage of
 * the department (in the order given) the handlers with how many times they moved a case
 * on and the median working days it spent in the stage.
 */
export function workloadFigures(open: readonly WorkloadOpenRow[], handled: readonly WorkloadHandledRow[], stageOrder: readonly string[], calendar: ProductionCalendar, nowMs: number): Workload {
  const week = weekStart(nowMs);
  const holders = new Map<string, WorkloadHolder>();
  const holder = (id: string | null, name: string | null) => {
    const key = id ?? '';
    let h = holders.get(key);
    if (!h) holders.set(key, (h = { holderId: id, holderName: id ? (name ?? '') : NOBODY_HOLDS, open: 0, atRisk: 0, overdue: 0, handledThisWeek: 0 }));
    return h;
  };
  for (const row of open) {
    const h = holder(row.holderId, row.holderName);
    h.open += 1;
    if (row.overdue) h.overdue += 1;
    else if (row.atRisk) h.atRisk += 1;
  }
  for (const row of handled) if (row.handlerId && row.leftAt.getTime() >= week) holder(row.handlerId, row.handlerName).handledThisWeek += 1;

  const count = workingDayCounter(calendar);
  const stages = stageOrder
    .map((stageRef) => {
      const byHandler = new Map<string, { handlerId: string | null; handlerName: string; days: number[] }>();
      for (const row of handled.filter((r) => r.stageRef === stageRef)) {
        const key = row.handlerId ?? '';
        let entry = byHandler.get(key);
        if (!entry) byHandler.set(key, (entry = { handlerId: row.handlerId, handlerName: row.handlerId ? (row.handlerName ?? '') : NO_HANDLER, days: [] }));
        entry.days.push(count(moscowDate(row.enteredAt.getTime()), moscowDate(row.leftAt.getTime())));
      }
      return {
        stageRef,
        byHandler: [...byHandler.values()]
          .map((e) => ({ handlerId: e.handlerId, handlerName: e.handlerName, count: e.days.length, medianDays: percentileCont(e.days, 0.5) }))
          .sort((a, b) => a.handlerName.localeCompare(b.handlerName, 'ru')),
      };
    })
    .filter((s) => s.byHandler.length > 0);

  const byName = (a: WorkloadHolder, b: WorkloadHolder) => (a.holderId === null ? -1 : b.holderId === null ? 1 : a.holderName.localeCompare(b.holderName, 'ru'));
  return { weekFrom: new Date(week).toISOString(), medianSince: new Date(medianSince(nowMs)).toISOString(), holders: [...holders.values()].sort(byName), stages };
}
