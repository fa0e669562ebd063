// The one CSV module: every file staff download (tariff rates, the appeals
// report, the outage template) is written here, and every file they upload
// (tariffs, the outage schedule) is read here. Pure, so the API and the web
// share it. Parsing and quoting are Papa Parse's (a maintained library that
// runs in Node and the browser alike); this module fixes the dialect and adds
// what spreadsheets in Russia need.
//
// The dialect we write: ';' between fields (Russian Excel splits on it, decimal
// commas stay intact), CRLF line ends including after the last row, a field
// quoted only when it must be (or every text field, for reports that always
// quoted). The byte order mark Excel needs to read UTF-8 Cyrillic is added by
// whoever offers the download, not here: API responses carry the text, and
// what is imported back has the BOM skipped anyway.
//
// Formula injection (OWASP "CSV Injection"): staff open these exports in Excel,
// which runs a cell that starts with '=', '+', '-' or '@' (and, per OWASP, tab
// or carriage return) as a formula. Every TEXT cell starting with one of those
// is written with a leading apostrophe, so Excel shows it as text. Cells passed
// as numbers are left alone: a count of -5 is data, and Papa Parse never
// prefixes a number. So write a figure as a number when it is a figure, and as
// text only when it is wording (a rate written Russian-style, '2155,09', is text
// but starts with a digit).
//
// What we read: a BOM, ';', ',' or tab as the delimiter (whichever the header
// line uses most), and CR, LF or CRLF line ends (a line end inside quotes comes
// back as '\n'). Strict where being lenient would read the file wrongly: a
// quoted value not closed properly, or never closed, is an error with its file
// line, and that record is dropped, so an import refuses the file rather than
// store a table read wrongly. A quote inside an unquoted value is taken as a
// character, as Excel does. Blank lines are skipped.
import Papa from 'papaparse';

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

/** A cell Excel would run as a formula (OWASP's list). */
export const FORMULA_START = /^[=+\-@\t\r]/;

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

/** Papa Parse's quote errors, in words a spreadsheet user can act on. */
const QUOTE_PROBLEMS: Record<string, string> = {
  InvalidQuotes: 'Значение в кавычках, начатое в этой строке, закрыто неправильно: после закрывающей кавычки должен идти разделитель или конец строки, а кавычку внутри значения нужно удвоить ("")',
  MissingQuotes: 'Кавычка, открытая в этой строке, не закрыта до конца файла',
};

export function parseCsv(input: string, opts: { delimiter?: CsvDelimiter } = {}): CsvParseResult {
  // One line end throughout, so file lines are counted one way and a line end inside quotes reads as '\n'.
  const text = (input.startsWith('\ufeff') ? input.slice(1) : input).replace(/\r\n?/g, '\n');
  const delimiter = opts.delimiter ?? detectDelimiter(text);
  const records: CsvRecord[] = [];
  const errors: CsvProblem[] = [];

  // Lines are counted as the parse moves forward: offsets only grow.
  let counted = 0;
  let line = 1;
  const lineAt = (offset: number) => {
    for (; counted < offset; counted += 1) if (text[counted] === '\n') line += 1;
    return line;
  };

  let cursor = 0;
  Papa.parse<string[]>(text, {
    delimiter,
    newline: '\n',
    quoteChar: '"',
    skipEmptyLines: true,
    step: (row) => {
      // The record starts after the previous one, past any blank lines Papa Parse skipped.
      let start = cursor;
      while (text[start] === '\n') start += 1;
      cursor = row.meta.cursor;
      if (row.errors.length) {
        for (const e of row.errors) {
          const problem = { line: lineAt(e.index ?? start), message: QUOTE_PROBLEMS[e.code] ?? e.message };
          if (!errors.some((p) => p.line === problem.line && p.message === problem.message)) errors.push(problem);
        }
        return;
      }
      records.push({ line: lineAt(start), fields: row.data });
    },
  });
  errors.sort((a, b) => a.line - b.line);
  return { delimiter, records, errors };
}

export type CsvCell = string | number;

export interface CsvWriteOptions {
  delimiter?: CsvDelimiter;
  /** Quote every text cell (numbers stay bare), as the appeals report always has. */
  quoteText?: boolean;
}

/** Rows as CSV in our dialect, text cells that Excel would run as formulas neutralised. */
export function toCsv(rows: readonly (readonly CsvCell[])[], opts: CsvWriteOptions = {}): string {
  if (!rows.length) return '';
  return (
    Papa.unparse(
      rows.map((r) => [...r]),
      {
        delimiter: opts.delimiter ?? ';',
        newline: '\r\n',
        quoteChar: '"',
        escapeFormulae: FORMULA_START,
        quotes: opts.quoteText ? (value: unknown) => typeof value === 'string' : false,
      },
    ) + '\r\n'
  );
}
