import type { Migration } from '../migrate';

// «Оценить качество»: one rating per stage of a case (an appeal is rated once,
// as a whole, under the stage key 'closed'). The unique key makes a repeated
// submission an update of the same row, never a second vote.
export const up: Migration = async ({ context: sql }) => {
  await sql.query(`
    CREATE TABLE ratings (
      id          uuid PRIMARY KEY,
      case_id     uuid NOT NULL,
      case_kind   text NOT NULL CHECK (case_kind IN ('application', 'appeal')),
      case_number text NOT NULL,
      stage       text NOT NULL,
      user_id     uuid NOT NULL REFERENCES users(id),
      clarity     smallint NOT NULL CHECK (clarity BETWEEN 1 AND 5),
      timeliness  smallint NOT NULL CHECK (timeliness BETWEEN 1 AND 5),
      competence  smallint NOT NULL CHECK (competence BETWEEN 1 AND 5),
      overall     smallint NOT NULL CHECK (overall BETWEEN 1 AND 5),
      comment     text NOT NULL DEFAULT '',
      topic       text,
      created_at  timestamptz NOT NULL DEFAULT now(),
      updated_at  timestamptz NOT NULL DEFAULT now(),
      UNIQUE (case_id, stage)
    );
    CREATE INDEX ratings_period_idx ON ratings (created_at);
    CREATE INDEX ratings_user_idx ON ratings (user_id);
  `);
};

export const down: Migration = async ({ context: sql }) => {
  await sql.query('DROP TABLE ratings');
};
