import type { Migration } from '../migrate';

// The supplier of last resort's part (issue 18, item 5): a 'supplier' role whose
// account names its organisation (domain/application.ts SUPPLIERS); the chosen
// supplier and its track (handover, term, draft contract) on the application's
// read model, so a supplier lists only the cases handed over to it; and its
// uploads (the draft supply contract PDF) as documents of source 'supplier'.
export const up: Migration = async ({ context: sql }) => {
  await sql.query(`ALTER TABLE users DROP CONSTRAINT IF EXISTS users_role_check`);
  await sql.query(`ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('applicant', 'staff', 'auditor', 'admin', 'supplier'))`);
  await sql.query(`ALTER TABLE users ADD COLUMN supplier_id text, ADD CONSTRAINT users_supplier_check CHECK ((role = 'supplier') = (supplier_id IS NOT NULL))`);
  await sql.query(`ALTER TABLE applications ADD COLUMN supplier_id text, ADD COLUMN supplier_track jsonb`);
  await sql.query(`CREATE INDEX applications_supplier_idx ON applications (supplier_id, submitted_at DESC) WHERE supplier_track IS NOT NULL`);
  await sql.query(`ALTER TABLE documents DROP CONSTRAINT IF EXISTS documents_source_check`);
  await sql.query(`ALTER TABLE documents ADD CONSTRAINT documents_source_check CHECK (source IN ('applicant', 'staff', 'system', 'supplier'))`);
};

export const down: Migration = async ({ context: sql }) => {
  await sql.query(`DELETE FROM documents WHERE source = 'supplier'`);
  await sql.query(`ALTER TABLE documents DROP CONSTRAINT documents_source_check`);
  await sql.query(`ALTER TABLE documents ADD CONSTRAINT documents_source_check CHECK (source IN ('applicant', 'staff', 'system'))`);
  await sql.query(`DROP INDEX applications_supplier_idx`);
  await sql.query(`ALTER TABLE applications DROP COLUMN supplier_id, DROP COLUMN supplier_track`);
  await sql.query(`DELETE FROM users WHERE role = 'supplier'`);
  await sql.query(`ALTER TABLE users DROP CONSTRAINT users_supplier_check, DROP COLUMN supplier_id`);
  await sql.query(`ALTER TABLE users DROP CONSTRAINT users_role_check`);
  await sql.query(`ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('applicant', 'staff', 'auditor', 'admin'))`);
};
