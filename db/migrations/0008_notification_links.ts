import type { Migration } from '../migrate';

// A notification knows the cabinet page it belongs to (an application, an appeal, the outage schedule).
export const up: Migration = async ({ context: sql }) => {
  await sql.query(`ALTER TABLE notifications ADD COLUMN link text`);
};

export const down: Migration = async ({ context: sql }) => {
  await sql.query('ALTER TABLE notifications DROP COLUMN link');
};
