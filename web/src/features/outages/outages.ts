// «График плановых отключений» in the cabinet: Moscow calendar days, the
// calendar link, the CSV template and the staff form's starting values. The
// schedule is kept in Moscow time whatever zone the visitor's browser is in.
import { toCsv } from '../../../../domain/csv';
import { OUTAGE_CSV_COLUMNS, type SubscriptionAddress } from '../../../../domain/outages';
import type { RouterInputs, RouterOutputs } from '../../trpc';
import { formatDate, formatDateTime, formatTime } from '../../ui/format';

export type OutageRow = RouterOutputs['outages']['search'][number];
export type OutageFilter = RouterInputs['outages']['search'];

const DAY_MS = 86_400_000;
const moscowParts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Moscow', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The Moscow calendar day `days` after today, as the API wants it (ГГГГ-ММ-ДД). */
/** What the schedule's lists say while it loads or when it cannot be loaded. */
export const SCHEDULE_LOAD_WORDS = { loadError: 'Не удалось загрузить график', loading: 'Загружаем график…' } as const;

export function moscowDay(days = 0, now = Date.now()): string {
  const parts = Object.fromEntries(moscowParts.formatToParts(new Date(now + days * DAY_MS)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

export const isIsoDay = (value: unknown): value is string => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);

/** «10:00–16:00»; a window that crosses midnight names both days. */
export function outageWindow(o: Pick<OutageRow, 'startsAt' | 'endsAt'>): string {
  if (formatDate(o.startsAt) === formatDate(o.endsAt)) return `${formatTime(o.startsAt)}–${formatTime(o.endsAt)}`;
  return `${formatDateTime(o.startsAt)} – ${formatDateTime(o.endsAt)}`;
}

/** The same selection as on screen, for a calendar app (cancelled ones come marked as such). */
export function icsHref(filter: Pick<OutageFilter, 'settlement' | 'street' | 'from' | 'to'>): string {
  const params = new URLSearchParams();
  for (const key of ['settlement', 'street', 'from', 'to'] as const) {
    const value = filter[key]?.trim();
    if (value) params.set(key, value);
  }
  const query = params.toString();
  return query ? `/api/outages.ics?${query}` : '/api/outages.ics';
}

/** «г. Истра, ул. Садовая, д. 7»; an empty street or house means all of it. */
export function formatAddress(a: SubscriptionAddress): string {
  const house = a.house.trim();
  return [a.settlement, a.street, house ? (/^\d/.test(house) ? `д. ${house}` : house) : ''].filter((p) => p.trim()).join(', ');
}

/** The columns the import expects, with one example row a week ahead (it imports as is). */
export function outageCsvTemplate(now = Date.now()): string {
  const example = ['Истринский', 'г. Истра', 'ул. Садовая: 1, 3, 5–9; ул. Лесная', formatDate(moscowDay(7, now)), '10:00', '16:00', 'Замена опор ВЛ-0,4 кВ', 'ВЛ-0,4 кВ Ф-3 от ТП-112'];
  return toCsv([[...OUTAGE_CSV_COLUMNS], example]);
}

/** The staff form starts from the outage as the schedule shows it (Moscow date and times). */
export function outageFormValues(o: OutageRow) {
  return {
    district: o.district,
    settlement: o.settlement,
    streets: o.streetsText,
    date: formatDate(o.startsAt),
    timeFrom: formatTime(o.startsAt),
    timeTo: formatTime(o.endsAt),
    reason: o.reason,
    gridObject: o.gridObject,
  };
}
