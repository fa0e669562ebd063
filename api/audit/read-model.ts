// The read-model check: a case's read model rebuilt from its Temporal history
// and compared field by field with what Postgres holds. Each projection carries
// the full snapshot and the event record (activities/cases.ts): as an activity
// in its recorded input, as a local activity (since patch
// 'projection-as-local-activity') in its recorded result, so the history alone
// says what every row must be.
import type { temporal } from '@temporalio/proto';
import type { Db } from '../../db';
import { storedCaseRows } from '../../db/read-models/audit';
import { CASE_KIND_SPECS, readModelExists, type CaseRef } from './kinds';
import { decodePayloads, num } from './timeline-decoding';

type History = temporal.api.history.v1.IHistory;
type Row = Record<string, unknown>;

interface Projection {
  seq: number;
  snapshot: Row;
  event: Row;
}

export interface ExpectedReadModel {
  /** The projection of the highest completed sequence: what the summary row must hold. */
  summary: Projection | null;
  /** Event records by sequence, from completed projections. */
  events: Map<number, Projection>;
  /** Projections scheduled but not completed yet: the row may or may not be written already. */
  pending: Map<number, Projection>;
}

export interface ReadModelDifference {
  table: string;
  /** Which row: the case id for the summary, «seq N» for an event. */
  row: string;
  field: string;
  stored: string;
  expected: string;
}

const record = (value: unknown): Row => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Row) : {});

/** Rebuilds what the read model must be from the projections recorded in the history. */
export function expectedReadModel(history: History, projectionActivity: string): ExpectedReadModel {
  const scheduled = new Map<number, Projection>();
  const completed: Projection[] = [];
  for (const event of history.events ?? []) {
    const s = event.activityTaskScheduledEventAttributes;
    if (s && s.activityType?.name === projectionActivity) {
      const [snapshot, eventRecord] = decodePayloads(s.input);
      const e = record(eventRecord);
      scheduled.set(num(event.eventId), { seq: num(e.seq), snapshot: record(snapshot), event: e });
    }
    const m = event.markerRecordedEventAttributes;
    if (m?.markerName === 'core_local_activity' && !m.failure && record(decodePayloads(m.details?.data)[0]).activity_type === projectionActivity) {
      const stored = record(decodePayloads(m.details?.result)[0]);
      const e = record(stored.event);
      completed.push({ seq: num(e.seq), snapshot: record(stored.snapshot), event: e });
    }
    const c = event.activityTaskCompletedEventAttributes;
    if (c) {
      const id = num(c.scheduledEventId);
      const projection = scheduled.get(id);
      if (projection) {
        completed.push(projection);
        scheduled.delete(id);
      }
    }
  }
  const events = new Map<number, Projection>();
  let summary: Projection | null = null;
  for (const p of completed) {
    // ON CONFLICT (case_id, seq) DO NOTHING: the first write of a sequence stays.
    if (!events.has(p.seq)) events.set(p.seq, p);
    // The summary upsert only takes a higher sequence.
    if (!summary || p.seq > summary.seq) summary = p;
  }
  return { summary, events, pending: new Map([...scheduled.values()].map((p) => [p.seq, p])) };
}

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Canonical text of a value: sorted keys, so jsonb's own key order does not count as a difference. */
function canonical(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Row)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

function show(value: unknown): string {
  if (value === null || value === undefined) return 'пусто';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string') return value;
  return canonical(value);
}

/** Compares a stored column with the value the workflow projected, in the column's own terms. */
function same(column: string, stored: unknown, expected: unknown): { equal: boolean; stored: string; expected: string } {
  const timeColumn = stored instanceof Date || column === 'at' || column.endsWith('_at') || column.endsWith('_since');
  if (timeColumn && (typeof expected === 'number' || expected === null)) {
    const storedMs = stored instanceof Date ? stored.getTime() : stored === null || stored === undefined ? null : new Date(String(stored)).getTime();
    return {
      equal: storedMs === expected,
      stored: storedMs === null ? 'пусто' : new Date(storedMs).toISOString(),
      expected: expected === null ? 'пусто' : new Date(expected).toISOString(),
    };
  }
  if (typeof expected === 'number' && typeof stored === 'string' && stored.trim() !== '') return { equal: Number(stored) === expected, stored, expected: String(expected) };
  return { equal: canonical(stored) === canonical(expected), stored: show(stored), expected: show(expected) };
}

function compareRow(table: string, rowName: string, stored: Row, expected: Row, out: ReadModelDifference[]) {
  for (const [column, value] of Object.entries(expected)) {
    // A snapshot field the table does not keep is not the read model's concern.
    if (!(column in stored)) continue;
    const r = same(column, stored[column], value);
    if (!r.equal) out.push({ table, row: rowName, field: column, stored: r.stored, expected: r.expected });
  }
}

/** The columns of a case_events row as activities/cases.ts projects an event record. */
function eventColumns(caseId: string, kind: string, e: Row): Row {
  const actor = e.actor && typeof e.actor === 'object' ? record(e.actor) : null;
  return {
    case_id: caseId,
    seq: e.seq,
    case_kind: kind,
    type: e.type,
    stage: e.stage,
    title: e.title,
    actor_id: actor?.id ?? null,
    actor_name: actor?.name ?? null,
    actor_role: actor?.role ?? null,
    comment: e.comment,
    data: e.data,
    deadline_at: e.deadlineAt ?? null,
    at: e.at,
  };
}

export interface StoredReadModel {
  /** null: no row; undefined: the table does not exist (yet). */
  summary: Row | null | undefined;
  events: Row[];
}

/** Every difference between the stored read model and the one the history dictates. */
export function compareReadModel(ref: CaseRef, expected: ExpectedReadModel, stored: StoredReadModel): ReadModelDifference[] {
  const table = CASE_KIND_SPECS[ref.kind].table;
  const out: ReadModelDifference[] = [];
  if (stored.summary === undefined) {
    out.push({ table, row: ref.caseId, field: '(таблица)', stored: 'таблицы нет', expected: 'таблица витрины' });
  } else if (expected.summary) {
    if (!stored.summary) {
      out.push({ table, row: ref.caseId, field: '(строка)', stored: 'нет строки', expected: `строка по событию № ${expected.summary.seq}` });
    } else {
      // A projection in flight may already have moved the row on: then that is the one to match.
      const storedSeq = Number(stored.summary.last_seq);
      const target = storedSeq !== expected.summary.seq && expected.pending.has(storedSeq) ? expected.pending.get(storedSeq)! : expected.summary;
      const columns = Object.fromEntries(Object.entries(target.snapshot).map(([k, v]) => [snake(k), v]));
      compareRow(table, ref.caseId, stored.summary, { ...columns, last_seq: target.seq }, out);
    }
  } else if (stored.summary) {
    out.push({ table, row: ref.caseId, field: '(строка)', stored: 'строка есть', expected: 'в истории нет завершённой проекции' });
  }

  const storedEvents = new Map(stored.events.map((e) => [Number(e.seq), e]));
  for (const [seq, projection] of expected.events) {
    const row = storedEvents.get(seq);
    if (!row) out.push({ table: 'case_events', row: `seq ${seq}`, field: '(строка)', stored: 'нет строки', expected: `«${show(projection.event.title)}»` });
    else compareRow('case_events', `seq ${seq}`, row, eventColumns(ref.caseId, ref.kind, projection.event), out);
  }
  for (const [seq, row] of storedEvents) {
    if (expected.events.has(seq)) continue;
    const inFlight = expected.pending.get(seq);
    if (inFlight) compareRow('case_events', `seq ${seq}`, row, eventColumns(ref.caseId, ref.kind, inFlight.event), out);
    else out.push({ table: 'case_events', row: `seq ${seq}`, field: '(строка)', stored: `«${show(row.title)}»`, expected: 'в истории такого события нет' });
  }
  return out;
}

export async function loadStoredReadModel(db: Db, ref: CaseRef): Promise<StoredReadModel> {
  const table = CASE_KIND_SPECS[ref.kind].table;
  const exists = await readModelExists(db, ref.kind);
  const { summary, events } = await storedCaseRows(db, exists ? table : null, ref.caseId);
  return { summary: exists ? (summary as Row | null) : undefined, events: events as Row[] };
}

export interface ReadModelReport {
  workflowId: string;
  kind: CaseRef['kind'];
  caseId: string;
  /** Sequences the history accounts for. */
  checkedEvents: number;
  pending: number[];
  differences: ReadModelDifference[];
}

export async function checkReadModel(db: Db, ref: CaseRef, history: History): Promise<ReadModelReport> {
  const expected = expectedReadModel(history, CASE_KIND_SPECS[ref.kind].projectionActivity);
  const stored = await loadStoredReadModel(db, ref);
  return {
    workflowId: ref.workflowId,
    kind: ref.kind,
    caseId: ref.caseId,
    checkedEvents: expected.events.size,
    pending: [...expected.pending.keys()],
    differences: compareReadModel(ref, expected, stored),
  };
}
