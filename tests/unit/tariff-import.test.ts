// Reading tariff files: every bad cell is reported by row and column, in Russian.
import { describe, expect, it } from 'vitest';
import { prepareTariffImport, readTariffFile, tariffCsvTemplate, TEMPLATE_RATES } from '../../domain/tariff-import';
import { tariffSetMetaSchema } from '../../domain/tariffs';

const meta = tariffSetMetaSchema.parse({ region: 'Регион', title: 'Набор', validFrom: '2026-01-01', decision: 'Постановление № 1', source: 'тест' });

describe('CSV tariff files', () => {
  it('reads the downloadable template back into the same rates', () => {
    const file = readTariffFile('csv', tariffCsvTemplate());
    expect(file.problems).toEqual([]);
    expect(file.rates.map(({ line: _line, ...r }) => r)).toEqual(TEMPLATE_RATES);
    expect(file.rates.map((r) => r.line)).toEqual([2, 3, 4, 5, 6, 7, 8]);
  });

  it('takes what people type: Russian headers, Cyrillic С, decimal commas, blank keys for «any», да/нет', () => {
    const csv = 'Категория;Территория;Напряжение;Ставка;Размер;С НДС\n;город;0,4 кВ;С2;2 332 446;нет\n*;*;*;с1;19745;да\n';
    const file = readTariffFile('csv', csv);
    expect(file.problems).toEqual([]);
    expect(file.rates).toEqual([
      { line: 2, category: '*', territory: 'urban', voltageClass: '0.4', item: 'C2', rateKop: 233_244_600, vatIncluded: false, note: '' },
      { line: 3, category: '*', territory: '*', voltageClass: '*', item: 'C1', rateKop: 1_974_500, vatIncluded: true, note: '' },
    ]);
  });

  it('reports each bad row with its line, column and value', () => {
    const csv = [
      'category,territory,voltage,item,rate,vatIncluded',
      '*,*,*,C1,19745,false',
      'legal,*,*,C2,100,false',
      '*,город,0.4,C9,abc,maybe',
      '*,*,*,C1,20000,false',
      '*,*,*,C8.1,-5,false',
      '*,*,*,C8.2',
    ].join('\n');
    const { problems, rates } = readTariffFile('csv', csv);
    expect(rates).toHaveLength(1);
    expect(problems).toEqual([
      { row: 7, column: null, message: 'В строке 4 знач. вместо 6 (по числу столбцов заголовка): проверьте разделители' },
      { row: 3, column: 'category', value: 'legal', message: 'Неизвестная категория. Допустимо: individual15, upTo150, upTo670, over670, *' },
      { row: 4, column: 'item', value: 'C9', message: expect.stringContaining('Неизвестная ставка. Допустимо: C1, C2') },
      { row: 4, column: 'rate', value: 'abc', message: expect.stringContaining('Ставка — число рублей') },
      { row: 4, column: 'vatIncluded', value: 'maybe', message: 'Укажите, включён ли НДС в ставку: да или нет' },
      { row: 5, column: 'item', value: 'C1', message: 'Повторяет строку 2: та же ставка C1 для тех же категории, территории и напряжения' },
      { row: 6, column: 'rate', value: '-5', message: expect.stringContaining('не отрицательное') },
    ]);
  });

  it('refuses a header it does not understand and a set without C1', () => {
    expect(readTariffFile('csv', 'category;territory;voltage;item;price;vatIncluded\n*;*;*;C1;1;нет').problems).toEqual([
      { row: 1, column: 'price', message: expect.stringContaining('Неизвестный столбец «price»') },
      { row: 1, column: 'rate', message: expect.stringContaining('Нет столбца «rate»') },
    ]);
    expect(readTariffFile('csv', 'category;territory;voltage;item;rate;vatIncluded\n*;*;*;C8.1;1;нет').problems).toEqual([
      { row: null, column: 'item', message: 'В наборе нет ставки C1: она нужна для любого расчёта' },
    ]);
    expect(readTariffFile('csv', '').problems[0]?.message).toMatch(/^Файл пуст/);
    expect(readTariffFile('csv', 'category;territory;voltage;item;rate;vatIncluded\n').problems[0]?.message).toBe('В файле нет ни одной строки ставок');
  });

  it('checks a given unit against the item', () => {
    const { problems } = readTariffFile('csv', 'category;territory;voltage;item;rate;vatIncluded;unit\n*;*;*;C1;19745;нет;₽/км');
    expect(problems).toEqual([{ row: 2, column: 'unit', value: '₽/км', message: 'Единица ставки C1 — «₽ за присоединение»' }]);
  });
});

describe('JSON tariff files', () => {
  it('reads an array of rates, numbers and booleans as they are', () => {
    const file = readTariffFile('json', JSON.stringify([{ category: '*', territory: '*', voltage: '*', item: 'C1', rate: 19745, vatIncluded: false, note: 'Курск' }]));
    expect(file.problems).toEqual([]);
    expect(file.rates[0]).toMatchObject({ line: 1, item: 'C1', rateKop: 1_974_500, note: 'Курск' });
  });

  it('numbers records from 1 and names unknown fields', () => {
    const { problems } = readTariffFile('json', JSON.stringify([{ category: '*', territory: '*', voltage: '*', item: 'C1', rate: 1, vatIncluded: false }, { item: 'C2', rate: 0.001, colour: 'red' }, 5]));
    expect(problems).toEqual([
      { row: 2, column: 'colour', message: expect.stringContaining('Неизвестное поле «colour»') },
      { row: 2, column: 'rate', value: '0.001', message: expect.stringContaining('не больше двух знаков после запятой') },
      { row: 2, column: 'vatIncluded', message: 'Укажите, включён ли НДС в ставку: да или нет' },
      { row: 3, column: null, message: expect.stringContaining('Запись должна быть объектом') },
    ]);
  });

  it('says where JSON is broken', () => {
    expect(readTariffFile('json', '[\n{"item": "C1",\n}\n]').problems[0]?.message).toMatch(/^Файл не читается как JSON/);
  });

  it('takes the set from the file or from the form, never from both', () => {
    const rows = [{ category: '*', territory: '*', voltage: '*', item: 'C1', rate: 1, vatIncluded: false }];
    const fileSet = { region: 'Из файла', title: 'Набор', validFrom: '2026-01-01', decision: 'Решение', source: 'тест' };
    const fromFile = prepareTariffImport({ format: 'json', content: JSON.stringify({ set: fileSet, rows }) });
    expect(fromFile.ok && fromFile.meta.region).toBe('Из файла');
    // VAT defaults to the rate in force on the start date (22 % from 2026).
    expect(fromFile.ok && fromFile.meta.vatRatePercent).toBe(22);
    expect(prepareTariffImport({ format: 'json', content: JSON.stringify({ set: fileSet, rows }), set: meta })).toMatchObject({ ok: false, problems: [{ column: 'set' }] });
    expect(prepareTariffImport({ format: 'json', content: JSON.stringify({ set: { ...fileSet, validTo: '2025-01-01' }, rows }) })).toEqual({
      ok: false,
      problems: [{ row: null, column: 'set.validTo', message: 'Дата окончания действия не может быть раньше даты начала' }],
    });
    expect(prepareTariffImport({ format: 'csv', content: 'category;territory;voltage;item;rate;vatIncluded\n*;*;*;C1;1;нет' })).toMatchObject({ ok: false, problems: [{ column: 'set', message: expect.stringMatching(/^Укажите параметры набора/) }] });
  });
});
