import type { Migration } from '../migrate';

// Accounts, Lucia-style sessions (only the SHA-256 of the token is stored),
// login throttling and the mail outbox that makes e-mail idempotent.
export const up: Migration = async ({ context: sql }) => {
  await sql.query(`
    CREATE EXTENSION IF NOT EXISTS citext;

    CREATE TABLE users (
      id               uuid PRIMARY KEY,
      email            citext NOT NULL UNIQUE,
      role             text NOT NULL CHECK (role IN ('applicant', 'staff', 'auditor', 'admin')),
      kind             text CHECK (kind IN ('individual', 'legal', 'entrepreneur')),
      last_name        text NOT NULL,
      first_name       text NOT NULL,
      middle_name      text NOT NULL DEFAULT '',
      org_name         text,
      snils            text,
      inn              text,
      kpp              text,
      ogrn             text,
      ogrnip           text,
      phone            text NOT NULL DEFAULT '',
      postal_address   text NOT NULL DEFAULT '',
      password_hash    text,
      must_change_password boolean NOT NULL DEFAULT true,
      temp_password_hash   text,
      temp_password_expires_at timestamptz,
      password_changed_at  timestamptz,
      consent_at       timestamptz,
      consent_version  text,
      consent_on_paper boolean NOT NULL DEFAULT false,
      registered_by    uuid REFERENCES users(id),
      blocked_at       timestamptz,
      blocked_by       uuid REFERENCES users(id),
      created_at       timestamptz NOT NULL DEFAULT now(),
      updated_at       timestamptz NOT NULL DEFAULT now(),
      CHECK (role <> 'applicant' OR kind IS NOT NULL)
    );
    -- One account per person or organisation: the identifiers are unique too.
    CREATE UNIQUE INDEX users_snils_key ON users (snils) WHERE snils IS NOT NULL;
    CREATE UNIQUE INDEX users_inn_kpp_key ON users (inn, coalesce(kpp, '')) WHERE inn IS NOT NULL;

    CREATE TABLE sessions (
      id          text PRIMARY KEY,            -- hex SHA-256 of the token; the token itself is never stored
      user_id     uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      expires_at  timestamptz NOT NULL,
      created_at  timestamptz NOT NULL DEFAULT now(),
      ip          text,
      user_agent  text
    );
    CREATE INDEX sessions_user_id_idx ON sessions (user_id);

    CREATE TABLE auth_throttle (
      key          text PRIMARY KEY,            -- 'ip:<address>' or 'account:<email>'
      failures     integer NOT NULL DEFAULT 0,
      window_start timestamptz NOT NULL DEFAULT now(),
      locked_until timestamptz
    );

    CREATE TABLE mail_outbox (
      idempotency_key text PRIMARY KEY,
      recipient    text NOT NULL,
      subject      text NOT NULL,
      status       text NOT NULL CHECK (status IN ('sending', 'sent')),
      attempts     integer NOT NULL DEFAULT 0,
      message_id   text NOT NULL,
      created_at   timestamptz NOT NULL DEFAULT now(),
      sent_at      timestamptz
    );
  `);
};

export const down: Migration = async ({ context: sql }) => {
  await sql.query('DROP TABLE mail_outbox, auth_throttle, sessions, users');
};
