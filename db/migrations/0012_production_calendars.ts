import type { Migration } from '../migrate';

// The production calendar as data (DOMAIN §7): one row per loaded version of a
// year, immutable like tariff sets (a trigger refuses UPDATE and DELETE); the
// newest version of a year is the one in force. Deadlines are computed on it
// by the activities, so a new decree is loaded by an admin, not released.
// The shipped years are data of this migration, frozen here on purpose:
// 2025 and 2026 as their decrees give them, 2027 provisional (art. 112 only).

type Day = { date: string; note?: string };
const days = (year: number, monthDays: string[]): Day[] => monthDays.map((md) => ({ date: `${year}-${md}` }));

export const SHIPPED_YEARS: Array<{ year: number; decree_number: string | null; decree_date: string | null; source: string; provisional: boolean; note: string; days_off: Day[]; working_days: Day[] }> = [
  {
    year: 2025,
    decree_number: '1335',
    decree_date: '2024-10-04',
    source: 'Постановление Правительства РФ от 04.10.2024 № 1335 «О переносе выходных дней в 2025 году»',
    provisional: false,
    note: '',
    days_off: [
      ...days(2025, ['01-01', '01-02', '01-03', '01-06', '01-07', '01-08', '05-01']),
      { date: '2025-05-02', note: 'Перенесённый выходной день (с 4 января)' },
      { date: '2025-05-08', note: 'Перенесённый выходной день (с 23 февраля)' },
      ...days(2025, ['05-09', '06-12']),
      { date: '2025-06-13', note: 'Перенесённый выходной день (с 8 марта)' },
      { date: '2025-11-03', note: 'Перенесённый выходной день (с субботы 1 ноября)' },
      ...days(2025, ['11-04']),
      { date: '2025-12-31', note: 'Перенесённый выходной день (с 5 января)' },
    ],
    working_days: [{ date: '2025-11-01', note: 'Рабочая суббота (выходной перенесён на 3 ноября)' }],
  },
  {
    year: 2026,
    decree_number: '1466',
    decree_date: '2025-09-24',
    source: 'Постановление Правительства РФ от 24.09.2025 № 1466 «О переносе выходных дней в 2026 году»',
    provisional: false,
    note: '',
    days_off: [
      ...days(2026, ['01-01', '01-02', '01-05', '01-06', '01-07', '01-08']),
      { date: '2026-01-09', note: 'Перенесённый выходной день (с 3 января)' },
      ...days(2026, ['02-23']),
      { date: '2026-03-09', note: 'Перенесённый выходной день (Международный женский день)' },
      ...days(2026, ['05-01']),
      { date: '2026-05-11', note: 'Перенесённый выходной день (День Победы)' },
      ...days(2026, ['06-12', '11-04']),
      { date: '2026-12-31', note: 'Перенесённый выходной день (с 4 января)' },
    ],
    working_days: [],
  },
  {
    year: 2027,
    decree_number: null,
    decree_date: null,
    source: 'Трудовой кодекс РФ, ст. 112 (постановление о переносе выходных дней в 2027 году ещё не принято)',
    provisional: true,
    note:
      'Предварительный календарь: выходные и праздники ст. 112 ТК РФ, перенос праздников с выходных на понедельник ' +
      '(3 и 10 мая, 14 июня). Перенос выходных 2 и 3 января будет установлен постановлением Правительства — ' +
      'загрузите календарь 2027 года с постановлением в разделе «Производственный календарь».',
    days_off: [
      ...days(2027, ['01-01', '01-04', '01-05', '01-06', '01-07', '01-08', '02-23', '03-08']),
      { date: '2027-05-03', note: 'Перенесённый выходной день (Праздник Весны и Труда)' },
      { date: '2027-05-10', note: 'Перенесённый выходной день (День Победы)' },
      { date: '2027-06-14', note: 'Перенесённый выходной день (День России)' },
      ...days(2027, ['11-04']),
    ],
    working_days: [],
  },
];

export const up: Migration = async ({ context: sql }) => {
  await sql.transaction(async (transaction) => {
    await sql.query(
      `
      CREATE TABLE production_calendars (
        id            uuid PRIMARY KEY,
        year          integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        decree_number text,
        decree_date   date,
        source        text NOT NULL,
        provisional   boolean NOT NULL,
        note          text NOT NULL DEFAULT '',
        days_off      jsonb NOT NULL,
        working_days  jsonb NOT NULL,
        imported_by   uuid REFERENCES users(id),
        created_at    timestamptz NOT NULL DEFAULT now(),
        CHECK (provisional OR (decree_number IS NOT NULL AND decree_date IS NOT NULL))
      );
      CREATE INDEX production_calendars_year_idx ON production_calendars (year, created_at DESC);

      CREATE FUNCTION production_calendars_immutable() RETURNS trigger LANGUAGE plpgsql AS $body$
      BEGIN
        RAISE EXCEPTION 'calendar versions are immutable: load a new version of the year' USING ERRCODE = 'restrict_violation';
      END
      $body$;
      CREATE TRIGGER production_calendars_immutable BEFORE UPDATE OR DELETE ON production_calendars FOR EACH ROW EXECUTE FUNCTION production_calendars_immutable();
    `,
      { transaction },
    );
    await sql.query(
      `INSERT INTO production_calendars (id, year, decree_number, decree_date, source, provisional, note, days_off, working_days, created_at)
       SELECT gen_random_uuid(), year, decree_number, decree_date, source, provisional, note, days_off, working_days, '2025-01-01T00:00:00Z'
       FROM jsonb_to_recordset($1::jsonb) AS c(year integer, decree_number text, decree_date date, source text, provisional boolean, note text, days_off jsonb, working_days jsonb)`,
      { bind: [JSON.stringify(SHIPPED_YEARS)], transaction },
    );
  });
};

export const down: Migration = async ({ context: sql }) => {
  await sql.query('DROP TABLE production_calendars; DROP FUNCTION production_calendars_immutable()');
};
