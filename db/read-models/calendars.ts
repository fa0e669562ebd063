// The production calendar as the database holds it: the version of each year
// in force (the newest), a cheap stamp that changes whenever a version is
// loaded (so every process can tell its cached calendar is stale without a
// TTL), every version for the admin page, and the running cases a changed
// year may move.
import type { CalendarYear, ProductionCalendar } from '../../domain/calendar';
import type { Db } from '..';
import { queryRows } from '../statements';

interface VersionRow {
  id: string;
  year: number;
  decree_number: string | null;
  decree_date: string | null;
  source: string;
  provisional: boolean;
  note: string;
  days_off: CalendarYear['daysOff'];
  working_days: CalendarYear['workingDays'];
  imported_by_name: string | null;
  created_at: Date;
}

export interface CalendarVersion {
  id: string;
  calendar: CalendarYear;
  importedByName: string | null;
  createdAt: Date;
  /** The newest version of its year: the one deadlines are computed on. */
  inForce: boolean;
}

function yearOf(row: VersionRow): CalendarYear {
  const decree = row.decree_number && row.decree_date ? { number: row.decree_number, date: row.decree_date } : null;
  return {
    year: row.year,
    decree,
    source: row.source,
    provisional: row.provisional,
    ...(row.note ? { note: row.note } : {}),
    daysOff: row.days_off,
    workingDays: row.working_days,
  };
}

const VERSION_COLUMNS = `c.id, c.year, c.decree_number, c.decree_date, c.source, c.provisional, c.note, c.days_off, c.working_days, NULLIF(trim(concat_ws(' ', u.last_name, u.first_name, u.middle_name)), '') AS imported_by_name, c.created_at`;

/** The calendar in force: the newest version of every loaded year. */
export async function calendarInForce(db: Db): Promise<ProductionCalendar> {
  const rows = await queryRows<VersionRow>(
    db,
    `SELECT DISTINCT ON (c.year) ${VERSION_COLUMNS}
     FROM production_calendars c LEFT JOIN users u ON u.id = c.imported_by
     ORDER BY c.year, c.created_at DESC, c.id`,
    [],
  );
  return { years: Object.fromEntries(rows.map((r) => [r.year, yearOf(r)])) };
}

/** Changes whenever a version is loaded (versions are never changed or deleted). */
export async function calendarStamp(db: Db): Promise<string> {
  const [row] = await queryRows<{ stamp: string }>(db, `SELECT count(*) || ':' || COALESCE(max(created_at)::text, '') AS stamp FROM production_calendars`, []);
  return row?.stamp ?? '';
}

/** Every version, newest year first and newest version first within it. */
export async function calendarVersions(db: Db): Promise<CalendarVersion[]> {
  const rows = await queryRows<VersionRow>(
    db,
    `SELECT ${VERSION_COLUMNS}
     FROM production_calendars c LEFT JOIN users u ON u.id = c.imported_by
     ORDER BY c.year DESC, c.created_at DESC, c.id`,
    [],
  );
  const seen = new Set<number>();
  return rows.map((r) => {
    const inForce = !seen.has(r.year);
    seen.add(r.year);
    return { id: r.id, calendar: yearOf(r), importedByName: r.imported_by_name, createdAt: r.created_at, inForce };
  });
}

export interface RunningCaseRef {
  kind: 'application' | 'appeal';
  id: string;
  number: string;
}

/** Running cases (applications in work, appeals open or answered) whose current deadline is on or after the instant. */
export function runningCasesWithDeadlineFrom(db: Db, fromMs: number): Promise<RunningCaseRef[]> {
  return queryRows<RunningCaseRef>(
    db,
    `SELECT 'application' AS kind, id, number FROM applications WHERE status = 'active' AND deadline_at >= $1
     UNION ALL
     SELECT 'appeal' AS kind, id, number FROM appeals WHERE status IN ('open', 'answered') AND deadline_at >= $1
     ORDER BY number`,
    [new Date(fromMs)],
  );
}

/**
 * The calendar in force, re-read only when the stamp says a version was
 * loaded: one tiny query per use instead of a TTL, so a worker that computes
 * a deadline right after an admin's load (the recalculation) never uses the
 * calendar it had before, whichever process it runs in.
 */
export function createCalendarCache(db: Db): { current(): Promise<ProductionCalendar> } {
  let cached: { stamp: string; calendar: ProductionCalendar } | null = null;
  return {
    async current() {
      const stamp = await calendarStamp(db);
      if (cached?.stamp === stamp) return cached.calendar;
      const calendar = await calendarInForce(db);
      cached = { stamp, calendar };
      return calendar;
    },
  };
}
