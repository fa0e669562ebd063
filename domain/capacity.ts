// Free transformer capacity of supply centres (центры питания) below 35 kV, which a
// grid company publishes quarterly under the disclosure standards (ПП РФ от
// 21.01.2004 № 24, п. 19, ◐). An admin loads it as a versioned table, like tariffs:
// a CSV checked row by row (one bad row and nothing is stored), kept unchanged, the
// newest version in force. Everyone searches it by settlement.
import { z } from 'zod';
import { isIsoDate } from './calendar';
import { parseCsv } from './csv';

export const CAPACITY_MAX_CHARS = 1_000_000;
export const CAPACITY_MAX_ROWS = 5_000;

export const CAPACITY_COLUMNS = ['settlement', 'centre', 'voltage', 'freeMva', 'note'] as const;
export type CapacityColumn = (typeof CAPACITY_COLUMNS)[number];
const REQUIRED: readonly CapacityColumn[] = ['settlement', 'centre', 'voltage', 'freeMva'];

export const CAPACITY_COLUMN_HELP: Record<CapacityColumn, string> = {
  settlement: 'населённый пункт, который питает центр (по нему ищут посетители)',
  centre: 'наименование центра питания (подстанции), например «ПС 35/10 кВ Лесная»',
  voltage: 'уровень напряжения, кВ: 20, 10, 6 или 0,4',
  freeMva: 'свободная для технологического присоединения мощность, МВА (число не меньше нуля, дробная часть через запятую или точку)',
  note: 'примечание (необязательно)',
};

export const CAPACITY_VOLTAGES = ['20', '10', '6', '0.4'] as const;

export interface CapacityRow {
  line: number;
  settlement: string;
  centre: string;
  voltage: (typeof CAPACITY_VOLTAGES)[number];
  freeMva: number;
  note: string;
}

export interface CapacityProblem {
  /** The CSV line (header = 1); null for the file as a whole. */
  row: number | null;
  column: string | null;
  message: string;
}

export const capacityMetaSchema = z.object({
  asOf: z.string().refine(isIsoDate, 'Дата, на которую указана мощность, — в формате ГГГГ-ММ-ДД'),
  source: z.string().trim().min(3, 'Укажите источник данных (например, «Данные диспетчерской службы на 01.10.2026»)').max(300, 'Источник: не длиннее 300 символов'),
});
export type CapacityMeta = z.output<typeof capacityMetaSchema>;

export const capacityImportInputSchema = capacityMetaSchema.extend({
  content: z.string().max(CAPACITY_MAX_CHARS, 'Файл слишком большой: не больше 1 млн символов'),
});

const TEXT_MAX = 200;

/** Checks every line of the CSV; rows only when the whole file is clean. */
export function prepareCapacityImport(content: string): { ok: true; rows: CapacityRow[] } | { ok: false; problems: CapacityProblem[] } {
  const { records, errors } = parseCsv(content);
  const problems: CapacityProblem[] = errors.map((e) => ({ row: e.line, column: null, message: e.message }));
  const [header, ...body] = records;
  if (!header) return { ok: false, problems: [...problems, { row: null, column: null, message: 'Файл пуст: нужна строка заголовка и строки центров питания' }] };
  const columns = header.fields.map((name) => name.trim());
  for (const name of columns) {
    if (!(CAPACITY_COLUMNS as readonly string[]).includes(name)) problems.push({ row: header.line, column: name, message: `Неизвестный столбец «${name}». Допустимые столбцы: ${CAPACITY_COLUMNS.join(', ')}` });
  }
  for (const c of REQUIRED) if (!columns.includes(c)) problems.push({ row: header.line, column: c, message: `Нет столбца «${c}» — ${CAPACITY_COLUMN_HELP[c]}` });
  if (problems.some((p) => p.row === header.line)) return { ok: false, problems };
  if (body.length === 0) problems.push({ row: null, column: null, message: 'В файле нет ни одной строки с центром питания' });
  if (body.length > CAPACITY_MAX_ROWS) problems.push({ row: null, column: null, message: `Строк больше ${CAPACITY_MAX_ROWS}: разделите файл` });

  const rows: CapacityRow[] = [];
  for (const record of body) {
    if (record.fields.length !== columns.length) {
      problems.push({ row: record.line, column: null, message: `В строке ${record.fields.length} знач. вместо ${columns.length} (по числу столбцов заголовка): проверьте разделители` });
      continue;
    }
    const value = (c: CapacityColumn) => (columns.includes(c) ? record.fields[columns.indexOf(c)]!.trim() : '');
    const text = (c: CapacityColumn, required: boolean) => {
      const v = value(c);
      if (required && !v) problems.push({ row: record.line, column: c, message: `Пусто: ${CAPACITY_COLUMN_HELP[c]}` });
      else if (v.length > TEXT_MAX) problems.push({ row: record.line, column: c, message: `Длиннее ${TEXT_MAX} символов` });
      return v;
    };
    const settlement = text('settlement', true);
    const centre = text('centre', true);
    const note = text('note', false);
    const voltageText = value('voltage').replace(',', '.');
    const voltage = CAPACITY_VOLTAGES.find((v) => v === voltageText);
    if (!voltage) problems.push({ row: record.line, column: 'voltage', message: `«${value('voltage')}» — не уровень напряжения: ${CAPACITY_COLUMN_HELP.voltage}` });
    const mvaText = value('freeMva').replace(/[\s\u00a0]/g, '').replace(',', '.');
    const freeMva = /^\d+(\.\d{1,3})?$/.test(mvaText) ? Number(mvaText) : NaN;
    if (!Number.isFinite(freeMva)) problems.push({ row: record.line, column: 'freeMva', message: `«${value('freeMva')}» — не число МВА (не больше трёх знаков после запятой, не меньше нуля)` });
    if (voltage && Number.isFinite(freeMva)) rows.push({ line: record.line, settlement, centre, voltage, freeMva, note });
  }
  return problems.length ? { ok: false, problems } : { ok: true, rows };
}

export const capacityCsvTemplate = () => 'settlement;centre;voltage;freeMva;note\r\nИстра;ПС 35/10 кВ Лесная;10;1,250;\r\n';

export const formatVoltage = (v: string) => `${v.replace('.', ',')} кВ`;
