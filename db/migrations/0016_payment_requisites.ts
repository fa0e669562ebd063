import type { Migration } from '../migrate';

// The grid company's bank requisites (domain/payment-requisites.ts) as versions: an
// admin's change is a new row (who and when), never an update, so an invoice can
// always be shown with the requisites it was issued with. Each generated document
// records the version it printed (null: none needed, or none configured yet).
export const up: Migration = async ({ context: sql }) => {
  await sql.query(`
    CREATE TABLE payment_requisites (
      id                     uuid PRIMARY KEY,
      name                   text NOT NULL,
      inn                    text NOT NULL,
      kpp                    text NOT NULL,
      address                text NOT NULL,
      bank_name              text NOT NULL,
      bik                    text NOT NULL,
      correspondent_account  text NOT NULL,
      account                text NOT NULL,
      sample                 boolean NOT NULL DEFAULT false,
      changed_by             uuid REFERENCES users(id),
      created_at             timestamptz NOT NULL DEFAULT clock_timestamp()
    );
    CREATE INDEX payment_requisites_latest_idx ON payment_requisites (created_at DESC);

    CREATE FUNCTION payment_requisites_immutable() RETURNS trigger LANGUAGE plpgsql AS $body$
    BEGIN
      RAISE EXCEPTION 'payment requisites are versioned: save a new version instead' USING ERRCODE = 'restrict_violation';
    END
    $body$;
    CREATE TRIGGER payment_requisites_immutable BEFORE UPDATE OR DELETE ON payment_requisites FOR EACH ROW EXECUTE FUNCTION payment_requisites_immutable();

    ALTER TABLE documents ADD COLUMN payment_requisites_id uuid REFERENCES payment_requisites(id);
  `);
};

export const down: Migration = async ({ context: sql }) => {
  await sql.query('ALTER TABLE documents DROP COLUMN payment_requisites_id; DROP TABLE payment_requisites; DROP FUNCTION payment_requisites_immutable()');
};
