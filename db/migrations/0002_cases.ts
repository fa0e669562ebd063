import type { Migration } from '../migrate';

// Read models of cases (applications now, appeals later share the generic
// tables): summaries, the event history, documents and notifications. Every
// projection is an idempotent upsert keyed by (case, event sequence).
export const up: Migration = async ({ context: sql }) => {
  await sql.query(`
    CREATE TABLE case_counters (
      kind  text NOT NULL,
      year  integer NOT NULL,
      last  integer NOT NULL DEFAULT 0,
      PRIMARY KEY (kind, year)
    );

    -- The applicant's form, as a draft and then as submitted (the content of the application, not its state).
    CREATE TABLE application_drafts (
      id            uuid PRIMARY KEY,
      user_id       uuid NOT NULL REFERENCES users(id),
      form          jsonb NOT NULL DEFAULT '{}',
      number        text UNIQUE,
      submitted_at  timestamptz,
      created_at    timestamptz NOT NULL DEFAULT now(),
      updated_at    timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX application_drafts_user_idx ON application_drafts (user_id, updated_at DESC);

    CREATE TABLE documents (
      id              uuid PRIMARY KEY,
      owner_id        uuid REFERENCES users(id),
      case_id         uuid,
      stage           text,
      kind            text NOT NULL,
      title           text NOT NULL,
      filename        text NOT NULL,
      mime            text NOT NULL,
      size            integer NOT NULL,
      sha256          text NOT NULL,
      storage_key     text NOT NULL,
      source          text NOT NULL CHECK (source IN ('applicant', 'staff', 'system')),
      idempotency_key text UNIQUE,
      created_at      timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX documents_case_idx ON documents (case_id, created_at);
    CREATE INDEX documents_owner_idx ON documents (owner_id, created_at);

    CREATE TABLE applications (
      id                uuid PRIMARY KEY,
      number            text NOT NULL UNIQUE,
      applicant_id      uuid NOT NULL REFERENCES users(id),
      applicant_name    text NOT NULL,
      category          text NOT NULL,
      object_name       text NOT NULL,
      object_address    text NOT NULL,
      max_power_kw      numeric NOT NULL,
      stage             text NOT NULL,
      status            text NOT NULL CHECK (status IN ('active', 'completed', 'annulled', 'withdrawn')),
      who_acts          text NOT NULL,
      stage_started_at  timestamptz NOT NULL,
      deadline_at       timestamptz,
      deadline_term     text,
      overdue           boolean NOT NULL DEFAULT false,
      overdue_since     timestamptz,
      submitted_at      timestamptz NOT NULL,
      contract_concluded_at timestamptz,
      finished_at       timestamptz,
      annul_reason      text,
      last_seq          integer NOT NULL,
      updated_at        timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX applications_applicant_idx ON applications (applicant_id, submitted_at DESC);
    CREATE INDEX applications_queue_idx ON applications (status, stage, deadline_at);

    CREATE TABLE case_events (
      case_id     uuid NOT NULL,
      seq         integer NOT NULL,
      case_kind   text NOT NULL,
      type        text NOT NULL,
      stage       text NOT NULL,
      title       text NOT NULL,
      actor_id    uuid,
      actor_name  text,
      actor_role  text,
      comment     text NOT NULL DEFAULT '',
      data        jsonb NOT NULL DEFAULT '{}',
      deadline_at timestamptz,
      at          timestamptz NOT NULL,
      PRIMARY KEY (case_id, seq)
    );

    CREATE TABLE notifications (
      id              uuid PRIMARY KEY,
      user_id         uuid REFERENCES users(id),
      audience        text NOT NULL CHECK (audience IN ('user', 'staff')),
      case_id         uuid,
      case_number     text,
      kind            text NOT NULL,
      title           text NOT NULL,
      body            text NOT NULL,
      idempotency_key text NOT NULL UNIQUE,
      created_at      timestamptz NOT NULL DEFAULT now(),
      read_at         timestamptz
    );
    CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC);
    CREATE INDEX notifications_staff_idx ON notifications (audience, created_at DESC) WHERE audience = 'staff';
  `);
};

export const down: Migration = async ({ context: sql }) => {
  await sql.query('DROP TABLE notifications, case_events, applications, documents, application_drafts, case_counters');
};
