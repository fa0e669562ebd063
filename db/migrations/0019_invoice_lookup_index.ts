import type { Migration } from '../migrate';

// The disclosure report sums the fees of a quarter's contracts: for each, the invoice of its last
// 'documents-posted' event (invoiceTotalKopSql in db/read-models/transparency.ts). This partial
// index makes that one short backward index step per contract instead of reading every event of
// the case (bench scale: the report of one quarter of 100 000 cases, ~7 000 contracts).
export const up: Migration = async ({ context: sql }) => {
  await sql.query(`CREATE INDEX case_events_documents_posted_idx ON case_events (case_id, seq) WHERE type = 'documents-posted'`);
};

export const down: Migration = async ({ context: sql }) => {
  await sql.query('DROP INDEX case_events_documents_posted_idx');
};
