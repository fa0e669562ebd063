import type { Migration } from '../migrate';

// The conversation of every application and appeal (issue 20 item 5): the read
// model of its messages, projected from the case's workflow (one row per
// message, keyed by the case and the message's number, so a retried projection
// adds nothing), and each side's read mark. A read mark is the page's state of
// a reader, not the case's: the API writes it, like a notification's read flag.
export const up: Migration = async ({ context: sql }) => {
  await sql.query(`CREATE TABLE case_messages (
    case_id uuid NOT NULL,
    n integer NOT NULL CHECK (n > 0),
    case_kind text NOT NULL CHECK (case_kind IN ('application', 'appeal')),
    case_number text NOT NULL,
    applicant_id uuid NOT NULL,
    side text NOT NULL CHECK (side IN ('applicant', 'grid')),
    author_id uuid,
    author_name text NOT NULL,
    author_role text NOT NULL,
    internal boolean NOT NULL DEFAULT false CHECK (NOT internal OR side = 'grid'),
    text text NOT NULL,
    attachments jsonb NOT NULL DEFAULT '[]',
    at timestamptz NOT NULL,
    PRIMARY KEY (case_id, n)
  )`);
  // The menu's unread counts: an applicant's messages from the grid, the grid's from applicants.
  await sql.query(`CREATE INDEX case_messages_to_applicant_idx ON case_messages (applicant_id, case_id, n) WHERE side = 'grid' AND NOT internal`);
  await sql.query(`CREATE INDEX case_messages_to_grid_idx ON case_messages (case_id, n) WHERE side = 'applicant'`);
  await sql.query(`CREATE TABLE conversation_reads (
    case_id uuid NOT NULL,
    side text NOT NULL CHECK (side IN ('applicant', 'grid')),
    read_n integer NOT NULL,
    reader_id uuid,
    read_at timestamptz NOT NULL,
    PRIMARY KEY (case_id, side)
  )`);
};

export const down: Migration = async ({ context: sql }) => {
  await sql.query(`DROP TABLE conversation_reads`);
  await sql.query(`DROP TABLE case_messages`);
};
