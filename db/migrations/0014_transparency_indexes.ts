import type { Migration } from '../migrate';

// The open figures (issue 21) read one quarter at a time: the stage intervals find the
// cases with an event in the quarter, the disclosure report the applications submitted,
// concluded or finished in it, and the appeals answered in it.
export const up: Migration = async ({ context: sql }) => {
  await sql.query(`
    CREATE INDEX case_events_kind_at_idx ON case_events (case_kind, at);
    CREATE INDEX applications_submitted_at_idx ON applications (submitted_at);
    CREATE INDEX applications_finished_at_idx ON applications (finished_at) WHERE finished_at IS NOT NULL;
    CREATE INDEX applications_contract_concluded_at_idx ON applications (contract_concluded_at) WHERE contract_concluded_at IS NOT NULL;
    CREATE INDEX appeals_answered_at_idx ON appeals (answered_at) WHERE answered_at IS NOT NULL;
  `);
};

export const down: Migration = async ({ context: sql }) => {
  await sql.query(`
    DROP INDEX case_events_kind_at_idx, applications_submitted_at_idx, applications_finished_at_idx,
      applications_contract_concluded_at_idx, appeals_answered_at_idx;
  `);
};
