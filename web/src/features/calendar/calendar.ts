// The production calendar in the browser: the years in force as the API gives
// them (an admin may have loaded a decree since the build), fetched once per
// page load and shared. Until it arrives, deadlines show their date without
// the count of working days, never a count on a stale calendar.
import { createRoot, createResource } from 'solid-js';
import type { ProductionCalendar } from '../../../../domain/calendar';
import { trpc } from '../../trpc';

const years = createRoot(() => {
  const [resource] = createResource(() => trpc.calendars.years.query());
  return resource;
});

/** The calendar in force, or null while it loads (or could not be loaded). */
export function productionCalendar(): ProductionCalendar | null {
  const list = years.state === 'ready' ? years() : null;
  if (!list) return null;
  return { years: Object.fromEntries(list.map((y) => [y.year, y])) };
}
