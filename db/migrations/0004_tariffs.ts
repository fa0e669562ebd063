import type { Migration } from '../migrate';

// Tariffs for the connection-cost calculator (DOMAIN §4): a set per regional
// decision and period, its rates keyed by category × territory × voltage × item.
// Sets are immutable (a trigger refuses UPDATE and DELETE): a new decision is a
// new set, and `created_at` lets a case ask which set was in force on its date
// as known when it was filed. The sample sets are data of this migration, so
// every database has them; the values are frozen here on purpose.

const SAMPLE_REGION = 'Регион-образец';
const SAMPLE_DECISION = 'Образец, не решение органа регулирования: ставки собраны из решений разных регионов (см. источник), остальные условные';
const SAMPLE_SOURCE = [
  'Реальные ставки из открытых решений органов регулирования (DOMAIN §4):',
  'C1 = 19 745 ₽ без НДС — Курская область, 2024;',
  'C8.1 = 2 155,09 ₽ (однофазный ПУ) и C8.2 = 10 903,35 ₽ (трёхфазный прямого включения) — Республика Дагестан, 2020;',
  'C2 = 2 332 446 ₽/км и C3 = 5 069 113 ₽/км для 0,4 кВ — ставки одного из регионов;',
  'льготная ставка для физических лиц до 15 кВт 7 000 ₽/кВт — Свердловская область (НДС включён — принято, не проверено).',
  'Условные значения для иллюстрации (помечены в примечании к ставке): C4, C5, C6, C7, C8.3 и ставки 1–20 кВ.',
].join(' ');

const SAMPLE_SETS = [
  {
    id: '5a3b1e00-7a71-4f00-8000-000000002024',
    title: 'Образец: стандартизированные ставки платы за технологическое присоединение, 2024–2025 гг.',
    valid_from: '2024-01-01',
    valid_to: '2025-12-31',
    vat_rate_percent: 20,
    vat_source: 'НДС 20 % — НК РФ ст. 164 п. 3 в ред. ФЗ от 03.08.2018 № 303-ФЗ.',
  },
  {
    id: '5a3b1e00-7a71-4f00-8000-000000002026',
    title: 'Образец: стандартизированные ставки платы за технологическое присоединение с 2026 г.',
    valid_from: '2026-01-01',
    valid_to: null,
    vat_rate_percent: 22,
    vat_source: 'НДС 22 % с 01.01.2026 — НК РФ ст. 164 п. 3 в ред. ФЗ от 28.11.2025 № 425-ФЗ.',
  },
];

const ILLUSTRATIVE = 'условное значение (образец)';
// [category, territory, voltage class, item, rate ₽, VAT included, note]
const SAMPLE_RATES: Array<[string, string, string, string, string, boolean, string]> = [
  ['*', '*', '*', 'C1', '19745.00', false, 'Курская область, 2024'],
  ['*', '*', '0.4', 'C2', '2332446.00', false, 'ставка 0,4 кВ одного из регионов'],
  ['*', '*', '0.4', 'C3', '5069113.00', false, 'ставка 0,4 кВ одного из регионов'],
  ['*', 'urban', '1-20', 'C2', '3100000.00', false, ILLUSTRATIVE],
  ['*', 'rural', '1-20', 'C2', '2700000.00', false, ILLUSTRATIVE],
  ['*', 'urban', '1-20', 'C3', '6400000.00', false, ILLUSTRATIVE],
  ['*', 'rural', '1-20', 'C3', '5600000.00', false, ILLUSTRATIVE],
  ['*', '*', '0.4', 'C4', '180000.00', false, ILLUSTRATIVE],
  ['*', '*', '1-20', 'C4', '450000.00', false, ILLUSTRATIVE],
  ['*', '*', '*', 'C5', '9500.00', false, ILLUSTRATIVE],
  ['*', '*', '*', 'C6', '4200.00', false, ILLUSTRATIVE],
  ['*', '*', '*', 'C7', '12000.00', false, ILLUSTRATIVE],
  ['*', '*', '*', 'C8.1', '2155.09', false, 'Республика Дагестан, 2020'],
  ['*', '*', '*', 'C8.2', '10903.35', false, 'Республика Дагестан, 2020'],
  ['*', '*', '*', 'C8.3', '38500.00', false, ILLUSTRATIVE],
];

const UNITS: Record<string, string> = {
  C1: '₽ за присоединение',
  C2: '₽/км',
  C3: '₽/км',
  C4: '₽/шт.',
  C5: '₽/кВт',
  C6: '₽/кВт',
  C7: '₽/кВт',
  'C8.1': '₽ за точку учёта',
  'C8.2': '₽ за точку учёта',
  'C8.3': '₽ за точку учёта',
};

export const up: Migration = async ({ context: sql }) => {
  await sql.transaction(async (transaction) => {
    await sql.query(
      `
      CREATE TABLE tariff_sets (
        id                uuid PRIMARY KEY,
        region            text NOT NULL,
        title             text NOT NULL,
        valid_from        date NOT NULL,
        valid_to          date,
        decision          text NOT NULL,
        sample            boolean NOT NULL DEFAULT false,
        source            text NOT NULL,
        vat_rate_percent  numeric(5,2) NOT NULL CHECK (vat_rate_percent >= 0),
        preferential_rate_per_kw numeric(14,2) CHECK (preferential_rate_per_kw >= 0),
        preferential_rate_vat_included boolean NOT NULL DEFAULT true,
        imported_by       uuid REFERENCES users(id),
        created_at        timestamptz NOT NULL DEFAULT now(),
        CHECK (valid_to IS NULL OR valid_to >= valid_from)
      );
      CREATE INDEX tariff_sets_in_force_idx ON tariff_sets (region, valid_from DESC, created_at DESC);

      CREATE TABLE tariff_rates (
        set_id         uuid NOT NULL REFERENCES tariff_sets(id),
        category       text NOT NULL CHECK (category IN ('individual15', 'upTo150', 'upTo670', 'over670', '*')),
        territory      text NOT NULL CHECK (territory IN ('urban', 'rural', '*')),
        voltage_class  text NOT NULL CHECK (voltage_class IN ('0.4', '1-20', '35', '110', '*')),
        item           text NOT NULL CHECK (item IN ('C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'C8.1', 'C8.2', 'C8.3')),
        rate           numeric(16,2) NOT NULL CHECK (rate >= 0),
        unit           text NOT NULL,
        vat_included   boolean NOT NULL,
        note           text NOT NULL DEFAULT '',
        line           integer NOT NULL,
        PRIMARY KEY (set_id, item, category, territory, voltage_class)
      );

      CREATE FUNCTION tariffs_immutable() RETURNS trigger LANGUAGE plpgsql AS $body$
      BEGIN
        RAISE EXCEPTION 'tariff sets are immutable: load a new set that supersedes this one' USING ERRCODE = 'restrict_violation';
      END
      $body$;
      CREATE TRIGGER tariff_sets_immutable BEFORE UPDATE OR DELETE ON tariff_sets FOR EACH ROW EXECUTE FUNCTION tariffs_immutable();
      CREATE TRIGGER tariff_rates_immutable BEFORE UPDATE OR DELETE ON tariff_rates FOR EACH ROW EXECUTE FUNCTION tariffs_immutable();
    `,
      { transaction },
    );

    const sets = SAMPLE_SETS.map((s) => ({
      id: s.id,
      region: SAMPLE_REGION,
      title: s.title,
      valid_from: s.valid_from,
      valid_to: s.valid_to,
      decision: SAMPLE_DECISION,
      source: `${SAMPLE_SOURCE} ${s.vat_source}`,
      vat_rate_percent: s.vat_rate_percent,
      preferential_rate_per_kw: 7000,
    }));
    await sql.query(
      `INSERT INTO tariff_sets (id, region, title, valid_from, valid_to, decision, sample, source, vat_rate_percent, preferential_rate_per_kw, preferential_rate_vat_included)
       SELECT id, region, title, valid_from, valid_to, decision, true, source, vat_rate_percent, preferential_rate_per_kw, true
       FROM jsonb_to_recordset($1::jsonb) AS s(id uuid, region text, title text, valid_from date, valid_to date, decision text, source text, vat_rate_percent numeric, preferential_rate_per_kw numeric)`,
      { bind: [JSON.stringify(sets)], transaction },
    );
    const rates = SAMPLE_SETS.flatMap((s) =>
      SAMPLE_RATES.map(([category, territory, voltage_class, item, rate, vat_included, note], i) => ({
        set_id: s.id,
        category,
        territory,
        voltage_class,
        item,
        rate,
        unit: UNITS[item],
        vat_included,
        note,
        line: i + 2,
      })),
    );
    await sql.query(
      `INSERT INTO tariff_rates (set_id, category, territory, voltage_class, item, rate, unit, vat_included, note, line)
       SELECT set_id, category, territory, voltage_class, item, rate, unit, vat_included, note, line
       FROM jsonb_to_recordset($1::jsonb) AS r(set_id uuid, category text, territory text, voltage_class text, item text, rate numeric, unit text, vat_included boolean, note text, line integer)`,
      { bind: [JSON.stringify(rates)], transaction },
    );
  });
};

export const down: Migration = async ({ context: sql }) => {
  await sql.query('DROP TABLE tariff_rates, tariff_sets; DROP FUNCTION tariffs_immutable()');
};
