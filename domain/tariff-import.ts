// Reading a tariff table an admin uploads (CSV or JSON) into rates, with a
// report of every problem by row and column in Russian. Nothing here saves:
// the caller stores the set only when the report is empty.
import { z } from 'zod';
import './zod-ru';
import { parseCsv, toCsv, type CsvDelimiter } from './csv';
import { formatKop, parseRubToKop, rubToKop } from './money';
import {
  ANY,
  DETAIL_COLUMNS,
  DETAIL_ITEMS,
  LINE_TYPE_INFO,
  RATE_CAPACITIES,
  RATE_CROSS_SECTIONS,
  RATE_LAYING_METHODS,
  RATE_LINE_TYPES,
  RATE_SUBSTATION_TYPES,
  type DetailColumn,
  type RateDetails,
  RATE_CATEGORIES,
  RATE_TERRITORIES,
  RATE_VOLTAGES,
  TARIFF_ITEM_INFO,
  TARIFF_ITEMS,
  tariffSetMetaSchema,
  type TariffItem,
  type TariffRate,
  type TariffSetMeta,
} from './tariffs';

export const IMPORT_FORMATS = ['csv', 'json'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const IMPORT_MAX_CHARS = 2_000_000;
export const IMPORT_MAX_ROWS = 5_000;

export interface ImportProblem {
  /** The CSV line (header = 1) or the JSON record (from 1); null for the file or the set as a whole. */
  row: number | null;
  column: string | null;
  value?: string;
  message: string;
}

export type ImportedRate = TariffRate & { line: number };

// --- columns -------------------------------------------------------------------------

// The detail columns (lineType … capacity) came later: a file without them still imports, its rates have '*' there.
export const TARIFF_COLUMNS = ['category', 'territory', 'voltage', 'item', 'lineType', 'layingMethod', 'crossSection', 'substationType', 'capacity', 'rate', 'vatIncluded', 'unit', 'note'] as const;
export type TariffColumn = (typeof TARIFF_COLUMNS)[number];
const REQUIRED_COLUMNS: readonly TariffColumn[] = ['category', 'territory', 'voltage', 'item', 'rate', 'vatIncluded'];

export const TARIFF_COLUMN_HELP: Record<TariffColumn, string> = {
  category: 'категория заявителя: individual15 (физлицо до 15 кВт), upTo150, upTo670, over670 или * (любая)',
  territory: 'территория: urban (город), rural (сельская) или * (любая)',
  voltage: 'класс напряжения: 0.4, 1-20, 35, 110 или * (любое)',
  item: 'ставка формулы: C1, C2, C3, C4, C5, C6, C7, C8.1 (однофазный ПУ), C8.2 (трёхфазный прямого включения), C8.3 (трёхфазный косвенного включения)',
  lineType: 'тип линии (для C2, C3; необязательно): sip (ВЛ, СИП), bare (ВЛ, неизолированный провод), plastic (КЛ, пластмассовая изоляция), paper (КЛ, бумажная изоляция) или * (любой)',
  layingMethod: 'способ прокладки (только для C3; необязательно): trench (в траншее), hdd (ГНБ), blocks (в блоках, трубах), channels (в каналах, туннелях) или *',
  crossSection: 'сечение, мм² (для C2, C3; необязательно): upTo50 (до 50), 50-100, 100-200, 200-500, 500-800, over800 (свыше 800) или *',
  substationType: 'тип подстанции (для C5, C6; необязательно): single (однотрансформаторная), double (двухтрансформаторная) или *',
  capacity: 'мощность трансформаторов, кВА (для C5, C6; необязательно): upTo25 (до 25), 25-100, 100-250, 250-500, 500-900, 900-1000, over1000 (свыше 1000) или *',
  rate: 'размер ставки в рублях, не больше двух знаков после запятой: 2155,09',
  vatIncluded: 'ставка указана с НДС: да / нет',
  unit: 'единица (необязательно; если указана — должна совпадать с единицей ставки)',
  note: 'примечание (необязательно), например «условное значение»',
};

/** Header names as people write them; compared in lower case, ё as е, without spaces. */
const COLUMN_ALIASES: Record<TariffColumn, readonly string[]> = {
  category: ['category', 'категория'],
  territory: ['territory', 'территория'],
  voltage: ['voltage', 'voltageclass', 'напряжение'],
  item: ['item', 'code', 'код', 'ставка'],
  lineType: ['linetype', 'типлинии', 'провод', 'кабель'],
  layingMethod: ['layingmethod', 'laying', 'способпрокладки', 'прокладка'],
  crossSection: ['crosssection', 'сечение'],
  substationType: ['substationtype', 'типподстанции'],
  capacity: ['capacity', 'мощность', 'мощностьтрансформаторов'],
  rate: ['rate', 'raterub', 'размер', 'значение'],
  vatIncluded: ['vatincluded', 'сндс', 'ндсвключен'],
  unit: ['unit', 'единица'],
  note: ['note', 'примечание'],
};

const headerKey = (name: string) => name.trim().toLowerCase().replace(/ё/g, 'е').replace(/[\s_-]/g, '');
function columnOf(name: string): TariffColumn | null {
  const key = headerKey(name);
  return TARIFF_COLUMNS.find((c) => COLUMN_ALIASES[c].includes(key)) ?? null;
}

// --- one row ---------------------------------------------------------------------------

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : v);
const keyValue = (v: unknown) => {
  const t = text(v);
  return t === '' || t === undefined || t === null ? ANY : t;
};
const TERRITORY_WORDS: Record<string, string> = { город: 'urban', городская: 'urban', село: 'rural', сельская: 'rural' };
const YES = new Set(['true', 'да', 'yes', '1', 'с ндс']);
const NO = new Set(['false', 'нет', 'no', '0', 'без ндс']);

/** Words people write in the detail columns, compared in lower case without spaces. */
const DETAIL_WORDS: Record<DetailColumn, Record<string, string>> = {
  lineType: { сип: 'sip', изолированный: 'sip', неизолированный: 'bare', пластмасса: 'plastic', пластмассовая: 'plastic', бумажная: 'paper' },
  layingMethod: { траншея: 'trench', втраншее: 'trench', гнб: 'hdd', бурение: 'hdd', блоки: 'blocks', вблоках: 'blocks', трубы: 'blocks', втрубах: 'blocks', каналы: 'channels', вканалах: 'channels' },
  crossSection: {},
  substationType: { однотрансформаторная: 'single', '1': 'single', двухтрансформаторная: 'double', '2': 'double' },
  capacity: {},
};
/** «до 50 мм²» → upTo50, «50–100» → 50-100, «свыше 800» → over800 (the same for кВА bands). */
function bandWord(t: string): string {
  const compact = t.toLowerCase().replace(/[–—]/g, '-').replace(/\s|мм²|мм2|кв\.?мм|ква/g, '');
  const upTo = /^до(\d+)$/.exec(compact);
  if (upTo) return `upTo${upTo[1]}`;
  const over = /^(?:свыше|более|>)(\d+)$/.exec(compact);
  if (over) return `over${over[1]}`;
  return compact.replace(/^upto/, 'upTo');
}
const detailValue = (column: DetailColumn) => (v: unknown) => {
  const t = keyValue(v);
  if (typeof t !== 'string' || t === ANY) return t;
  if (column === 'crossSection' || column === 'capacity') return bandWord(t);
  const compact = t.toLowerCase().replace(/\s/g, '');
  return DETAIL_WORDS[column][compact] ?? compact;
};
const detailSchema = <T extends readonly [string, ...string[]]>(column: DetailColumn, values: T) =>
  z.preprocess(detailValue(column), z.enum(values, { error: `Неизвестное значение. ${TARIFF_COLUMN_HELP[column]}` }));

/** Item codes as typed in any case («c1.TEMP», «С8.1»), to the code. */
const ITEM_BY_UPPER = new Map<string, TariffItem>(TARIFF_ITEMS.map((i) => [i.toUpperCase(), i]));

const rowSchema = z
  .object({
    category: z.preprocess(keyValue, z.enum(RATE_CATEGORIES, { error: `Неизвестная категория. Допустимо: ${RATE_CATEGORIES.join(', ')}` })),
    territory: z.preprocess(
      (v) => {
        const t = keyValue(v);
        return typeof t === 'string' ? (TERRITORY_WORDS[t.toLowerCase()] ?? t) : t;
      },
      z.enum(RATE_TERRITORIES, { error: 'Неизвестная территория. Допустимо: urban (город), rural (сельская) или *' }),
    ),
    voltage: z.preprocess(
      (v) => {
        const t = keyValue(typeof v === 'number' ? String(v) : v);
        return typeof t === 'string' ? t.replace(',', '.').replace(/[–—]/g, '-').replace(/\s*кв$/i, '').replace(/\s/g, '') : t;
      },
      z.enum(RATE_VOLTAGES, { error: `Неизвестный класс напряжения. Допустимо: ${RATE_VOLTAGES.join(', ')}` }),
    ),
    // Staff type the Cyrillic «С» as often as the Latin one.
    item: z.preprocess(
      (v) => (typeof v === 'string' ? ITEM_BY_UPPER.get(v.trim().replace(/[Сс]/g, 'C').toUpperCase()) ?? v : v),
      z.enum(TARIFF_ITEMS, { error: `Неизвестная ставка. Допустимо: ${TARIFF_ITEMS.join(', ')}` }),
    ),
    lineType: detailSchema('lineType', RATE_LINE_TYPES),
    layingMethod: detailSchema('layingMethod', RATE_LAYING_METHODS),
    crossSection: detailSchema('crossSection', RATE_CROSS_SECTIONS),
    substationType: detailSchema('substationType', RATE_SUBSTATION_TYPES),
    capacity: detailSchema('capacity', RATE_CAPACITIES),
    rate: z.preprocess(
      (v) => (typeof v === 'number' ? rubToKop(v) : typeof v === 'string' ? parseRubToKop(v) : null),
      z.number({ error: 'Ставка — число рублей, не отрицательное, не больше двух знаков после запятой, например 2155,09' }).max(1e12, 'Слишком большая ставка'),
    ),
    vatIncluded: z.preprocess(
      (v) => {
        if (typeof v === 'boolean') return v;
        const t = typeof v === 'string' ? v.trim().toLowerCase() : '';
        return YES.has(t) ? true : NO.has(t) ? false : undefined;
      },
      z.boolean({ error: 'Укажите, включён ли НДС в ставку: да или нет' }),
    ),
    unit: z.preprocess(text, z.string({ error: 'Единица — текст' }).max(50, 'Единица не длиннее 50 символов').optional()),
    note: z.preprocess((v) => text(v) ?? '', z.string({ error: 'Примечание — текст' }).max(300, 'Примечание не длиннее 300 символов')),
  })
  .superRefine((r, ctx) => {
    const unit = TARIFF_ITEM_INFO[r.item].unit;
    if (r.unit && r.unit !== unit) ctx.addIssue({ code: 'custom', path: ['unit'], message: `Единица ставки ${r.item} — «${unit}»` });
    for (const column of DETAIL_COLUMNS) {
      const allowed: readonly string[] = DETAIL_ITEMS[column];
      if (r[column] !== ANY && !allowed.includes(r.item)) {
        ctx.addIssue({ code: 'custom', path: [column], message: `Столбец «${column}» заполняется только для ставок ${allowed.join(', ')}, а в строке ${r.item}: оставьте его пустым или «*»` });
      }
    }
    if (r.lineType !== ANY && (r.item === 'C2' || r.item === 'C3') && LINE_TYPE_INFO[r.lineType].item !== r.item) {
      ctx.addIssue({ code: 'custom', path: ['lineType'], message: `Тип линии «${r.lineType}» (${LINE_TYPE_INFO[r.lineType].label}) относится к ставке ${LINE_TYPE_INFO[r.lineType].item}, а в строке ${r.item}` });
    }
  });

type RawRow = Partial<Record<TariffColumn, unknown>>;

function checkRows(raw: Array<{ row: number; values: RawRow }>): { rates: ImportedRate[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const rates: ImportedRate[] = [];
  const seen = new Map<string, number>();
  for (const { row, values } of raw) {
    const parsed = rowSchema.safeParse(values);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const column = String(issue.path[0] ?? '') || null;
        const value = column ? values[column as TariffColumn] : undefined;
        problems.push({ row, column, ...(value === undefined || value === null ? {} : { value: String(value) }), message: issue.message });
      }
      continue;
    }
    const r = parsed.data;
    const details = Object.fromEntries(DETAIL_COLUMNS.filter((c) => r[c] !== ANY).map((c) => [c, r[c]])) as Partial<RateDetails>;
    const key = [r.category, r.territory, r.voltage, r.item, ...DETAIL_COLUMNS.map((c) => r[c])].join('|');
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      const what = Object.keys(details).length ? 'категории, территории, напряжения и разбивки (тип линии, прокладка, сечение, подстанция)' : 'категории, территории и напряжения';
      problems.push({ row, column: 'item', value: r.item, message: `Повторяет строку ${earlier}: та же ставка ${r.item} для тех же ${what}` });
      continue;
    }
    seen.set(key, row);
    // Only named details are kept: a rate without them reads exactly as before the detail columns existed.
    rates.push({ line: row, category: r.category, territory: r.territory, voltageClass: r.voltage, item: r.item, ...details, rateKop: r.rate, vatIncluded: r.vatIncluded, note: r.note });
  }
  return { rates, problems };
}

// --- files ---------------------------------------------------------------------------

export interface TariffFile {
  rates: ImportedRate[];
  /** Set fields carried by a JSON file ({ set, rows }), unchecked. */
  set: unknown;
  problems: ImportProblem[];
}

function readCsv(content: string): TariffFile {
  const { records, errors } = parseCsv(content);
  const problems: ImportProblem[] = errors.map((e) => ({ row: e.line, column: null, message: e.message }));
  const [header, ...body] = records;
  if (!header) return { rates: [], set: undefined, problems: [...problems, { row: null, column: null, message: 'Файл пуст: нужна строка заголовка и строки ставок' }] };

  const columns = header.fields.map((name) => ({ name, column: columnOf(name) }));
  for (const { name, column } of columns) {
    if (!column) problems.push({ row: header.line, column: name, message: `Неизвестный столбец «${name}». Допустимые столбцы: ${TARIFF_COLUMNS.join(', ')}` });
  }
  const present = new Set(columns.map((c) => c.column));
  for (const c of REQUIRED_COLUMNS) {
    if (!present.has(c)) problems.push({ row: header.line, column: c, message: `Нет столбца «${c}» — ${TARIFF_COLUMN_HELP[c]}` });
  }
  const repeated = columns.filter((c, i) => c.column && columns.findIndex((o) => o.column === c.column) !== i);
  for (const c of repeated) problems.push({ row: header.line, column: c.name, message: `Столбец «${c.column}» указан дважды` });
  if (problems.some((p) => p.row === header.line)) return { rates: [], set: undefined, problems };

  const raw: Array<{ row: number; values: RawRow }> = [];
  for (const record of body) {
    if (record.fields.length !== columns.length) {
      problems.push({ row: record.line, column: null, message: `В строке ${record.fields.length} знач. вместо ${columns.length} (по числу столбцов заголовка): проверьте разделители` });
      continue;
    }
    const values: RawRow = {};
    columns.forEach((c, i) => (values[c.column!] = record.fields[i]));
    raw.push({ row: record.line, values });
  }
  const checked = checkRows(raw);
  return { rates: checked.rates, set: undefined, problems: [...problems, ...checked.problems] };
}

function jsonErrorLine(content: string, error: unknown): number | null {
  const position = /position (\d+)/.exec(error instanceof Error ? error.message : '')?.[1];
  if (position === undefined) return null;
  return content.slice(0, Number(position)).split('\n').length;
}

function readJson(content: string): TariffFile {
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch (error) {
    const line = jsonErrorLine(content, error);
    return { rates: [], set: undefined, problems: [{ row: null, column: null, message: `Файл не читается как JSON${line ? ` (ошибка в строке ${line} файла)` : ''}: проверьте скобки, запятые и кавычки` }] };
  }
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  let rows: unknown;
  let set: unknown;
  if (Array.isArray(data)) rows = data;
  else if (isObject(data)) {
    const extra = Object.keys(data).filter((k) => k !== 'rows' && k !== 'set');
    if (extra.length) return { rates: [], set: undefined, problems: [{ row: null, column: extra[0]!, message: `Неизвестное поле «${extra[0]}»: в файле могут быть только «set» (параметры набора) и «rows» (ставки)` }] };
    rows = data.rows;
    set = data.set;
  }
  if (!Array.isArray(rows)) {
    return { rates: [], set, problems: [{ row: null, column: null, message: 'Ожидается массив ставок или объект { "set": {…}, "rows": […] }' }] };
  }
  const problems: ImportProblem[] = [];
  const raw: Array<{ row: number; values: RawRow }> = [];
  rows.forEach((entry, index) => {
    const row = index + 1;
    if (!isObject(entry)) {
      problems.push({ row, column: null, message: `Запись должна быть объектом с полями ${REQUIRED_COLUMNS.join(', ')}` });
      return;
    }
    const values: RawRow = {};
    for (const [name, value] of Object.entries(entry)) {
      const column = columnOf(name);
      if (!column) problems.push({ row, column: name, message: `Неизвестное поле «${name}». Допустимые поля: ${TARIFF_COLUMNS.join(', ')}` });
      else if (column in values) problems.push({ row, column: name, message: `Поле «${column}» указано дважды (под разными именами)` });
      else values[column] = value;
    }
    raw.push({ row, values });
  });
  const checked = checkRows(raw);
  return { rates: checked.rates, set, problems: [...problems, ...checked.problems].sort((a, b) => (a.row ?? 0) - (b.row ?? 0)) };
}

export function readTariffFile(format: ImportFormat, content: string): TariffFile {
  if (content.length > IMPORT_MAX_CHARS) return { rates: [], set: undefined, problems: [{ row: null, column: null, message: 'Файл слишком большой: не больше 2 млн символов' }] };
  const file = format === 'csv' ? readCsv(content) : readJson(content);
  const problems = [...file.problems];
  if (file.rates.length + problems.filter((p) => p.row !== null).length > IMPORT_MAX_ROWS) {
    problems.push({ row: null, column: null, message: `Слишком много строк: не больше ${IMPORT_MAX_ROWS}` });
  }
  if (!problems.length && file.rates.length === 0) problems.push({ row: null, column: null, message: 'В файле нет ни одной строки ставок' });
  if (!problems.length && !file.rates.some((r) => r.item === 'C1')) {
    problems.push({ row: null, column: 'item', message: 'В наборе нет ставки C1: она нужна для любого расчёта' });
  }
  return { ...file, problems };
}

/**
 * The whole upload: the rows, and the set's fields from the form or from the
 * JSON file (not both, so it is never unclear which were meant).
 */
export function prepareTariffImport(input: { format: ImportFormat; content: string; set?: TariffSetMeta }): { ok: true; meta: TariffSetMeta; rates: ImportedRate[] } | { ok: false; problems: ImportProblem[] } {
  const file = readTariffFile(input.format, input.content);
  const problems = [...file.problems];
  let meta = input.set;
  if (file.set !== undefined && input.set) {
    problems.unshift({ row: null, column: 'set', message: 'Параметры набора указаны и в форме, и в файле: оставьте их в одном месте' });
  } else if (file.set !== undefined) {
    const parsed = tariffSetMetaSchema.safeParse(file.set);
    if (parsed.success) meta = parsed.data;
    else problems.unshift(...parsed.error.issues.map((i) => ({ row: null, column: ['set', ...i.path].join('.'), message: i.message })));
  } else if (!input.set) {
    problems.unshift({ row: null, column: 'set', message: 'Укажите параметры набора: регион, название, период действия, решение и источник' });
  }
  if (problems.length || !meta) return { ok: false, problems };
  return { ok: true, meta, rates: file.rates };
}

// --- writing -------------------------------------------------------------------------

const CSV_HEADER: readonly TariffColumn[] = TARIFF_COLUMNS;

/** A set's rates as CSV in the import format (Excel in Russia opens ';' with decimal commas). */
export function tariffRatesCsv(rates: readonly TariffRate[], delimiter: CsvDelimiter = ';'): string {
  const rows = rates.map((r) => [
    r.category,
    r.territory,
    r.voltageClass,
    r.item,
    ...DETAIL_COLUMNS.map((c) => r[c] ?? ANY),
    formatKop(r.rateKop, { kopecks: 'always' }).replace(/[\s\u00a0₽]/g, ''),
    r.vatIncluded ? 'да' : 'нет',
    TARIFF_ITEM_INFO[r.item].unit,
    r.note,
  ]);
  return toCsv([CSV_HEADER, ...rows], { delimiter });
}

/** The template offered for download: every column, one example row per item. */
export const TEMPLATE_RATES: readonly TariffRate[] = [
  { category: ANY, territory: ANY, voltageClass: ANY, item: 'C1', rateKop: 19_745_00, vatIncluded: false, note: 'пример' },
  { category: ANY, territory: 'urban', voltageClass: '0.4', item: 'C2', rateKop: 2_332_446_00, vatIncluded: false, note: 'пример' },
  { category: ANY, territory: 'urban', voltageClass: '0.4', item: 'C3', rateKop: 5_069_113_00, vatIncluded: false, note: 'пример' },
  { category: ANY, territory: ANY, voltageClass: '0.4', item: 'C4', rateKop: 180_000_00, vatIncluded: false, note: 'пример' },
  { category: ANY, territory: ANY, voltageClass: ANY, item: 'C5', rateKop: 9_500_00, vatIncluded: false, note: 'пример' },
  // Rows split as regional decisions publish them (structure only; the figures are an example, образец).
  { category: ANY, territory: 'urban', voltageClass: '0.4', item: 'C2', lineType: 'sip', crossSection: 'upTo50', rateKop: 1_900_000_00, vatIncluded: false, note: 'пример (образец), не ставка региона' },
  { category: ANY, territory: 'urban', voltageClass: '0.4', item: 'C3', lineType: 'plastic', layingMethod: 'trench', crossSection: '50-100', rateKop: 4_800_000_00, vatIncluded: false, note: 'пример (образец), не ставка региона' },
  { category: ANY, territory: 'urban', voltageClass: '0.4', item: 'C3', lineType: 'plastic', layingMethod: 'hdd', crossSection: '50-100', rateKop: 7_600_000_00, vatIncluded: false, note: 'пример (образец), не ставка региона' },
  { category: ANY, territory: ANY, voltageClass: '1-20', item: 'C5', substationType: 'single', capacity: '100-250', rateKop: 8_700_00, vatIncluded: false, note: 'пример (образец), не ставка региона' },
  { category: ANY, territory: ANY, voltageClass: ANY, item: 'C8.1', rateKop: 2_155_09, vatIncluded: false, note: 'пример' },
  { category: ANY, territory: ANY, voltageClass: ANY, item: 'C8.2', rateKop: 10_903_35, vatIncluded: false, note: 'пример' },
];

export const tariffCsvTemplate = () => tariffRatesCsv(TEMPLATE_RATES);
