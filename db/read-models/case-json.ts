// What every case page carries beside its summary, for applications and appeals
// alike: the case's events and documents as JSON columns of the case row, so a
// page is one statement instead of three round trips (bench «read»: each round
// trip cost the API more CPU than PostgreSQL's part).

/** The events of the case in `table` (its id column), oldest first, as one JSON column. */
export const caseEventsJson = (table: string) => `(SELECT coalesce(json_agg(json_build_object('seq', e.seq, 'type', e.type, 'stage', e.stage, 'title', e.title,
    'actorName', e.actor_name, 'actorRole', e.actor_role, 'comment', e.comment, 'deadlineAt', e.deadline_at, 'at', e.at, 'data', e.data) ORDER BY e.seq), '[]')
  FROM case_events e WHERE e.case_id = ${table}.id)`;

/** The documents of the case in `table`, in the order they arrived, as one JSON column. */
export const caseDocumentsJson = (table: string) => `(SELECT coalesce(json_agg(json_build_object('id', d.id, 'kind', d.kind, 'title', d.title, 'stage', d.stage, 'source', d.source,
    'filename', d.filename, 'size', d.size, 'sha256', d.sha256, 'createdAt', d.created_at) ORDER BY d.created_at), '[]')
  FROM documents d WHERE d.case_id = ${table}.id)`;

export interface CaseEventJson {
  seq: number;
  type: string;
  stage: string;
  title: string;
  actorName: string | null;
  actorRole: string | null;
  comment: string;
  deadlineAt: string | null;
  at: string;
  data: Record<string, unknown>;
}

export interface CaseDocumentJson {
  id: string;
  kind: string;
  title: string;
  stage: string | null;
  source: 'applicant' | 'staff' | 'system';
  filename: string;
  size: number;
  sha256: string;
  createdAt: string;
}

/** PostgreSQL writes timestamps into JSON with microseconds and an offset; the API answers in toISOString's form. */
const iso = (timestamp: string) => new Date(timestamp).toISOString();

export const caseEventView = (e: CaseEventJson) => ({ ...e, deadlineAt: e.deadlineAt && iso(e.deadlineAt), at: iso(e.at) });
export const caseDocumentView = (d: CaseDocumentJson) => ({ ...d, createdAt: iso(d.createdAt) });
