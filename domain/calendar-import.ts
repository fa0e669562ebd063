// Reading a production-calendar year an admin uploads (CSV or JSON) or types
// in a form, with every problem reported by line in Russian. Nothing here
// saves: the caller stores the version only when the report is empty.
// The format is documented in docs/production-calendar.md.
import { z } from 'zod';
import './zod-ru';
import { parseCsv, toCsv } from './csv';
import { dayOfWeek, formatRuDate, isIsoDate, type CalendarDay, type CalendarYear, type IsoDate } from './calendar';
import { LABOUR_CODE_HOLIDAYS, LABOUR_CODE_SOURCE } from './calendar-data';
import { IMPORT_FORMATS, type ImportProblem } from './tariff-import';

export { IMPORT_FORMATS, type ImportProblem };
export type CalendarImportFormat = (typeof IMPORT_FORMATS)[number];

export const CALENDAR_IMPORT_MAX_CHARS = 200_000;
const MAX_DAYS = 400;

/** '2027-01-04' or '04.01.2027' → ISO, else null. */
function isoOfInput(value: string): IsoDate | null {
  const t = value.trim();
  if (isIsoDate(t)) return t;
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
  if (!m) return null;
  const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

/** The year's fields: from the form, or the «calendar» object of a JSON file. */
export const calendarMetaSchema = z
  .object({
    year: z.coerce.number({ error: 'Год — число, например 2027' }).int('Год — целое число').min(2000, 'Год — не раньше 2000').max(2100, 'Год — не позже 2100'),
    provisional: z.boolean({ error: 'Укажите, предварительный ли календарь: да или нет' }).default(false),
    decreeNumber: z.string().trim().max(50, 'Номер постановления не длиннее 50 символов').default(''),
    decreeDate: z.string().trim().default(''),
    source: z.string().trim().max(500, 'Источник не длиннее 500 символов').default(''),
    note: z.string().trim().max(1000, 'Примечание не длиннее 1000 символов').default(''),
  })
  .superRefine((m, ctx) => {
    if (!m.provisional && !m.decreeNumber) ctx.addIssue({ code: 'custom', path: ['decreeNumber'], message: 'Укажите номер постановления Правительства о переносе выходных дней (или отметьте календарь как предварительный)' });
    if (m.decreeDate && !isoOfInput(m.decreeDate)) ctx.addIssue({ code: 'custom', path: ['decreeDate'], message: 'Дата постановления — в формате ДД.ММ.ГГГГ или ГГГГ-ММ-ДД' });
    if (!m.provisional && !m.decreeDate) ctx.addIssue({ code: 'custom', path: ['decreeDate'], message: 'Укажите дату постановления' });
  });
export type CalendarMeta = z.output<typeof calendarMetaSchema>;

export const DAY_KINDS = ['off', 'working'] as const;
export type DayKind = (typeof DAY_KINDS)[number];
const KIND_WORDS: Record<string, DayKind> = {
  off: 'off', выходной: 'off', нерабочий: 'off', праздник: 'off', праздничный: 'off',
  working: 'working', рабочий: 'working', работа: 'working',
};

interface RawDay {
  line: number;
  date: unknown;
  kind: unknown;
  note: unknown;
}

export interface ImportedDay extends CalendarDay {
  kind: DayKind;
  line: number;
}

function checkDays(year: number | null, raw: readonly RawDay[]): { days: ImportedDay[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const days: ImportedDay[] = [];
  const seen = new Map<IsoDate, number>();
  for (const r of raw) {
    const dateText = typeof r.date === 'string' ? r.date : '';
    const date = isoOfInput(dateText);
    if (!date) {
      problems.push({ row: r.line, column: 'date', value: String(r.date ?? ''), message: 'Дата — в формате ДД.ММ.ГГГГ или ГГГГ-ММ-ДД, например 04.01.2027' });
      continue;
    }
    const kind = typeof r.kind === 'string' ? KIND_WORDS[r.kind.trim().toLowerCase().replace(/ё/g, 'е')] : undefined;
    if (!kind) {
      problems.push({ row: r.line, column: 'kind', value: String(r.kind ?? ''), message: 'Вид дня — «выходной» (off) или «рабочий» (working)' });
      continue;
    }
    if (year !== null && !date.startsWith(`${year}-`)) {
      problems.push({ row: r.line, column: 'date', value: dateText, message: `Дата ${formatRuDate(date)} не из ${year} года: в файле — дни одного года` });
      continue;
    }
    const earlier = seen.get(date);
    if (earlier !== undefined) {
      problems.push({ row: r.line, column: 'date', value: dateText, message: `Дата ${formatRuDate(date)} уже указана в строке ${earlier}` });
      continue;
    }
    seen.set(date, r.line);
    const weekend = dayOfWeek(date) >= 6;
    if (kind === 'working' && !weekend) {
      problems.push({ row: r.line, column: 'kind', value: dateText, message: `${formatRuDate(date)} — будний день, он и так рабочий: рабочими указывают только субботы и воскресенья, на которые перенесён выходной` });
      continue;
    }
    if (kind === 'working' && LABOUR_CODE_HOLIDAYS.some((h) => date.endsWith(`-${h.monthDay}`))) {
      problems.push({ row: r.line, column: 'kind', value: dateText, message: `${formatRuDate(date)} — нерабочий праздничный день (ст. 112 ТК РФ), рабочим он быть не может` });
      continue;
    }
    const note = typeof r.note === 'string' ? r.note.trim() : '';
    if (note.length > 300) {
      problems.push({ row: r.line, column: 'note', message: 'Примечание не длиннее 300 символов' });
      continue;
    }
    days.push({ date, kind, line: r.line, ...(note ? { note } : {}) });
  }
  return { days, problems };
}

/** A weekday holiday left out is the likeliest slip of a hand-made file: deadlines would count it as worked. */
function missingHolidays(year: number, days: readonly ImportedDay[]): ImportProblem[] {
  const listed = new Set(days.filter((d) => d.kind === 'off').map((d) => d.date));
  return LABOUR_CODE_HOLIDAYS.map((h) => ({ h, date: `${year}-${h.monthDay}` }))
    .filter(({ date }) => dayOfWeek(date) < 6 && !listed.has(date))
    .map(({ h, date }) => ({ row: null, column: 'date', value: formatRuDate(date), message: `Нет дня ${formatRuDate(date)} (${h.name}): праздник ст. 112 ТК РФ в будний день — укажите его как выходной` }));
}

const COLUMN_ALIASES: Record<'date' | 'kind' | 'note', readonly string[]> = {
  date: ['date', 'дата', 'день'],
  kind: ['kind', 'type', 'вид', 'тип'],
  note: ['note', 'примечание', 'основание', 'comment'],
};
const headerKey = (name: string) => name.trim().toLowerCase().replace(/ё/g, 'е').replace(/[\s_-]/g, '');
const columnOf = (name: string) => (Object.keys(COLUMN_ALIASES) as Array<keyof typeof COLUMN_ALIASES>).find((c) => COLUMN_ALIASES[c].includes(headerKey(name))) ?? null;

function readCsv(content: string): { raw: RawDay[]; meta: unknown; problems: ImportProblem[] } {
  const { records, errors } = parseCsv(content);
  const problems: ImportProblem[] = errors.map((e) => ({ row: e.line, column: null, message: e.message }));
  const [header, ...body] = records;
  if (!header) return { raw: [], meta: undefined, problems: [...problems, { row: null, column: null, message: 'Файл пуст: нужна строка заголовка «date;kind;note» и строки дней' }] };
  const columns = header.fields.map((name) => ({ name, column: columnOf(name) }));
  for (const c of columns) if (!c.column) problems.push({ row: header.line, column: c.name, message: `Неизвестный столбец «${c.name}». Допустимые столбцы: date, kind, note` });
  for (const need of ['date', 'kind'] as const) {
    if (!columns.some((c) => c.column === need)) problems.push({ row: header.line, column: need, message: need === 'date' ? 'Нет столбца «date» (дата дня)' : 'Нет столбца «kind» (выходной или рабочий)' });
  }
  if (problems.some((p) => p.row === header.line)) return { raw: [], meta: undefined, problems };
  const raw: RawDay[] = [];
  for (const record of body) {
    if (record.fields.length !== columns.length) {
      problems.push({ row: record.line, column: null, message: `В строке ${record.fields.length} знач. вместо ${columns.length} (по числу столбцов заголовка): проверьте разделители` });
      continue;
    }
    const value = (c: string) => record.fields[columns.findIndex((x) => x.column === c)];
    raw.push({ line: record.line, date: value('date'), kind: value('kind'), note: value('note') });
  }
  return { raw, meta: undefined, problems };
}

function readJson(content: string): { raw: RawDay[]; meta: unknown; problems: ImportProblem[] } {
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch {
    return { raw: [], meta: undefined, problems: [{ row: null, column: null, message: 'Файл не читается как JSON: проверьте скобки, запятые и кавычки' }] };
  }
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isObject(data) || !Array.isArray(data.days)) {
    return { raw: [], meta: undefined, problems: [{ row: null, column: null, message: 'Ожидается объект { "calendar": {…}, "days": [ { "date": "…", "kind": "off" }, … ] }' }] };
  }
  const extra = Object.keys(data).filter((k) => k !== 'days' && k !== 'calendar');
  if (extra.length) return { raw: [], meta: undefined, problems: [{ row: null, column: extra[0]!, message: `Неизвестное поле «${extra[0]}»: в файле могут быть только «calendar» (год и постановление) и «days» (дни)` }] };
  const problems: ImportProblem[] = [];
  const raw: RawDay[] = [];
  data.days.forEach((entry, index) => {
    const line = index + 1;
    if (!isObject(entry)) problems.push({ row: line, column: null, message: 'Запись дня — объект с полями date, kind и (необязательно) note' });
    else raw.push({ line, date: entry.date, kind: entry.kind, note: entry.note });
  });
  return { raw, meta: data.calendar, problems };
}

export interface CalendarImportInput {
  format: CalendarImportFormat;
  content: string;
  /** The year's fields from the form (checked here); a JSON file may carry them instead (not both). */
  calendar?: unknown;
}

/** A checked year ready to store, or the problems. */
export function prepareCalendarImport(input: CalendarImportInput): { ok: true; year: CalendarYear } | { ok: false; problems: ImportProblem[] } {
  if (input.content.length > CALENDAR_IMPORT_MAX_CHARS) return { ok: false, problems: [{ row: null, column: null, message: 'Файл слишком большой: не больше 200 тыс. символов' }] };
  const file = input.format === 'csv' ? readCsv(input.content) : readJson(input.content);
  const problems = [...file.problems];
  let metaInput: unknown = input.calendar;
  if (file.meta !== undefined && input.calendar) {
    problems.unshift({ row: null, column: 'calendar', message: 'Год и постановление указаны и в форме, и в файле: оставьте их в одном месте' });
  } else if (file.meta !== undefined) metaInput = file.meta;
  else if (!input.calendar) problems.unshift({ row: null, column: 'calendar', message: 'Укажите год, номер и дату постановления' });
  const parsed = metaInput === undefined ? null : calendarMetaSchema.safeParse(metaInput);
  if (parsed && !parsed.success) problems.unshift(...parsed.error.issues.map((i) => ({ row: null, column: ['calendar', ...i.path].join('.'), message: i.message })));
  const meta = parsed?.success ? parsed.data : null;
  if (file.raw.length > MAX_DAYS) problems.push({ row: null, column: null, message: `Слишком много строк: не больше ${MAX_DAYS}` });
  const checked = checkDays(meta?.year ?? null, file.raw);
  problems.push(...checked.problems);
  if (!problems.length && meta) problems.push(...missingHolidays(meta.year, checked.days));
  if (problems.length || !meta) return { ok: false, problems };

  const decreeDate = meta.decreeDate ? isoOfInput(meta.decreeDate) : null;
  const decree = meta.decreeNumber && decreeDate ? { number: meta.decreeNumber, date: decreeDate } : null;
  const source =
    meta.source ||
    (decree
      ? `Постановление Правительства РФ от ${formatRuDate(decree.date)} № ${decree.number} «О переносе выходных дней в ${meta.year} году»`
      : `${LABOUR_CODE_SOURCE} (постановление о переносе выходных дней в ${meta.year} году ещё не принято)`);
  const strip = ({ date, note }: ImportedDay): CalendarDay => (note ? { date, note } : { date });
  return {
    ok: true,
    year: {
      year: meta.year,
      decree,
      source,
      provisional: meta.provisional,
      ...(meta.note ? { note: meta.note } : {}),
      daysOff: checked.days.filter((d) => d.kind === 'off').map(strip).sort((a, b) => (a.date < b.date ? -1 : 1)),
      workingDays: checked.days.filter((d) => d.kind === 'working').map(strip).sort((a, b) => (a.date < b.date ? -1 : 1)),
    },
  };
}

/** A year in the CSV import format (the template offered for download is the shipped 2027). */
export function calendarYearCsv(year: CalendarYear): string {
  const rows = [
    ...year.daysOff.map((d) => ({ ...d, kind: 'выходной' })),
    ...year.workingDays.map((d) => ({ ...d, kind: 'рабочий' })),
  ].sort((a, b) => (a.date < b.date ? -1 : 1));
  return toCsv([['date', 'kind', 'note'], ...rows.map((r) => [formatRuDate(r.date), r.kind, r.note ?? ''])], { delimiter: ';' });
}
