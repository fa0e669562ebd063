// Reading tariff files: every bad cell is reported by row and column, in Russian.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareTariffImport, readTariffFile, tariffCsvTemplate, TEMPLATE_RATES } from '../../domain/tariff-import';
import { tariffSetMetaSchema } from '../../domain/tariffs';

const meta = tariffSetMetaSchema.parse({ region: 'Регион', title: 'Набор', validFrom: '2026-01-01', decision: 'Постановление № 1', source: 'тест' });

describe('CSV tariff files', () => {
  it('reads the downloadable template back into the same rates', () => {
    const file = readTariffFile('csv', tariffCsvTemplate());
    expect(file.problems).toEqual([]);
    expect(file.rates.map(({ line: _line, ...r }) => r)).toEqual(TEMPLATE_RATES);
    expect(file.rates.map((r) => r.line)).toEqual(TEMPLATE_RATES.map((_, i) => i + 2));
  });

  it('takes what people type: Russian headers, Cyrillic С, decimal commas, blank keys for «any», да/нет', () => {
    const csv = 'Категория;Территория;Напряжение;Ставка;Размер;С НДС\n;город;0,4 кВ;С2;2 332 446;нет\n*;*;*;с1;19745;да\n*;*;*;С1.Temp;21128,05;нет\n';
    const file = readTariffFile('csv', csv);
    expect(file.problems).toEqual([]);
    expect(file.rates).toEqual([
      { line: 2, category: '*', territory: 'urban', voltageClass: '0.4', item: 'C2', rateKop: 233_244_600, vatIncluded: false, note: '' },
      { line: 3, category: '*', territory: '*', voltageClass: '*', item: 'C1', rateKop: 1_974_500, vatIncluded: true, note: '' },
      { line: 4, category: '*', territory: '*', voltageClass: '*', item: 'C1.temp', rateKop: 2_112_805, vatIncluded: false, note: '' },
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
      { row: 4, column: 'item', value: 'C9', message: expect.stringContaining('Неизвестная ставка. Допустимо: C1, C1.temp, C2') },
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

describe('rates split by line type, laying method, cross-section and substation capacity', () => {
  it('still reads an old file without the detail columns, its rates with no details', () => {
    const old = readTariffFile('csv', 'category;territory;voltage;item;rate;vatIncluded;unit;note\n*;*;0.4;C3;5069113;нет;₽/км;\n*;*;*;C1;19745;нет;;');
    expect(old.problems).toEqual([]);
    expect(old.rates[0]).toEqual({ line: 2, category: '*', territory: '*', voltageClass: '0.4', item: 'C3', rateKop: 506_911_300, vatIncluded: false, note: '' });
  });

  it('reads the columns as people write them: Russian headers and words, bands «до 50», «50–100», «свыше 1000»', () => {
    const csv = [
      'Категория;Территория;Напряжение;Ставка;Тип линии;Способ прокладки;Сечение;Тип подстанции;Мощность;Размер;С НДС;Примечание',
      '*;город;0,4;С3;plastic;ГНБ;50–100 мм²;;;7 600 000;нет;образец',
      '*;город;0,4;С3;plastic;в траншее;50-100;;;4 800 000;нет;образец',
      '*;город;0,4;С2;СИП;;до 50;;;1 900 000;нет;образец',
      '*;*;*;С5;;;;однотрансформаторная;свыше 1000;5 000;нет;образец',
      '*;*;*;С1;;;;;;19745;нет;',
    ].join('\n');
    const file = readTariffFile('csv', csv);
    expect(file.problems).toEqual([]);
    expect(file.rates.map(({ item, lineType, layingMethod, crossSection, substationType, capacity }) => ({ item, lineType, layingMethod, crossSection, substationType, capacity }))).toEqual([
      { item: 'C3', lineType: 'plastic', layingMethod: 'hdd', crossSection: '50-100', substationType: undefined, capacity: undefined },
      { item: 'C3', lineType: 'plastic', layingMethod: 'trench', crossSection: '50-100', substationType: undefined, capacity: undefined },
      { item: 'C2', lineType: 'sip', layingMethod: undefined, crossSection: 'upTo50', substationType: undefined, capacity: undefined },
      { item: 'C5', lineType: undefined, layingMethod: undefined, crossSection: undefined, substationType: 'single', capacity: 'over1000' },
      { item: 'C1', lineType: undefined, layingMethod: undefined, crossSection: undefined, substationType: undefined, capacity: undefined },
    ]);
  });

  it('reads the same from JSON', () => {
    const file = readTariffFile(
      'json',
      JSON.stringify([
        { category: '*', territory: '*', voltage: '*', item: 'C1', rate: 19745, vatIncluded: false },
        { category: '*', territory: 'urban', voltage: '0.4', item: 'C3', lineType: 'plastic', layingMethod: 'hdd', crossSection: '100-200', rate: 8000000, vatIncluded: false, note: 'образец' },
      ]),
    );
    expect(file.problems).toEqual([]);
    expect(file.rates[1]).toMatchObject({ item: 'C3', layingMethod: 'hdd', crossSection: '100-200', rateKop: 800_000_000 });
  });

  it('reports detail cells that do not fit the item, unknown values and repeated keys', () => {
    const csv = [
      'category;territory;voltage;item;lineType;layingMethod;crossSection;substationType;capacity;rate;vatIncluded',
      '*;*;*;C1;;;;;;19745;нет',
      '*;*;0.4;C2;sip;hdd;;;;100;нет',
      '*;*;0.4;C3;sip;trench;;;;100;нет',
      '*;*;0.4;C3;plastic;бульдозер;толстое;;;100;нет',
      '*;*;*;C5;;;;;до 250;100;нет',
      '*;*;*;C8.1;;;;single;;100;нет',
      '*;*;0.4;C3;plastic;hdd;до 50;;;100;нет',
      '*;*;0.4;C3;plastic;ГНБ;до 50 мм²;;;200;нет',
    ].join('\n');
    const { problems } = readTariffFile('csv', csv);
    expect(problems).toEqual([
      { row: 3, column: 'layingMethod', value: 'hdd', message: 'Столбец «layingMethod» заполняется только для ставок C3, а в строке C2: оставьте его пустым или «*»' },
      { row: 4, column: 'lineType', value: 'sip', message: 'Тип линии «sip» (ВЛ, самонесущий изолированный провод (СИП)) относится к ставке C2, а в строке C3' },
      { row: 5, column: 'layingMethod', value: 'бульдозер', message: expect.stringMatching(/^Неизвестное значение\. способ прокладки .*trench \(в траншее\), hdd \(ГНБ\)/) },
      { row: 5, column: 'crossSection', value: 'толстое', message: expect.stringMatching(/^Неизвестное значение\. сечение, мм²/) },
      { row: 6, column: 'capacity', value: 'до 250', message: expect.stringMatching(/^Неизвестное значение\. мощность трансформаторов, кВА .*upTo25 \(до 25\), 25-100, 100-250/) },
      { row: 7, column: 'substationType', value: 'single', message: 'Столбец «substationType» заполняется только для ставок C5, C6, а в строке C8.1: оставьте его пустым или «*»' },
      {
        row: 9,
        column: 'item',
        value: 'C3',
        message: 'Повторяет строку 8: та же ставка C3 для тех же категории, территории, напряжения и разбивки (тип линии, прокладка, сечение, подстанция)',
      },
    ]);
  });
});

describe('the examples of docs/tariffs.md', () => {
  const doc = fs.readFileSync(path.resolve(import.meta.dirname, '../../docs/tariffs.md'), 'utf8');
  const block = (lang: string) => new RegExp('```' + lang + '\\n([\\s\\S]*?)```').exec(doc)?.[1] ?? '';

  it('the CSV example imports without a problem, old and split rows side by side', () => {
    const file = readTariffFile('csv', block('csv'));
    expect(file.problems).toEqual([]);
    expect(file.rates).toHaveLength(10);
    expect(file.rates.find((r) => r.item === 'C5' && r.capacity === '100-250')).toMatchObject({ substationType: 'single', rateKop: 870_000 });
    // Every split row is marked as a sample.
    expect(file.rates.filter((r) => r.lineType || r.substationType).every((r) => r.note === 'образец')).toBe(true);
  });

  it('the JSON example imports with its set', () => {
    const prepared = prepareTariffImport({ format: 'json', content: block('json') });
    expect(prepared.ok).toBe(true);
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
