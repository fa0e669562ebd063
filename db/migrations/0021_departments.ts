import type { Migration } from '../migrate';
import { DEFAULT_DEPARTMENTS } from '../../domain/departments';

// Departments and holders (issue 20 items 1–2): the departments an admin defines,
// with the stages each serves (`application:preparingDocuments`, domain/departments.ts)
// and its staff, one of whom may be marked its supervisor; the defaults of the issue
// are seeded once, by code, so a later rename by an admin is kept. The staff member
// holding an application in its stage is projected onto the application's row.
export const up: Migration = async ({ context: sql }) => {
  await sql.query(`
    CREATE TABLE departments (
      id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      code        text UNIQUE,
      name        text NOT NULL,
      stages      text[] NOT NULL DEFAULT '{}',
      created_at  timestamptz NOT NULL DEFAULT now(),
      updated_at  timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX departments_name_idx ON departments (lower(name));
    CREATE INDEX departments_stages_idx ON departments USING gin (stages);
    CREATE TABLE department_members (
      department_id  uuid NOT NULL REFERENCES departments(id) ON DELETE CASCADE,
      user_id        uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      supervisor     boolean NOT NULL DEFAULT false,
      PRIMARY KEY (department_id, user_id)
    );
    CREATE INDEX department_members_user_idx ON department_members (user_id);
    ALTER TABLE applications ADD COLUMN holder_id uuid, ADD COLUMN holder_name text, ADD COLUMN held_since timestamptz;
    CREATE INDEX applications_holder_idx ON applications (holder_id) WHERE holder_id IS NOT NULL;
  `);
  for (const d of DEFAULT_DEPARTMENTS) {
    await sql.query(`INSERT INTO departments (code, name, stages) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, { bind: [d.code, d.name, [...d.stages]] });
  }
};

export const down: Migration = async ({ context: sql }) => {
  await sql.query(`DROP INDEX applications_holder_idx; ALTER TABLE applications DROP COLUMN holder_id, DROP COLUMN holder_name, DROP COLUMN held_since; DROP TABLE department_members; DROP TABLE departments`);
};
