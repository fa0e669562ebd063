import type { Migration } from '../migrate';

// Tariff rates keyed the way regional decisions publish C2/C3 and C5/C6 (domain/tariffs.ts,
// DETAIL_ITEMS): overhead lines by conductor type and cross-section, cable lines by laying
// method, cable type and cross-section, substations by type and transformer capacity.
// Every existing row gets '*' («любой») in the new columns, so old sets price exactly as
// before; the key (and so the primary key) now includes the details.
export const up: Migration = async ({ context: sql }) => {
  await sql.query(`
    ALTER TABLE tariff_rates
      ADD COLUMN line_type       text NOT NULL DEFAULT '*' CHECK (line_type IN ('sip', 'bare', 'plastic', 'paper', '*')),
      ADD COLUMN laying_method   text NOT NULL DEFAULT '*' CHECK (laying_method IN ('trench', 'hdd', 'blocks', 'channels', '*')),
      ADD COLUMN cross_section   text NOT NULL DEFAULT '*' CHECK (cross_section IN ('upTo50', '50-100', '100-200', '200-500', '500-800', 'over800', '*')),
      ADD COLUMN substation_type text NOT NULL DEFAULT '*' CHECK (substation_type IN ('single', 'double', '*')),
      ADD COLUMN capacity        text NOT NULL DEFAULT '*' CHECK (capacity IN ('upTo25', '25-100', '100-250', '250-500', '500-900', '900-1000', 'over1000', '*'));
    ALTER TABLE tariff_rates DROP CONSTRAINT tariff_rates_pkey;
    ALTER TABLE tariff_rates ADD PRIMARY KEY (set_id, item, category, territory, voltage_class, line_type, laying_method, cross_section, substation_type, capacity);
  `);
};

export const down: Migration = async ({ context: sql }) => {
  await sql.query(`
    ALTER TABLE tariff_rates DROP CONSTRAINT tariff_rates_pkey;
    ALTER TABLE tariff_rates DROP COLUMN line_type, DROP COLUMN laying_method, DROP COLUMN cross_section, DROP COLUMN substation_type, DROP COLUMN capacity;
    ALTER TABLE tariff_rates ADD PRIMARY KEY (set_id, item, category, territory, voltage_class);
  `);
};
