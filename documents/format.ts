// Dates, money and units the way Russian documents write them. Always Moscow
// time: the grid works by it, whatever the server's or the reader's zone.
const TIME_ZONE = 'Europe/Moscow';

const dateFormat = new Intl.DateTimeFormat('ru-RU', { timeZone: TIME_ZONE, day: 'numeric', month: 'long', year: 'numeric' });
const timeFormat = new Intl.DateTimeFormat('ru-RU', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit' });
const moneyFormat = new Intl.NumberFormat('ru-RU', { style: 'currency', currency: 'RUB', minimumFractionDigits: 2, maximumFractionDigits: 2 });
const numberFormat = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 3 });

/** Bad input to a template: the caller's bug, reported with the field at fault. */
export class DocumentDataError extends Error {
  override name = 'DocumentDataError';
}

/** Accepts an ISO date or instant; a bare date means that Moscow day (not UTC midnight, which is the day before in Moscow). */
export function parseInstant(iso: string, field: string): Date {
  const value = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T12:00:00+03:00` : iso;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new DocumentDataError(`${field}: not an ISO date: ${JSON.stringify(iso)}`);
  return date;
}

/** «1 ноября 2026 г.» */
export function formatDate(iso: string, field = 'date'): string {
  return dateFormat.format(parseInstant(iso, field));
}

/** «1 ноября 2026 г., 14:05 (МСК)» */
export function formatDateTime(iso: string, field = 'date'): string {
  const date = parseInstant(iso, field);
  return `${dateFormat.format(date)}, ${timeFormat.format(date)} (МСК)`;
}

/** «12 345,67 ₽» */
export function formatMoney(rub: number): string {
  return moneyFormat.format(rub);
}

export function formatNumber(n: number): string {
  return numberFormat.format(n);
}

export const formatKw = (kw: number) => `${formatNumber(kw)} кВт`;
export const formatKv = (kv: number) => `${formatNumber(kv)} кВ`;

/** Kopecks are what a bank transfers: VAT and parts are rounded to them. */
export function roundRub(rub: number): number {
  return Math.round(rub * 100) / 100;
}
