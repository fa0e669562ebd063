import type { Migration } from '../migrate';

// The law's clocks on the application summary: the connection term's end (п.16 «б»),
// the party late against it, and the latest penalty assessment of п.16 «в» (JSON: its
// basis, so pages carry the sum forward to today with domain/penalties.ts).
export const up: Migration = async ({ context: sql }) => {
  await sql.query(`
    ALTER TABLE applications
      ADD COLUMN connection_deadline_at timestamptz,
      ADD COLUMN late_party text CHECK (late_party IN ('grid', 'applicant', 'both')),
      ADD COLUMN penalty jsonb;
    -- The staff report of accrued penalties reads only the cases that have one.
    CREATE INDEX applications_penalty_idx ON applications (connection_deadline_at, id) WHERE penalty IS NOT NULL;
  `);
};

export const down: Migration = async ({ context: sql }) => {
  await sql.query(`
    DROP INDEX applications_penalty_idx;
    ALTER TABLE applications DROP COLUMN connection_deadline_at, DROP COLUMN late_party, DROP COLUMN penalty;
  `);
};
