// Planned power outages («График плановых отключений», ПП 24, DOMAIN §6):
// a schedule row, its CSV import with row-level errors, address matching for
// subscriptions, and iCalendar export. Pure: shared by API, workflow and web.
import { z } from 'zod';
import './zod-ru';
import { parseCsv } from './csv';

/** Houses on a street; an empty list means the whole street. */
export interface StreetHouses {
  street: string;
  houses: string[];
}

export interface OutageData {
  district: string;
  settlement: string;
  streets: StreetHouses[];
  /** Epoch ms of the window's start and end. */
  startsAt: number;
  endsAt: number;
  reason: string;
  gridObject: string;
}

const MOSCOW_OFFSET = '+03:00';
const text = (what: string, max = 300) => z.string().trim().min(1, `Укажите ${what}`).max(max, `${what}: не длиннее ${max} символов`);

/** «ул. Садовая: 1, 3, 5–9; ул. Лесная» → streets with houses (a range stays as written). */
export function parseStreets(value: string): StreetHouses[] {
  return value
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [street = '', houses = ''] = part.split(':');
      return { street: street.trim(), houses: houses.split(',').map((h) => h.trim()).filter(Boolean) };
    });
}

export function formatStreets(streets: StreetHouses[]): string {
  return streets.map((s) => (s.houses.length ? `${s.street}: ${s.houses.join(', ')}` : s.street)).join('; ');
}

const TIME_RE = /^([01]?\d|2[0-3]):[0-5]\d$/;
const time = z.string().trim().regex(TIME_RE, 'Время в формате ЧЧ:ММ, например 10:00');
const day = z
  .string()
  .trim()
  .transform((v) => (/^\d{2}\.\d{2}\.\d{4}$/.test(v) ? `${v.slice(6)}-${v.slice(3, 5)}-${v.slice(0, 2)}` : v))
  .pipe(z.iso.date('Дата в формате ДД.ММ.ГГГГ'));

/** The form staff edit and each CSV row: the same rules, the same Russian messages. */
export const outageInputSchema = z
  .object({
    district: text('район'),
    settlement: text('населённый пункт или СНТ'),
    streets: z.string().trim().min(1, 'Укажите улицы и дома').max(2000).transform(parseStreets),
    date: day,
    timeFrom: time,
    timeTo: time,
    reason: text('причину отключения', 500),
    gridObject: text('объект сети'),
  })
  // Compared only when both times are well-formed; a malformed one has its own message.
  .refine((v) => !TIME_RE.test(v.timeFrom) || !TIME_RE.test(v.timeTo) || v.timeFrom.padStart(5, '0') < v.timeTo.padStart(5, '0'), {
    path: ['timeTo'],
    message: 'Окончание должно быть позже начала',
  })
  // An empty field already failed above and reaches here untransformed.
  .refine((v) => !Array.isArray(v.streets) || v.streets.every((s) => s.street.length > 0), { path: ['streets'], message: 'Название улицы не может быть пустым: «ул. Садовая: 1, 3; ул. Лесная»' })
  .transform(
    (v): OutageData => ({
      district: v.district,
      settlement: v.settlement,
      streets: v.streets,
      startsAt: Date.parse(`${v.date}T${v.timeFrom.padStart(5, '0')}:00${MOSCOW_OFFSET}`),
      endsAt: Date.parse(`${v.date}T${v.timeTo.padStart(5, '0')}:00${MOSCOW_OFFSET}`),
      reason: v.reason,
      gridObject: v.gridObject,
    }),
  );
export type OutageInput = z.input<typeof outageInputSchema>;

export const OUTAGE_CSV_COLUMNS = ['Район', 'Населённый пункт', 'Улицы и дома', 'Дата', 'Начало', 'Окончание', 'Причина', 'Объект сети'] as const;
const FIELDS = ['district', 'settlement', 'streets', 'date', 'timeFrom', 'timeTo', 'reason', 'gridObject'] as const;

export interface RowError {
  line: number;
  column: string;
  message: string;
}

/** Parses a schedule; any bad row makes the whole file refused, with every error listed. */
export function parseOutageCsv(csv: string): { outages: OutageData[]; errors: RowError[] } {
  const parsed = parseCsv(csv);
  const errors: RowError[] = parsed.errors.map((e) => ({ line: e.line, column: '', message: e.message }));
  const [header, ...rows] = parsed.records;
  if (!header) return { outages: [], errors: [{ line: 1, column: '', message: 'Файл пуст: нужна строка заголовков и хотя бы одно отключение' }] };
  const normalized = header.fields.map((h) => h.trim().toLowerCase().replace('ё', 'е'));
  const index = OUTAGE_CSV_COLUMNS.map((c) => normalized.indexOf(c.toLowerCase().replace('ё', 'е')));
  const missing = OUTAGE_CSV_COLUMNS.filter((_, i) => index[i] === -1);
  if (missing.length) return { outages: [], errors: [{ line: header.line, column: '', message: `Нет столбцов: ${missing.join(', ')}. Нужны: ${OUTAGE_CSV_COLUMNS.join('; ')}` }] };
  if (!rows.length) errors.push({ line: header.line, column: '', message: 'В файле нет ни одного отключения' });
  const outages: OutageData[] = [];
  for (const row of rows) {
    if (row.fields.every((f) => f.trim() === '')) continue;
    const input = Object.fromEntries(FIELDS.map((f, i) => [f, row.fields[index[i]!] ?? '']));
    const result = outageInputSchema.safeParse(input);
    if (result.success) outages.push(result.data);
    else for (const issue of result.error.issues) errors.push({ line: row.line, column: OUTAGE_CSV_COLUMNS[FIELDS.indexOf(issue.path[0] as (typeof FIELDS)[number])] ?? '', message: issue.message });
  }
  return { outages: errors.length ? [] : outages, errors };
}

// --- addresses ------------------------------------------------------------------

/** Settlement and street names compared the way people write them: case, «ё», abbreviations, spaces. */
export function normalizePlace(value: string): string {
  return value
    .toLowerCase()
    .replaceAll('ё', 'е')
    .replace(/(?<!\p{L})(г|гор|город|пос|п|пгт|с|село|д|дер|деревня|снт|днп|тсн|ул|улица|пер|переулок|пр|пр-т|проспект|ш|шоссе|б-р|бульвар|пр-д|проезд|наб|набережная|пл|площадь)(?!\p{L})\.?/gu, ' ')
    .replace(/[«»"'.,]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const normalizeHouse = (h: string) => h.toLowerCase().replace(/\s+/g, '').replace(/^д\.?/, '');

/** Is a house inside a list like «1, 3, 5–9»? Ranges of plain numbers count inclusively. */
function houseListed(house: string, houses: string[]): boolean {
  const wanted = normalizeHouse(house);
  const number = Number.parseInt(wanted, 10);
  return houses.some((h) => {
    const range = /^(\d+)\s*[-–—]\s*(\d+)$/.exec(h.trim());
    if (range && Number.isFinite(number) && String(number) === wanted) return number >= Number(range[1]) && number <= Number(range[2]);
    return normalizeHouse(h) === wanted;
  });
}

export interface SubscriptionAddress {
  settlement: string;
  street: string;
  house: string;
}

/** Does an outage touch a subscribed address? An empty street or house in the subscription means "all of it". */
export function outageTouches(outage: Pick<OutageData, 'settlement' | 'streets'>, address: SubscriptionAddress): boolean {
  if (normalizePlace(outage.settlement) !== normalizePlace(address.settlement)) return false;
  if (!address.street.trim()) return true;
  const street = outage.streets.find((s) => normalizePlace(s.street) === normalizePlace(address.street));
  if (!street) return false;
  return street.houses.length === 0 || !address.house.trim() || houseListed(address.house, street.houses);
}

export const subscriptionSchema = z.object({
  settlement: text('населённый пункт или СНТ', 200),
  street: z.string().trim().max(200).default(''),
  house: z.string().trim().max(20).default(''),
});

/**
 * A guess at the parts of a free-text address («Московская обл., г. Истра,
 * ул. Садовая, д. 5») to prefill a subscription; the user corrects it.
 */
export function suggestSubscription(address: string): SubscriptionAddress {
  const parts = address.split(',').map((p) => p.trim()).filter(Boolean);
  // \b does not see Cyrillic letters: the word ends where no letter follows.
  const streetIndex = parts.findIndex((p) => /^(ул|улица|пер|пр-т|проспект|ш|шоссе|б-р|бульвар|проезд|наб|пл)(?!\p{L})\.?/iu.test(p));
  const house = parts.find((p) => /^(д|дом)(?!\p{L})\.?\s*\S+/iu.test(p))?.replace(/^(д|дом)\.?\s*/iu, '') ?? '';
  const settlementIndex = streetIndex > 0 ? streetIndex - 1 : parts.findIndex((p) => /^(г|пос|п|пгт|с|д|дер|снт|днп)(?!\p{L})\.?\s/iu.test(p));
  return { settlement: parts[settlementIndex] ?? parts[0] ?? '', street: streetIndex >= 0 ? parts[streetIndex]! : '', house };
}

// --- iCalendar ------------------------------------------------------------------

const icsEscape = (s: string) => s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
const icsTime = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** Lines longer than 75 octets are folded (RFC 5545 §3.1), counting UTF-8 bytes so Cyrillic is not cut mid-character. */
function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of line) {
    const size = new TextEncoder().encode(ch).length;
    if (bytes + size > (out.length ? 74 : 75)) {
      out.push(current);
      current = '';
      bytes = 0;
    }
    current += ch;
    bytes += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

export function outagesToIcs(outages: Array<OutageData & { id: string; updatedAt: number; cancelled: boolean }>, now: number): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Kabinet//График плановых отключений//RU', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', 'X-WR-CALNAME:Плановые отключения электроэнергии'];
  for (const o of outages) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:outage-${o.id}@kabinet`,
      `DTSTAMP:${icsTime(now)}`,
      `LAST-MODIFIED:${icsTime(o.updatedAt)}`,
      `DTSTART:${icsTime(o.startsAt)}`,
      `DTEND:${icsTime(o.endsAt)}`,
      `SUMMARY:${icsEscape(`Плановое отключение: ${o.settlement}`)}`,
      `LOCATION:${icsEscape(`${o.district}, ${o.settlement}: ${formatStreets(o.streets)}`)}`,
      `DESCRIPTION:${icsEscape(`Причина: ${o.reason}. Объект сети: ${o.gridObject}.`)}`,
      `STATUS:${o.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}
