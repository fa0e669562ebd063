import type { Migration } from '../migrate';

// Paying in parts (issue 18, item 3): the schedule with each part's status and
// payment record as the workflow keeps it, and whether a part is overdue — the
// applicant's debt, flagged in the staff queue apart from the grid's lateness.
// Null / false for cases that pay at once and for cases before the change.
export const up: Migration = async ({ context: sql }) => {
  await sql.query(`ALTER TABLE applications ADD COLUMN payment_schedule jsonb, ADD COLUMN instalment_overdue boolean NOT NULL DEFAULT false`);
};

export const down: Migration = async ({ context: sql }) => {
  await sql.query(`ALTER TABLE applications DROP COLUMN payment_schedule, DROP COLUMN instalment_overdue`);
};
