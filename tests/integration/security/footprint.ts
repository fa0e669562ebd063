// A checksum of every row the given users could have written, per table: the
// read models, documents, mail outbox and throttle rows. Other test files
// write to the same database at the same time, so only rows tied to these
// users (or carrying the fuzzer's tag in an e-mail) are counted.
import { QueryTypes } from 'sequelize';
import type { Db } from '../../../db';

/** Table → the condition that ties a row to the users ($1, uuid[]) or to the tag ($2, a LIKE pattern). */
const OWNED_ROWS: Record<string, string> = {
  users: 'id = ANY($1) OR registered_by = ANY($1) OR blocked_by = ANY($1) OR email LIKE $2',
  application_drafts: 'user_id = ANY($1)',
  applications: 'applicant_id = ANY($1)',
  appeal_contents: 'user_id = ANY($1) OR registered_by = ANY($1)',
  appeals: 'applicant_id = ANY($1) OR assignee_id = ANY($1)',
  case_events: 'actor_id = ANY($1)',
  documents: 'owner_id = ANY($1)',
  notifications: 'user_id = ANY($1)',
  outages: 'created_by = ANY($1)',
  outage_subscriptions: 'user_id = ANY($1)',
  ratings: 'user_id = ANY($1)',
  tariff_sets: 'imported_by = ANY($1)',
  access_log: 'user_id = ANY($1)',
  mail_outbox: 'recipient LIKE $2',
  auth_throttle: 'key LIKE $2',
};

export type Footprint = Record<string, string>;

export async function footprint(db: Db, userIds: string[], tag: string): Promise<Footprint> {
  const columns = Object.entries(OWNED_ROWS).map(
    ([table, owned]) => `(SELECT count(*) || ':' || md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM ${table} t WHERE ${owned}) AS ${table}`,
  );
  const [row] = await db.sequelize.query<Footprint>(`SELECT ${columns.join(', ')}`, { bind: [userIds, `%${tag}%`], type: QueryTypes.SELECT });
  return row!;
}
