// Tariff sets through the real API and Postgres: the seeded sample, CSV and
// JSON imports with their row reports (all or nothing), versions by date, and
// who may do what. Each test uses its own region, so runs never collide.
import { randomUUID } from 'node:crypto';
import { inject, describe, expect, it, beforeAll, afterAll } from 'vitest';
import { connectDb, type Db } from '../../db';
import { DEMO_ACCOUNTS } from '../../db/seed-demo';
import { tariffInForce } from '../../db/read-models/tariffs';
import { apiClient, failure } from '../support/api-client';
import { loggedIn, registeredApplicant } from '../support/applicants';

let db: Db;
beforeAll(() => {
  db = connectDb(inject('databaseUrl'), { poolMax: 2 });
});
afterAll(() => db.close());

const account = (role: string) => DEMO_ACCOUNTS.find((a) => a.role === role)!;
const admin = () => loggedIn(account('admin').email, account('admin').password);
const region = () => `Тестовая область ${randomUUID().slice(0, 8)}`;
const SAMPLE_REGION = 'Регион-образец';

const setFor = (r: string, validFrom = '2026-01-01', extra: Record<string, unknown> = {}) => ({
  region: r,
  title: `Ставки ${r} с ${validFrom}`,
  validFrom,
  decision: 'Постановление комитета по тарифам от 20.12.2025 № 99/1',
  source: 'Тестовые данные',
  preferentialRatePerKw: 7000,
  ...extra,
});

const csv = (c1: string) =>
  [
    'category;territory;voltage;item;rate;vatIncluded;note',
    `*;*;*;C1;${c1};нет;`,
    '*;*;0.4;C2;2 332 446;нет;',
    '*;*;*;C8.1;2155,09;нет;Дагестан 2020',
    '*;*;*;C8.2;10903,35;нет;Дагестан 2020',
  ].join('\r\n');

/** A legal entity, 50 kW, no construction, three-phase meter: P = C1 + C8·Q. */
const smallBusiness = (r: string, date?: string) => ({
  region: r,
  ...(date ? { date } : {}),
  category: 'upTo150' as const,
  maxPowerKw: 50,
  voltageKv: 0.4,
  reliability: 'III' as const,
  territory: 'urban' as const,
  distanceToNetworkM: 10,
  meteringType: '3ph-direct' as const,
});

describe('the seeded sample tariff', () => {
  it('is offered to everyone, marked as a sample with its sources', async () => {
    const anonymous = apiClient();
    const { regions } = await anonymous.calculator.regions.query({ date: '2026-11-28' });
    const sample = regions.find((r) => r.region === SAMPLE_REGION);
    expect(sample).toMatchObject({ sample: true, validFrom: '2026-01-01', validTo: null, vatRatePercent: 22 });
    expect(sample!.source).toContain('Курская область, 2024');
    expect(sample!.source).toContain('Республика Дагестан, 2020');
    expect(sample!.source).toContain('Свердловская область');
  });

  it('caps an individual up to 15 kW at 7 000 ₽/kW, and keeps the 2025 set for a 2025 date', async () => {
    const anonymous = apiClient();
    const input = {
      region: SAMPLE_REGION,
      category: 'individual15' as const,
      maxPowerKw: 15,
      voltageKv: 0.4,
      reliability: 'III' as const,
      territory: 'urban' as const,
      distanceToNetworkM: 150,
      constructionNeeded: true,
      overheadLineM: 150,
      meteringType: '1ph' as const,
    };
    const now = await anonymous.calculator.calculate.query({ ...input, date: '2026-11-28' });
    // 19 745 + 349 866,90 + 2 155,09 = 371 766,99 + VAT 22 % 81 788,74 = 453 555,73 → cap 105 000
    expect(now).toMatchObject({ standardizedRub: 453_555.73, totalRub: 105_000, rule: 'regionalCap', tariff: { vatRatePercent: 22, sample: true } });
    const before = await anonymous.calculator.calculate.query({ ...input, date: '2025-06-01' });
    // VAT 20 %: 3 949,00 + 69 973,38 + 431,018 → 431,02 = 74 353,40; standardized 446 120,39
    expect(before).toMatchObject({ standardizedRub: 446_120.39, totalRub: 105_000, tariff: { validFrom: '2024-01-01', validTo: '2025-12-31', vatRatePercent: 20 } });
  });
});

describe('importing a tariff set', () => {
  it('stores a good CSV file whole, and the calculator uses it at once', async () => {
    const client = await admin();
    const r = region();
    const result = await client.tariffs.import.mutate({ format: 'csv', content: csv('19 745'), set: setFor(r) });
    expect(result).toMatchObject({ status: 'imported', rateCount: 4, set: { region: r, vatRatePercent: 22, sample: false } });
    if (result.status !== 'imported') return;

    const list = await client.tariffs.list.query();
    expect(list.find((s) => s.id === result.set.id)).toMatchObject({ rateCount: 4, inForceToday: true });
    const detail = await client.tariffs.get.query({ id: result.set.id });
    expect(detail.rates.map((x) => [x.item, x.rateKop, x.line, x.note])).toEqual([
      ['C1', 1_974_500, 2, ''],
      ['C2', 233_244_600, 3, ''],
      ['C8.1', 215_509, 4, 'Дагестан 2020'],
      ['C8.2', 1_090_335, 5, 'Дагестан 2020'],
    ]);

    const fee = await apiClient().calculator.calculate.query(smallBusiness(r, '2026-06-01'));
    // C1 19 745,00 + C8 10 903,35 = 30 648,35; VAT 4 343,90 + 2 398,74 = 6 742,64; total 37 390,99
    expect(fee.lines.map((l) => [l.code, l.amountRub])).toEqual([
      ['C1', 19_745],
      ['C8', 10_903.35],
      ['VAT', 6_742.64],
    ]);
    expect(fee.totalRub).toBe(37_390.99);
    expect(fee.tariff).toMatchObject({ id: result.set.id, region: r, decision: 'Постановление комитета по тарифам от 20.12.2025 № 99/1' });
  });

  it('stores rates that differ only by line type, laying method, cross-section or substation capacity, and prices by them', async () => {
    const client = await admin();
    const r = region();
    const content = [
      'category;territory;voltage;item;lineType;layingMethod;crossSection;substationType;capacity;rate;vatIncluded;note',
      '*;*;*;C1;;;;;;19745;нет;',
      '*;*;0.4;C3;;;;;;5069113;нет;без разбивки',
      '*;*;0.4;C3;plastic;trench;50-100;;;4800000;нет;образец',
      '*;*;0.4;C3;plastic;ГНБ;50-100;;;7600000;нет;образец',
      '*;*;*;C5;;;;;;9500;нет;образец',
      '*;*;*;C5;;;;single;100-250;8700;нет;образец',
    ].join('\r\n');
    const result = await client.tariffs.import.mutate({ format: 'csv', content, set: setFor(r) });
    expect(result).toMatchObject({ status: 'imported', rateCount: 6 });
    if (result.status !== 'imported') return;
    const detail = await client.tariffs.get.query({ id: result.set.id });
    expect(detail.rates.map((x) => x.detailsLabel)).toEqual([
      '',
      '',
      'КЛ, кабель с пластмассовой или резиновой изоляцией; в траншее; сечение свыше 50 до 100 мм² включительно',
      'КЛ, кабель с пластмассовой или резиновой изоляцией; горизонтальное наклонно-направленное бурение (ГНБ); сечение свыше 50 до 100 мм² включительно',
      '',
      'однотрансформаторная; мощностью свыше 100 до 250 кВА включительно',
    ]);
    // Read back from Postgres, the rows without details have none (as before migration 0017).
    const stored = await tariffInForce(db, r, '2026-06-01');
    expect(stored?.rates[1]).not.toHaveProperty('layingMethod');
    expect(stored?.rates[3]).toMatchObject({ lineType: 'plastic', layingMethod: 'hdd', crossSection: '50-100' });

    const fee = await apiClient().calculator.calculate.query({
      ...smallBusiness(r, '2026-06-01'),
      maxPowerKw: 100,
      previousPowerKw: 40,
      constructionNeeded: true,
      cableLineM: 100,
      lineSegments: [
        { lineType: 'plastic', layingMethod: 'hdd', crossSectionMm2: 70, lengthM: 100 },
        { lineType: 'plastic', layingMethod: 'trench', crossSectionMm2: 95, lengthM: 200 },
      ],
      transformerSubstation: true,
      transformerSubstationType: 'single',
      transformerSubstationKva: 160,
      meteringType: 'none',
    });
    // C3 without details 0,1 × 5 069 113 = 506 911,30; ГНБ 0,1 × 7 600 000 = 760 000; траншея 0,2 × 4 800 000 = 960 000;
    // C5 for a single-transformer 160 кВА substation on the increment 100 − 40 = 60 kW: 60 × 8 700 = 522 000
    expect(fee.lines.filter((l) => l.code !== 'VAT').map((l) => [l.code, l.amountRub])).toEqual([
      ['C1', 19_745],
      ['C3', 506_911.3],
      ['C3', 760_000],
      ['C3', 960_000],
      ['C5-7', 522_000],
    ]);
    expect(fee.power).toEqual({ totalKw: 100, previousKw: 40, chargedKw: 60 });

    // An overhead segment in a set with no C2 row at all: a Russian 422 naming the details asked for.
    const noRow = await failure(
      apiClient().calculator.calculate.query({ ...smallBusiness(r, '2026-06-01'), constructionNeeded: true, lineSegments: [{ lineType: 'sip', crossSectionMm2: 35, lengthM: 10 }], meteringType: 'none' }),
    );
    expect(noRow.httpStatus).toBe(422);
    expect(noRow.message).toMatch(/^В тарифах «.*» нет ставки C2 \(строительство воздушных линий: ВЛ, самонесущий изолированный провод \(СИП\); сечение до 50 мм² включительно\)/);
  });

  it('stores a separate C1 of a temporary connection (C1.temp) and charges it to a temporary connection only', async () => {
    const client = await admin();
    const r = region();
    const content = `${csv('19 745')}\r\n*;*;*;C1.temp;21 128,05;нет;C1 временного присоединения`;
    const result = await client.tariffs.import.mutate({ format: 'csv', content, set: setFor(r) });
    expect(result).toMatchObject({ status: 'imported', rateCount: 5 });
    const anonymous = apiClient();
    const temporary = await anonymous.calculator.calculate.query({ ...smallBusiness(r), connectionKind: 'temporary', meteringType: 'none' });
    expect(temporary.lines.find((l) => l.code === 'C1')).toMatchObject({ amountRub: 21_128.05, label: expect.stringContaining('при временном технологическом присоединении') });
    const permanent = await anonymous.calculator.calculate.query({ ...smallBusiness(r), meteringType: 'none' });
    expect(permanent.lines.find((l) => l.code === 'C1')?.amountRub).toBe(19_745);
  });

  it('reports every bad row and saves nothing', async () => {
    const client = await admin();
    const r = region();
    const ratesBefore = await db.TariffRate.count();
    const content = [
      'category;territory;voltage;item;rate;vatIncluded',
      '*;*;*;C1;19745;нет',
      '*;*;0.4;C2;два миллиона;нет',
      'юрлицо;*;*;C8.1;2155,09;нет',
      '*;*;*;C1;20000;нет',
      '*;*;*;C8.2;10903,35',
    ].join('\n');
    const result = await client.tariffs.import.mutate({ format: 'csv', content, set: setFor(r) });
    expect(result.status).toBe('invalid');
    if (result.status !== 'invalid') return;
    expect(result.problems.map((p) => [p.row, p.column])).toEqual([
      [6, null],
      [3, 'rate'],
      [4, 'category'],
      [5, 'item'],
    ]);
    expect(result.problems[1]).toMatchObject({ value: 'два миллиона', message: expect.stringContaining('Ставка — число рублей') });
    expect(result.problems[3]!.message).toBe('Повторяет строку 2: та же ставка C1 для тех же категории, территории и напряжения');

    expect(await db.TariffSet.count({ where: { region: r } })).toBe(0);
    expect(await db.TariffRate.count()).toBe(ratesBefore);
    const refused = await failure(apiClient().calculator.calculate.query(smallBusiness(r)));
    expect(refused).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining(`Для региона «${r}» нет тарифов`) });
  });

  it('reads a JSON file that carries its own set', async () => {
    const client = await admin();
    const r = region();
    const rows = [
      { category: '*', territory: '*', voltage: '*', item: 'C1', rate: 21500.5, vatIncluded: false },
      { category: '*', territory: '*', voltage: '*', item: 'C8.2', rate: '12 000', vatIncluded: true, note: 'с НДС' },
    ];
    const result = await client.tariffs.import.mutate({ format: 'json', content: JSON.stringify({ set: setFor(r, '2026-02-01', { vatRatePercent: 20 }), rows }) });
    expect(result).toMatchObject({ status: 'imported', rateCount: 2, set: { vatRatePercent: 20, validFrom: '2026-02-01' } });
    const fee = await apiClient().calculator.calculate.query(smallBusiness(r, '2026-03-01'));
    // C1 21 500,50 + VAT 20 % 4 300,10; C8 12 000,00 with VAT included → total 37 800,60
    expect(fee.totalRub).toBe(37_800.6);
    expect(fee.lines.find((l) => l.code === 'VAT')).toMatchObject({ amountRub: 4_300.1 });
  });

  it('refuses bad set fields with field messages', async () => {
    const client = await admin();
    const refused = await failure(client.tariffs.import.mutate({ format: 'csv', content: csv('1'), set: { ...setFor(region()), validFrom: '01.01.2026' } }));
    expect(refused.code).toBe('BAD_REQUEST');
    expect(refused.fieldErrors.set?.[0] ?? JSON.stringify(refused.fieldErrors)).toContain('ГГГГ-ММ-ДД');
  });
});

describe('versions', () => {
  it('a set valid from a later date does not change the result for an earlier date', async () => {
    const client = await admin();
    const r = region();
    await client.tariffs.import.mutate({ format: 'csv', content: csv('19745'), set: setFor(r, '2026-01-01') });
    const before = await apiClient().calculator.calculate.query(smallBusiness(r, '2026-06-01'));
    await client.tariffs.import.mutate({ format: 'csv', content: csv('30000'), set: setFor(r, '2027-01-01') });

    const again = await apiClient().calculator.calculate.query(smallBusiness(r, '2026-06-01'));
    expect(again).toEqual(before);
    expect(again.totalRub).toBe(37_390.99);
    const later = await apiClient().calculator.calculate.query(smallBusiness(r, '2027-02-01'));
    // C1 30 000 + VAT 6 600 + C8 10 903,35 + VAT 2 398,74 = 49 902,09
    expect(later.totalRub).toBe(49_902.09);
    expect(later.tariff.validFrom).toBe('2027-01-01');
  });

  it('a set loaded late with an earlier start changes nothing that was filed before it was loaded', async () => {
    const client = await admin();
    const r = region();
    await client.tariffs.import.mutate({ format: 'csv', content: csv('19745'), set: setFor(r, '2026-01-01') });
    const filedAt = new Date();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await client.tariffs.import.mutate({ format: 'csv', content: csv('25000'), set: setFor(r, '2026-03-01') });

    expect((await tariffInForce(db, r, '2026-06-01', { asOf: filedAt }))?.rates.find((x) => x.item === 'C1')?.rateKop).toBe(1_974_500);
    expect((await tariffInForce(db, r, '2026-06-01'))?.rates.find((x) => x.item === 'C1')?.rateKop).toBe(2_500_000);
    expect((await tariffInForce(db, r, '2026-02-01'))?.rates.find((x) => x.item === 'C1')?.rateKop).toBe(1_974_500);
  });

  it('has nothing in force after the last set ends, and never lets a set be edited', async () => {
    const client = await admin();
    const r = region();
    const result = await client.tariffs.import.mutate({ format: 'csv', content: csv('19745'), set: setFor(r, '2026-01-01', { validTo: '2026-06-30' }) });
    expect(result.status).toBe('imported');
    expect(await failure(apiClient().calculator.calculate.query(smallBusiness(r, '2026-07-01')))).toMatchObject({ code: 'NOT_FOUND' });
    await expect(db.TariffSet.update({ title: 'исправлено' }, { where: { region: r } })).rejects.toThrow(/immutable/);
    await expect(db.TariffRate.destroy({ where: { item: 'C1', setId: result.status === 'imported' ? result.set.id : '' } })).rejects.toThrow(/immutable/);
  });
});

describe('who may do what', () => {
  it('lets only an admin import; staff read; anonymous users calculate', async () => {
    const content = csv('19745');
    const set = setFor(region());
    const applicant = await registeredApplicant();
    expect(await failure(applicant.client.tariffs.import.mutate({ format: 'csv', content, set }))).toMatchObject({ code: 'FORBIDDEN', message: 'Недостаточно прав для этого действия' });
    expect(await failure(applicant.client.tariffs.list.query())).toMatchObject({ code: 'FORBIDDEN' });
    const staff = await loggedIn(account('staff').email, account('staff').password);
    expect(await failure(staff.tariffs.import.mutate({ format: 'csv', content, set }))).toMatchObject({ code: 'FORBIDDEN' });
    expect((await staff.tariffs.list.query()).some((s) => s.region === SAMPLE_REGION)).toBe(true);
    expect(await failure(apiClient().tariffs.import.mutate({ format: 'csv', content, set }))).toMatchObject({ code: 'UNAUTHORIZED' });
    expect(await db.TariffSet.count({ where: { region: set.region } })).toBe(0);
  });
});

describe('the calculator API', () => {
  it('answers bad input with Russian field messages, and a missing rate in words', async () => {
    const anonymous = apiClient();
    const bad = await failure(anonymous.calculator.calculate.query({ ...smallBusiness(SAMPLE_REGION), maxPowerKw: 0, preferentialGroup: 'veteran' }));
    expect(bad.code).toBe('BAD_REQUEST');
    expect(bad.fieldErrors).toMatchObject({
      maxPowerKw: ['Максимальная мощность должна быть больше нуля'],
      preferentialGroup: ['Льгота по оплате есть только у физических лиц с мощностью до 15 кВт для бытовых нужд'],
    });
    const noRate = await failure(
      anonymous.calculator.calculate.query({ ...smallBusiness(SAMPLE_REGION), category: 'upTo670', maxPowerKw: 300, voltageKv: 35, constructionNeeded: true, overheadLineM: 1000 }),
    );
    expect(noRate).toMatchObject({ code: 'UNPROCESSABLE_CONTENT', message: expect.stringContaining('нет ставки C2 (строительство воздушных линий)') });
    const unknown = await failure(anonymous.calculator.calculate.query(smallBusiness('Атлантида')));
    expect(unknown).toMatchObject({ code: 'NOT_FOUND', fieldErrors: { region: [expect.stringContaining('Для региона «Атлантида» нет тарифов')] } });
  });
});
