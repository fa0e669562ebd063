// Finding cases for auditors in both places a case is recorded: Temporal
// visibility (the typed search attributes the workflow keeps) and the read
// models in Postgres. Rows are merged by workflow id, and every field on
// which the two disagree is reported.
import type { Client, WorkflowExecutionInfo } from '@temporalio/client';
import type { Db } from '../../db';
import { applicantIdsByName, searchCaseRows } from '../../db/read-models/audit';
import { CaseKind, CaseNumber, CaseOverdue, CaseStage, CaseStatus } from '../../workflows/search-attributes';
import { CASE_KIND_SPECS, CASE_KINDS, parseCaseWorkflowId, readModelExists, type CaseKind as Kind } from './kinds';
import { moscowDayStart, type CaseSearch } from '../../domain/audit';
import { escapeLike } from './access-log';
import { stageTitle } from './timeline-wording';

/** A string literal of the visibility query language: backslashes and double quotes escaped. */
export function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** The visibility query of typed filters; every value goes through quote() or is a boolean or a date we formatted. */
export function visibilityQuery(f: CaseSearch, opts: { applicantIds?: string[]; workflowIds?: string[] } = {}): string {
  const parts: string[] = [f.kind ? `${CaseKind.name} = ${quote(f.kind)}` : `${CaseKind.name} IN (${CASE_KINDS.map(quote).join(', ')})`];
  if (f.number) parts.push(`${CaseNumber.name} = ${quote(f.number)}`);
  if (f.stage) parts.push(`${CaseStage.name} = ${quote(f.stage)}`);
  if (f.status) parts.push(`${CaseStatus.name} = ${quote(f.status)}`);
  if (f.overdue !== undefined) parts.push(`${CaseOverdue.name} = ${f.overdue ? 'true' : 'false'}`);
  if (opts.applicantIds) parts.push(`ApplicantId IN (${opts.applicantIds.map(quote).join(', ')})`);
  if (opts.workflowIds) parts.push(`WorkflowId IN (${opts.workflowIds.map(quote).join(', ')})`);
  const field = f.dateField === 'closed' ? 'CloseTime' : 'StartTime';
  if (f.from) parts.push(`${field} >= ${quote(moscowDayStart(f.from).toISOString())}`);
  if (f.to) parts.push(`${field} < ${quote(moscowDayStart(f.to, 1).toISOString())}`);
  return parts.join(' AND ');
}

interface Side {
  number: string | null;
  stage: string | null;
  status: string | null;
  overdue: boolean | null;
}

interface VisibilityRow extends Side {
  workflowId: string;
  kind: Kind;
  caseId: string;
  temporalStatus: string;
  startedAt: string;
  closedAt: string | null;
}

interface ReadModelRow extends Side {
  workflowId: string;
  kind: Kind;
  caseId: string;
  applicantName: string;
  submittedAt: string;
  finishedAt: string | null;
}

export interface CaseSearchRow {
  workflowId: string;
  kind: Kind;
  caseId: string;
  number: string | null;
  applicantName: string | null;
  stage: string | null;
  stageTitle: string | null;
  status: string | null;
  overdue: boolean | null;
  temporalStatus: string | null;
  startedAt: string | null;
  closedAt: string | null;
  inVisibility: boolean;
  inReadModel: boolean;
  disagreements: Array<{ field: string; label: string; visibility: string; readModel: string }>;
}

const FIELD_LABELS: Record<keyof Side, string> = { number: 'Номер', stage: 'Этап', status: 'Статус', overdue: 'Просрочка' };

function fromVisibility(wf: WorkflowExecutionInfo): VisibilityRow | null {
  const ref = parseCaseWorkflowId(wf.workflowId);
  if (!ref) return null;
  const sa = wf.typedSearchAttributes;
  return {
    workflowId: ref.workflowId,
    kind: ref.kind,
    caseId: ref.caseId,
    number: sa.get(CaseNumber) ?? null,
    stage: sa.get(CaseStage) ?? null,
    status: sa.get(CaseStatus) ?? null,
    overdue: sa.get(CaseOverdue) ?? null,
    temporalStatus: wf.status.name,
    startedAt: wf.startTime.toISOString(),
    closedAt: wf.closeTime?.toISOString() ?? null,
  };
}

async function listVisibility(client: Client, query: string, limit: number): Promise<VisibilityRow[]> {
  const rows: VisibilityRow[] = [];
  for await (const wf of client.workflow.list({ query, pageSize: Math.min(limit, 100) })) {
    const row = fromVisibility(wf);
    if (row) rows.push(row);
    if (rows.length >= limit) break;
  }
  return rows;
}

async function listReadModel(db: Db, kind: Kind, f: CaseSearch, opts: { ids?: string[]; limit: number }): Promise<ReadModelRow[]> {
  const spec = CASE_KIND_SPECS[kind];
  const rows = await searchCaseRows(db, spec.table, spec.startedColumn, {
    ids: opts.ids,
    number: f.number,
    applicantLike: f.applicant ? `%${escapeLike(f.applicant)}%` : undefined,
    stage: f.stage,
    status: f.status,
    overdue: f.overdue,
    dateColumn: f.dateField === 'closed' ? 'finished_at' : spec.startedColumn,
    from: f.from ? moscowDayStart(f.from) : undefined,
    to: f.to ? moscowDayStart(f.to, 1) : undefined,
    limit: opts.limit,
  });
  return rows.map((r) => ({
    workflowId: `${spec.workflowIdPrefix}${r.id}`,
    kind,
    caseId: r.id,
    number: r.number,
    applicantName: r.applicant_name,
    stage: r.stage,
    status: r.status,
    overdue: r.overdue,
    submittedAt: new Date(r.submitted_at).toISOString(),
    finishedAt: r.finished_at ? new Date(r.finished_at).toISOString() : null,
  }));
}

const shown = (v: string | boolean | null) => (v === null ? 'нет значения' : typeof v === 'boolean' ? (v ? 'да' : 'нет') : v);

export function mergeRows(visibility: VisibilityRow[], readModel: ReadModelRow[]): CaseSearchRow[] {
  const byId = new Map<string, { v?: VisibilityRow; r?: ReadModelRow }>();
  for (const v of visibility) byId.set(v.workflowId, { ...byId.get(v.workflowId), v });
  for (const r of readModel) byId.set(r.workflowId, { ...byId.get(r.workflowId), r });
  const rows: CaseSearchRow[] = [];
  for (const [workflowId, { v, r }] of byId) {
    const base = (v ?? r)!;
    const disagreements: CaseSearchRow['disagreements'] = [];
    if (v && r) {
      for (const field of Object.keys(FIELD_LABELS) as Array<keyof Side>) {
        if (v[field] !== r[field]) disagreements.push({ field, label: FIELD_LABELS[field], visibility: shown(v[field]), readModel: shown(r[field]) });
      }
    } else {
      disagreements.push({ field: 'presence', label: 'Наличие', visibility: v ? 'есть' : 'нет', readModel: r ? 'есть' : 'нет' });
    }
    const stage = r?.stage ?? v?.stage ?? null;
    rows.push({
      workflowId,
      kind: base.kind,
      caseId: base.caseId,
      number: r?.number ?? v?.number ?? null,
      applicantName: r?.applicantName ?? null,
      stage,
      stageTitle: stageTitle(base.kind, stage),
      status: r?.status ?? v?.status ?? null,
      overdue: r?.overdue ?? v?.overdue ?? null,
      temporalStatus: v?.temporalStatus ?? null,
      startedAt: v?.startedAt ?? r?.submittedAt ?? null,
      closedAt: v?.closedAt ?? r?.finishedAt ?? null,
      inVisibility: Boolean(v),
      inReadModel: Boolean(r),
      disagreements,
    });
  }
  return rows.sort((a, b) => (b.startedAt ?? '').localeCompare(a.startedAt ?? ''));
}

export interface CaseSearchResult {
  rows: CaseSearchRow[];
  visibilityQuery: string | null;
  warnings: string[];
}

export async function searchCases(services: { db: Db; temporal: Client }, f: CaseSearch): Promise<CaseSearchResult> {
  const { db, temporal } = services;
  const warnings: string[] = [];
  const kinds: Kind[] = [];
  for (const kind of f.kind ? [f.kind] : CASE_KINDS) {
    if (await readModelExists(db, kind)) kinds.push(kind);
    else if (f.kind) warnings.push(`Витрины «${CASE_KIND_SPECS[kind].table}» ещё нет: поиск только по Temporal`);
  }

  // The applicant's name lives in the read models; visibility knows the applicant by id.
  let applicantIds: string[] | undefined;
  if (f.applicant) {
    const ids = new Set<string>();
    for (const kind of kinds) {
      for (const id of await applicantIdsByName(db, CASE_KIND_SPECS[kind].table, `%${escapeLike(f.applicant)}%`, 101)) ids.add(id);
    }
    if (ids.size === 0) return { rows: [], visibilityQuery: null, warnings };
    if (ids.size > 100) warnings.push('Под условие подходит больше 100 заявителей: уточните имя или наименование');
    applicantIds = [...ids].slice(0, 100);
  }

  const query = visibilityQuery(f, { applicantIds });
  let visibility: VisibilityRow[] = [];
  try {
    visibility = await listVisibility(temporal, query, f.limit);
  } catch (error) {
    warnings.push(`Temporal не выполнил поиск: ${error instanceof Error ? error.message : String(error)}`);
  }
  const readModel: ReadModelRow[] = [];
  for (const kind of kinds) readModel.push(...(await listReadModel(db, kind, f, { limit: f.limit })));

  // A case one side filtered out may still be on the other side with other values: fetch it by id to show the difference.
  const inVisibility = new Set(visibility.map((v) => v.workflowId));
  const inReadModel = new Set(readModel.map((r) => r.workflowId));
  const missingInReadModel = visibility.filter((v) => !inReadModel.has(v.workflowId));
  for (const kind of kinds) {
    const ids = missingInReadModel.filter((v) => v.kind === kind).map((v) => v.caseId);
    if (ids.length) readModel.push(...(await listReadModel(db, kind, f, { ids, limit: ids.length })));
  }
  const missingInVisibility = readModel.filter((r) => !inVisibility.has(r.workflowId)).map((r) => r.workflowId);
  if (missingInVisibility.length) {
    try {
      visibility.push(...(await listVisibility(temporal, `WorkflowId IN (${missingInVisibility.map(quote).join(', ')})`, missingInVisibility.length)));
    } catch {
      // Already reported above if visibility is down.
    }
  }
  return { rows: mergeRows(visibility, readModel).slice(0, f.limit), visibilityQuery: query, warnings };
}
