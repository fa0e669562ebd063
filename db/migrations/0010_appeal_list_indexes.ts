import type { Migration } from '../migrate';

// Appeals page by keyset like applications (db/read-models/appeals.ts): indexes whose
// keys are exactly the inbox's and the applicant's list orders.
export const up: Migration = async ({ context: sql }) => {
  await sql.query(`
    -- The staff inbox: overdue first, nearest deadline, earliest registration.
    CREATE INDEX appeals_inbox_order_idx ON appeals ((NOT overdue), (COALESCE(deadline_at, 'infinity'::timestamptz)), registered_at, id);
    -- «Мои обращения»: the newest first, id breaking ties.
    CREATE INDEX appeals_applicant_page_idx ON appeals (applicant_id, registered_at DESC, id DESC);
    DROP INDEX appeals_applicant_idx;
  `);
};

export const down: Migration = async ({ context: sql }) => {
  await sql.query(`
    DROP INDEX appeals_inbox_order_idx, appeals_applicant_page_idx;
    CREATE INDEX appeals_applicant_idx ON appeals (applicant_id, registered_at DESC);
  `);
};
