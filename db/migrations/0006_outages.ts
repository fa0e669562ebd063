import type { Migration } from '../migrate';

// The planned-outage schedule (staff-managed) and address subscriptions.
// `version` grows with every change: the warning workflow acts only on the
// version it was told about, so a moved or cancelled outage is never warned twice.
export const up: Migration = async ({ context: sql }) => {
  await sql.query(`
    CREATE TABLE outages (
      id            uuid PRIMARY KEY,
      district      text NOT NULL,
      settlement    text NOT NULL,
      streets       jsonb NOT NULL,
      starts_at     timestamptz NOT NULL,
      ends_at       timestamptz NOT NULL CHECK (ends_at > starts_at),
      reason        text NOT NULL,
      grid_object   text NOT NULL,
      status        text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'cancelled')),
      cancel_reason text,
      version       integer NOT NULL DEFAULT 1,
      created_by    uuid REFERENCES users(id),
      created_at    timestamptz NOT NULL DEFAULT now(),
      updated_at    timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX outages_when_idx ON outages (starts_at);

    CREATE TABLE outage_subscriptions (
      id         uuid PRIMARY KEY,
      user_id    uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      settlement text NOT NULL,
      street     text NOT NULL DEFAULT '',
      house      text NOT NULL DEFAULT '',
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (user_id, settlement, street, house)
    );
  `);
};

export const down: Migration = async ({ context: sql }) => {
  await sql.query('DROP TABLE outage_subscriptions, outages');
};
