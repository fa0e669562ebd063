import type { Migration } from '../migrate';

// Appeals: their content as filed (the API stores it, like an application's
// form) and the read model the appeal workflow projects.
export const up: Migration = async ({ context: sql }) => {
  await sql.query(`
    CREATE TABLE appeal_contents (
      id              uuid PRIMARY KEY,
      user_id         uuid NOT NULL REFERENCES users(id),
      number          text NOT NULL UNIQUE,
      text            text NOT NULL,
      contract_number text NOT NULL DEFAULT '',
      problem_time    text NOT NULL DEFAULT '',
      registered_by   uuid REFERENCES users(id),
      created_at      timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE appeals (
      id               uuid PRIMARY KEY,
      number           text NOT NULL UNIQUE,
      applicant_id     uuid NOT NULL REFERENCES users(id),
      applicant_name   text NOT NULL,
      topic            text NOT NULL,
      kind             text NOT NULL,
      channel          text NOT NULL,
      answer_channel   text NOT NULL,
      application_id   uuid,
      assignee_id      uuid,
      assignee_name    text,
      stage            text NOT NULL,
      status           text NOT NULL CHECK (status IN ('open', 'answered', 'closed')),
      who_acts         text NOT NULL,
      stage_started_at timestamptz NOT NULL,
      deadline_at      timestamptz,
      deadline_term    text,
      overdue          boolean NOT NULL DEFAULT false,
      overdue_since    timestamptz,
      registered_at    timestamptz NOT NULL,
      answered_at      timestamptz,
      answered_late    boolean,
      reopened         boolean NOT NULL DEFAULT false,
      finished_at      timestamptz,
      last_seq         integer NOT NULL,
      updated_at       timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX appeals_applicant_idx ON appeals (applicant_id, registered_at DESC);
    CREATE INDEX appeals_inbox_idx ON appeals (status, stage, deadline_at);
    CREATE INDEX appeals_report_idx ON appeals (registered_at);
  `);
};

export const down: Migration = async ({ context: sql }) => {
  await sql.query('DROP TABLE appeals, appeal_contents');
};
