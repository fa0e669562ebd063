import type { Migration } from '../migrate';

// A tariff set may carry C1.temp, the C1 of a temporary connection (domain/tariffs.ts
// TARIFF_ITEMS): some regional decisions set it apart from the general C1 (DOMAIN §9).
// The item's CHECK of migration 0004 is widened to it; no row changes.
const ITEMS_BEFORE = ['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'C8.1', 'C8.2', 'C8.3'];
const ITEMS_AFTER = ['C1', 'C1.temp', ...ITEMS_BEFORE.slice(1)];
const check = (items: string[]) => `CHECK (item IN (${items.map((i) => `'${i}'`).join(', ')}))`;

export const up: Migration = async ({ context: sql }) => {
  await sql.query(`ALTER TABLE tariff_rates DROP CONSTRAINT tariff_rates_item_check, ADD CONSTRAINT tariff_rates_item_check ${check(ITEMS_AFTER)}`);
};

export const down: Migration = async ({ context: sql }) => {
  await sql.query(`DELETE FROM tariff_rates WHERE item = 'C1.temp'`);
  await sql.query(`ALTER TABLE tariff_rates DROP CONSTRAINT tariff_rates_item_check, ADD CONSTRAINT tariff_rates_item_check ${check(ITEMS_BEFORE)}`);
};
