// How much of a term is left, said in the term's own unit: a term of working
// days counts working days («осталось 2 раб. дня»), every other day-based term
// counts calendar days («осталось 5 дней»). Today does not count (its part is
// running); the last day does, so the day the term ends reads «истекает сегодня».
// Shared by the web and the server, so a page, an e-mail and a document agree.
import { calendarDaysBetween, moscowDate, SHIPPED_CALENDAR, workingDaysBetween, type ProductionCalendar } from './calendar';
import { formatTerm, TERM_UNITS, type TermUnit } from './regulations';

export interface RemainingTime {
  /** Whole units left after today; 0 on the last day; negative once the term has run out. */
  amount: number;
  unit: 'working-days' | 'calendar-days';
  late: boolean;
  /** «осталось 2 раб. дня», «осталось 1 день», «истекает сегодня», «просрочено» */
  text: string;
}

function plural(n: number, one: string, few: string, many: string): string {
  const mod10 = n % 10;
  const mod100 = n % 100;
  if (mod10 === 1 && mod100 !== 11) return one;
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return few;
  return many;
}

/** '3 раб. дня' / '21 раб. день' / '5 раб. дней' */
export function formatWorkingDays(n: number): string {
  return `${n} раб. ${plural(n, 'день', 'дня', 'дней')}`;
}

/** '1 день' / '3 дня' / '5 дней' */
export function formatCalendarDays(n: number): string {
  return `${n} ${plural(n, 'день', 'дня', 'дней')}`;
}

/**
 * What is left of a term ending at `deadlineMs` (the end of its last day,
 * Moscow time), seen at `nowMs`, in the unit of the term. Terms in hours or
 * seconds (second-scaled test terms) are told in calendar days.
 */
export function remainingTime(nowMs: number, deadlineMs: number, unit: TermUnit, calendar: ProductionCalendar = SHIPPED_CALENDAR): RemainingTime {
  const countUnit = unit === 'working-days' ? 'working-days' : 'calendar-days';
  if (deadlineMs < nowMs) return { amount: -1, unit: countUnit, late: true, text: 'просрочено' };
  const today = moscowDate(nowMs);
  const last = moscowDate(deadlineMs);
  if (last === today) return { amount: 0, unit: countUnit, late: false, text: 'истекает сегодня' };
  const amount = countUnit === 'working-days' ? workingDaysBetween(today, last, calendar) : calendarDaysBetween(today, last);
  const text = countUnit === 'working-days' ? `осталось ${formatWorkingDays(amount)}` : `осталось ${formatCalendarDays(amount)}`;
  return { amount, unit: countUnit, late: false, text };
}

/**
 * The unit of a term from its wording as formatTerm wrote it (the read models
 * keep the words, e.g. «3 рабочих дня»); null when the words are not a term
 * («срок приостановлен»).
 */
export function termUnitOfWording(wording: string | null | undefined): TermUnit | null {
  if (!wording) return null;
  const match = /^(\d+(?:,\d+)?)\s/.exec(wording);
  if (!match) return null;
  const amount = Number(match[1]!.replace(',', '.'));
  return TERM_UNITS.find((unit) => formatTerm({ amount, unit }) === wording) ?? null;
}
