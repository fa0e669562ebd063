// What the production-calendar procedures answer: the years in force for
// everyone (the web counts working days and marks provisional deadlines with
// them), every version for staff, and an admin's load checked line by line,
// stored, and carried into the running cases.
import { z } from 'zod';
import { countWorkingDaysInYear, type ProductionCalendar } from '../../domain/calendar';
import { CALENDAR_IMPORT_MAX_CHARS, IMPORT_FORMATS, prepareCalendarImport } from '../../domain/calendar-import';
import { calendarVersions, createCalendarCache } from '../../db/read-models/calendars';
import type { Db } from '../../db';
import type { ApiServices } from '../context';
import { decreeLabel, recalculateRunningDeadlines, storeCalendarYear } from './service';

export const calendarImportInputSchema = z.object({
  format: z.enum(IMPORT_FORMATS, { error: 'Формат файла — CSV или JSON' }),
  content: z.string().max(CALENDAR_IMPORT_MAX_CHARS, 'Файл слишком большой: не больше 200 тыс. символов'),
  /** The year's fields from the form (checked with the file, so all problems come back in one report). */
  calendar: z.record(z.string(), z.unknown()).optional(),
});

// One cache per API process: the stamp query tells it when an admin (in any process) loaded a version.
const caches = new WeakMap<Db, ReturnType<typeof createCalendarCache>>();
export function calendarOf(db: Db): Promise<ProductionCalendar> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = createCalendarCache(db)));
  return cache.current();
}

/** The years in force with their days, source and status; years not listed follow art. 112 alone (provisional). */
export async function calendarYearsInForce(db: Db) {
  const calendar = await calendarOf(db);
  return Object.values(calendar.years)
    .sort((a, b) => a.year - b.year)
    .map((y) => ({ ...y, workingDayCount: countWorkingDaysInYear(y.year, calendar) }));
}

export async function listCalendarVersions(db: Db) {
  const versions = await calendarVersions(db);
  return versions.map((v) => ({
    id: v.id,
    ...v.calendar,
    workingDayCount: countWorkingDaysInYear(v.calendar.year, { years: { [v.calendar.year]: v.calendar } }),
    importedByName: v.importedByName,
    createdAt: v.createdAt.toISOString(),
    inForce: v.inForce,
  }));
}

/** All lines are checked first; one bad line and nothing is stored. A stored year moves the running cases' deadlines. */
export async function importCalendarYear(services: Pick<ApiServices, 'db' | 'temporal'>, input: z.output<typeof calendarImportInputSchema>, importedBy: string) {
  const prepared = prepareCalendarImport(input);
  if (!prepared.ok) return { status: 'invalid' as const, problems: prepared.problems };
  const stored = await storeCalendarYear(services, prepared.year, importedBy);
  const recalculation = await recalculateRunningDeadlines(services, { year: prepared.year.year, decree: decreeLabel(prepared.year) });
  return {
    status: 'imported' as const,
    id: stored.id,
    year: prepared.year.year,
    provisional: prepared.year.provisional,
    source: prepared.year.source,
    workingDayCount: countWorkingDaysInYear(prepared.year.year, { years: { [prepared.year.year]: prepared.year } }),
    recalculation,
  };
}
