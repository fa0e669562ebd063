// A strict RFC 4180 reader for the tariff import, written because no CSV
// package is installed. Strict on purpose: a tariff table read wrongly is worse
// than one refused with the line to fix. Besides the RFC it takes what Russian
// spreadsheets save: a BOM, ';' or tab as the delimiter (detected on the header
// line), and CR, LF or CRLF line ends.

export type CsvDelimiter = ',' | ';' | '\t';

export interface CsvRecord {
  /** The file line (from 1) the record starts on: what a spreadsheet user looks for. */
  line: number;
  fields: string[];
}

export interface CsvProblem {
  line: number;
  message: string;
}

export interface CsvParseResult {
  delimiter: CsvDelimiter;
  records: CsvRecord[];
  errors: CsvProblem[];
}

const DELIMITERS: readonly CsvDelimiter[] = [';', ',', '\t'];

/** The delimiter used most on the first line outside quotes; ',' when none is. */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = new Map<CsvDelimiter, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch as CsvDelimiter)) counts.set(ch as CsvDelimiter, counts.get(ch as CsvDelimiter)! + 1);
  }
  let best: CsvDelimiter = ',';
  let bestCount = 0;
  for (const [d, n] of counts) {
    if (n > bestCount) [best, bestCount] = [d, n];
  }
  return best;
}

export function parseCsv(input: string, opts: { delimiter?: CsvDelimiter } = {}): CsvParseResult {
  const text = input.startsWith('\ufeff') ? input.slice(1) : input;
  const delimiter = opts.delimiter ?? detectDelimiter(text);
  const records: CsvRecord[] = [];
  const errors: CsvProblem[] = [];

  let line = 1;
  let i = 0;
  const n = text.length;

  /** Consumes a line end at i (CRLF, LF or CR); true if there was one. */
  const takeLineEnd = (): boolean => {
    if (text[i] === '\r') {
      i += text[i + 1] === '\n' ? 2 : 1;
      line += 1;
      return true;
    }
    if (text[i] === '\n') {
      i += 1;
      line += 1;
      return true;
    }
    return false;
  };

  /** After an error, skip to the start of the next record (quotes are no longer trusted). */
  const skipRecord = () => {
    while (i < n && !takeLineEnd()) i += 1;
  };

  while (i < n) {
    const startLine = line;
    const fields: string[] = [];
    let broken = false;

    for (;;) {
      let value = '';
      if (text[i] === '"') {
        const quoteLine = line;
        i += 1;
        let closed = false;
        while (i < n) {
          const ch = text[i]!;
          if (ch === '"') {
            if (text[i + 1] === '"') {
              value += '"';
              i += 2;
              continue;
            }
            i += 1;
            closed = true;
            break;
          }
          if (ch === '\r' || ch === '\n') {
            // A line end inside quotes belongs to the value; it is kept as '\n'.
            takeLineEnd();
            value += '\n';
            continue;
          }
          value += ch;
          i += 1;
        }
        if (!closed) {
          errors.push({ line: quoteLine, message: 'Кавычка, открытая в этой строке, не закрыта до конца файла' });
          broken = true;
          break;
        }
        if (i < n && text[i] !== delimiter && text[i] !== '\r' && text[i] !== '\n') {
          errors.push({ line, message: 'После закрывающей кавычки должен идти разделитель или конец строки' });
          broken = true;
          skipRecord();
          break;
        }
      } else {
        while (i < n && text[i] !== delimiter && text[i] !== '\r' && text[i] !== '\n') {
          if (text[i] === '"') {
            errors.push({ line, message: 'Кавычка внутри значения без кавычек: заключите всё значение в кавычки, а саму кавычку удвойте ("")' });
            broken = true;
            break;
          }
          value += text[i];
          i += 1;
        }
        if (broken) {
          skipRecord();
          break;
        }
      }
      fields.push(value);
      if (text[i] === delimiter) {
        i += 1;
        continue;
      }
      takeLineEnd();
      break;
    }

    if (broken) continue;
    // A blank line is no record (a spreadsheet often leaves one at the end).
    if (fields.length === 1 && fields[0] === '') continue;
    records.push({ line: startLine, fields });
  }

  return { delimiter, records, errors };
}

/** One CSV field, quoted when it has to be. */
export function csvField(value: string, delimiter: CsvDelimiter = ';'): string {
  return /["\r\n]/.test(value) || value.includes(delimiter) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;
}

export function toCsv(rows: readonly (readonly string[])[], delimiter: CsvDelimiter = ';'): string {
  return rows.map((r) => r.map((f) => csvField(f, delimiter)).join(delimiter)).join('\r\n') + '\r\n';
}
