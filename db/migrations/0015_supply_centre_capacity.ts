import type { Migration } from '../migrate';

// Free transformer capacity of supply centres (domain/capacity.ts): versions an admin
// loads, each with its rows; like tariff sets, a version is never changed — a newer
// one supersedes it, so what was published on a day can always be shown again.
export const up: Migration = async ({ context: sql }) => {
  await sql.query(`
    CREATE TABLE capacity_versions (
      id           uuid PRIMARY KEY,
      as_of        date NOT NULL,
      source       text NOT NULL,
      row_count    integer NOT NULL,
      imported_by  uuid REFERENCES users(id),
      created_at   timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX capacity_versions_latest_idx ON capacity_versions (created_at DESC);

    CREATE TABLE capacity_rows (
      version_id  uuid NOT NULL REFERENCES capacity_versions(id),
      line        integer NOT NULL,
      settlement  text NOT NULL,
      centre      text NOT NULL,
      voltage_kv  text NOT NULL,
      free_mva    numeric(12,3) NOT NULL CHECK (free_mva >= 0),
      note        text NOT NULL DEFAULT '',
      PRIMARY KEY (version_id, line)
    );

    CREATE FUNCTION capacity_immutable() RETURNS trigger LANGUAGE plpgsql AS $body$
    BEGIN
      RAISE EXCEPTION 'capacity versions are immutable: load a new version that supersedes this one' USING ERRCODE = 'restrict_violation';
    END
    $body$;
    CREATE TRIGGER capacity_versions_immutable BEFORE UPDATE OR DELETE ON capacity_versions FOR EACH ROW EXECUTE FUNCTION capacity_immutable();
    CREATE TRIGGER capacity_rows_immutable BEFORE UPDATE OR DELETE ON capacity_rows FOR EACH ROW EXECUTE FUNCTION capacity_immutable();
  `);
};

export const down: Migration = async ({ context: sql }) => {
  await sql.query('DROP TABLE capacity_rows, capacity_versions; DROP FUNCTION capacity_immutable()');
};
