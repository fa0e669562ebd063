import type { Migration } from '../migrate';

// The access log auditors read: every view of a case's personal data and every
// download by staff, admins or auditors (who, when, what). Rows are only ever
// inserted; nothing in the application updates or deletes them.
export const up: Migration = async ({ context: sql }) => {
  await sql.query(`
    CREATE TABLE access_log (
      id           bigserial PRIMARY KEY,
      at           timestamptz NOT NULL DEFAULT now(),
      user_id      uuid NOT NULL REFERENCES users(id),
      role         text NOT NULL,
      action       text NOT NULL CHECK (action IN ('view-case', 'download-document', 'download-history', 'replay')),
      case_id      uuid,
      case_number  text,
      detail       text NOT NULL DEFAULT ''
    );
    CREATE INDEX access_log_at_idx ON access_log (at DESC);
    CREATE INDEX access_log_case_idx ON access_log (case_id, at DESC);
    CREATE INDEX access_log_user_idx ON access_log (user_id, at DESC);
  `);
};

export const down: Migration = async ({ context: sql }) => {
  await sql.query('DROP TABLE access_log');
};
