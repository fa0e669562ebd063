// The kinds of case auditors work with, keyed by the CaseKind search attribute.
// Every audit feature (search, timeline, replay, read-model check) goes through
// this table, so a new kind of case plugs in here and nowhere else.
import { isGrpcServiceError, WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { temporal } from '@temporalio/proto';
import type { Db } from '../../db';
import { caseNumberIn, tableExists } from '../../db/read-models/audit';
import { decodeHistory } from '../../infra/data-converter';

import { CASE_KIND_LABELS, CASE_KINDS, type CaseKind } from '../../domain/audit';

export { CASE_KIND_LABELS, CASE_KINDS, type CaseKind };

export interface CaseKindSpec {
  label: string;
  /** Workflow id = prefix + the case's uuid (api/applications/service.ts, api/appeals/service.ts). */
  workflowIdPrefix: string;
  /** Read model of the summary: one row per case, keyed by id, with last_seq. */
  table: string;
  /** The column of the summary table that dates the case's start (filing, registration). */
  startedColumn: string;
  /** The activity whose input is (snapshot, event record): the read model is rebuilt from it. */
  projectionActivity: string;
  /** The staff page of a case, for links from the audit screens. */
  staffPath: (caseId: string) => string;
}

// A new kind of case (with its CaseKind value, workflow id prefix and projection
// activity) is added here; search, timeline, replay and read-model check follow.
export const CASE_KIND_SPECS: Record<CaseKind, CaseKindSpec> = {
  application: {
    label: CASE_KIND_LABELS.application,
    workflowIdPrefix: 'application-',
    table: 'applications',
    startedColumn: 'submitted_at',
    projectionActivity: 'projectApplication',
    staffPath: (id) => `/staff/applications/${id}`,
  },
  appeal: {
    label: CASE_KIND_LABELS.appeal,
    workflowIdPrefix: 'appeal-',
    table: 'appeals',
    startedColumn: 'registered_at',
    projectionActivity: 'projectAppeal',
    staffPath: (id) => `/staff/appeals/${id}`,
  },
};

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
/** Only case workflows are open to auditors here (not, say, the credentials mail workflows). */
export const CASE_WORKFLOW_ID_RE = new RegExp(`^(${CASE_KINDS.join('|')})-(${UUID})$`, 'i');

export interface CaseRef {
  kind: CaseKind;
  caseId: string;
  workflowId: string;
}

export function parseCaseWorkflowId(workflowId: string): CaseRef | null {
  const match = CASE_WORKFLOW_ID_RE.exec(workflowId);
  if (!match) return null;
  const kind = match[1]!.toLowerCase() as CaseKind;
  const caseId = match[2]!.toLowerCase();
  return { kind, caseId, workflowId: `${CASE_KIND_SPECS[kind].workflowIdPrefix}${caseId}` };
}

export function caseRef(kind: CaseKind, caseId: string): CaseRef {
  return { kind, caseId, workflowId: `${CASE_KIND_SPECS[kind].workflowIdPrefix}${caseId}` };
}

export function isCaseKind(value: unknown): value is CaseKind {
  return (CASE_KINDS as readonly unknown[]).includes(value);
}

/** Whether the kind's read-model table exists (a kind's migration may not have run on an older database). */
export async function readModelExists(db: Db, kind: CaseKind): Promise<boolean> {
  return tableExists(db, CASE_KIND_SPECS[kind].table);
}

/** The human number of a case from its read model, or null when the row (or the table) is missing. */
export async function caseNumberOf(db: Db, caseId: string): Promise<{ kind: CaseKind; number: string } | null> {
  for (const kind of CASE_KINDS) {
    if (!(await readModelExists(db, kind))) continue;
    const number = await caseNumberIn(db, CASE_KIND_SPECS[kind].table, caseId);
    if (number !== null) return { kind, number };
  }
  return null;
}

const GRPC_NOT_FOUND = 5;

/**
 * The case's full event history in clear text (decrypted with the client's
 * codec), or null when Temporal has no such workflow (never started, or past retention).
 */
export async function fetchCaseHistory(client: Client, ref: CaseRef): Promise<temporal.api.history.v1.IHistory | null> {
  try {
    const history = await client.workflow.getHandle(ref.workflowId).fetchHistory();
    return await decodeHistory(history, client.options.loadedDataConverter.payloadCodecs);
  } catch (error) {
    if (error instanceof WorkflowNotFoundError || (isGrpcServiceError(error) && error.code === GRPC_NOT_FOUND)) return null;
    throw error;
  }
}
