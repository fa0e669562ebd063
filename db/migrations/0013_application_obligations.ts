import type { Migration } from '../migrate';

// The two parts of the ТУ under the contract, recorded apart (п.16 «б»): when staff
// recorded the grid's measures done and when the applicant reported its part. The
// API offers each side's action from them; null for cases before the change.
export const up: Migration = async ({ context: sql }) => {
  await sql.query(`ALTER TABLE applications ADD COLUMN grid_tu_done_at timestamptz, ADD COLUMN applicant_tu_done_at timestamptz`);
};

export const down: Migration = async ({ context: sql }) => {
  await sql.query(`ALTER TABLE applications DROP COLUMN grid_tu_done_at, DROP COLUMN applicant_tu_done_at`);
};
