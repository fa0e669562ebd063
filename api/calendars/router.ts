// The production calendar: everyone reads the years in force, staff see every
// version, admins load a year (CSV or JSON, or the form) with a line-by-line report.
import { groupProcedure, publicProcedure, router } from '../trpc';
import { calendarImportInputSchema, calendarYearsInForce, importCalendarYear, listCalendarVersions } from './pages';

const readers = groupProcedure('readers');
const admins = groupProcedure('admins');

export const calendarsRouter = router({
  /** The years in force with their days off, working weekends, decree and status. */
  years: publicProcedure.query(({ ctx }) => calendarYearsInForce(ctx.db)),

  versions: readers.query(({ ctx }) => listCalendarVersions(ctx.db)),

  /** One bad line and nothing is stored; a stored year recomputes the running cases' deadlines in it. */
  import: admins.input(calendarImportInputSchema).mutation(({ ctx, input }) => importCalendarYear(ctx, input, ctx.user.id)),
});
