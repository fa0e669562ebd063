// The RFC 4180 reader used by the tariff import, and money parsing/formatting.
import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseCsv, toCsv } from '../../domain/csv';
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

  it('reports broken quoting with the line, and goes on with the next record', () => {
    const r = parseCsv('a;b\n1;x"y\n2;"ok"z\n3;"fine"\n4;"never closed\n5;6\n');
    expect(r.errors).toEqual([
      { line: 2, message: expect.stringContaining('Кавычка внутри значения без кавычек') },
      { line: 3, message: 'После закрывающей кавычки должен идти разделитель или конец строки' },
      { line: 5, message: 'Кавычка, открытая в этой строке, не закрыта до конца файла' },
    ]);
    expect(r.records.map((x) => x.fields)).toEqual([
      ['a', 'b'],
      ['3', 'fine'],
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
