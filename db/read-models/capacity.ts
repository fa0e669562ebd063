// Free transformer capacity (domain/capacity.ts) in Postgres: storing a checked
// version in one transaction (one statement for its rows), the version in force
// (the newest loaded) searched by settlement, and the list of versions for staff.
import { randomUUID } from 'node:crypto';
import type { CapacityMeta, CapacityRow } from '../../domain/capacity';
import type { Db } from '..';
import { queryRows } from '../statements';

export interface CapacityVersion {
  id: string;
  asOf: string;
  source: string;
  rowCount: number;
  importedBy: string | null;
  createdAt: string;
}

const VERSION_COLUMNS = `v.id, to_char(v.as_of, 'YYYY-MM-DD') AS "asOf", v.source, v.row_count AS "rowCount",
  NULLIF(concat_ws(' ', u.last_name, u.first_name), '') AS "importedBy", v.created_at AS "createdAt"`;

interface VersionRow extends Omit<CapacityVersion, 'createdAt'> {
  createdAt: Date;
}
const versionOf = (r: VersionRow): CapacityVersion => ({ ...r, createdAt: r.createdAt.toISOString() });

export async function storeCapacityVersion(db: Db, meta: CapacityMeta, rows: readonly CapacityRow[], importedBy: string): Promise<string> {
  const id = randomUUID();
  await db.sequelize.transaction(async (transaction) => {
    await db.sequelize.query(`INSERT INTO capacity_versions (id, as_of, source, row_count, imported_by) VALUES ($1, $2, $3, $4, $5)`, {
      bind: [id, meta.asOf, meta.source, rows.length, importedBy],
      transaction,
    });
    await db.sequelize.query(
      `INSERT INTO capacity_rows (version_id, line, settlement, centre, voltage_kv, free_mva, note)
       SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::numeric[], $7::text[])`,
      {
        bind: [id, rows.map((r) => r.line), rows.map((r) => r.settlement), rows.map((r) => r.centre), rows.map((r) => r.voltage), rows.map((r) => r.freeMva), rows.map((r) => r.note)],
        transaction,
      },
    );
  });
  return id;
}

export async function capacityVersions(db: Db): Promise<CapacityVersion[]> {
  const rows = await queryRows<VersionRow>(db, `SELECT ${VERSION_COLUMNS} FROM capacity_versions v LEFT JOIN users u ON u.id = v.imported_by ORDER BY v.created_at DESC LIMIT 100`, []);
  return rows.map(versionOf);
}

export interface CapacityEntry {
  settlement: string;
  centre: string;
  voltage: string;
  freeMva: number;
  note: string;
}

/** The newest version with its rows whose settlement contains the text (all rows for an empty one), at most `limit`. */
export async function capacityInForce(db: Db, settlement: string, limit: number): Promise<{ version: CapacityVersion | null; rows: CapacityEntry[]; more: boolean }> {
  const [version] = await queryRows<VersionRow>(db, `SELECT ${VERSION_COLUMNS} FROM capacity_versions v LEFT JOIN users u ON u.id = v.imported_by ORDER BY v.created_at DESC LIMIT 1`, []);
  if (!version) return { version: null, rows: [], more: false };
  const like = `%${settlement.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await queryRows<Omit<CapacityEntry, 'freeMva'> & { freeMva: string }>(
    db,
    `SELECT settlement, centre, voltage_kv AS voltage, free_mva AS "freeMva", note FROM capacity_rows
      WHERE version_id = $1 AND settlement ILIKE $2 ORDER BY settlement, centre, line LIMIT $3`,
    [version.id, like, limit + 1],
  );
  return { version: versionOf(version), rows: rows.slice(0, limit).map((r) => ({ ...r, freeMva: Number(r.freeMva) })), more: rows.length > limit };
}
