// Application commands and views for the routers. Commands go to the
// workflow (start, update); views come from the read models only.
import { randomUUID } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { Op, type InferAttributes } from 'sequelize';
import {
  APPLICANT_ACTIONS,
  applicantFormIssues,
  applicationNumber,
  STAFF_ACTIONS,
  STAGE_DEFINITIONS,
  SUPPLIERS,
  type ApplicantAction,
  type ApplicationForm,
  type Stage,
  type StaffAction,
} from '../../domain/application';
import { applicantDisplayName, type ApplicantKind } from '../../domain/account';
import type { Db } from '../../db';
import type { Application, UserRecord } from '../../db/models';
import { columnsOf, selectRows } from '../../db/statements';
import type { ApplicationWorkflowInput } from '../../workflows/application/case-run';
import { applicantUpdates, staffUpdates, type Actor, type CaseView } from '../../workflows/application/messages';
import type { ApiServices } from '../context';
import { executeCaseAction, nextCaseNumber, startCase, waitForReadModel } from '../cases/commands';

export const applicationWorkflowId = (applicationId: string) => `application-${applicationId}`;

export function actorOf(user: UserRecord): Actor {
  const role = user.role === 'applicant' ? 'applicant' : user.role === 'admin' ? 'admin' : 'staff';
  return { id: user.id, name: applicantDisplayName(user), role };
}

export function fieldIssues(issues: Array<{ path: string; message: string }>): TRPCError {
  const fieldErrors: Record<string, string[]> = {};
  for (const i of issues) (fieldErrors[i.path] ??= []).push(i.message);
  return new TRPCError({ code: 'BAD_REQUEST', message: issues[0]?.message ?? 'Проверьте заявку', cause: Object.assign(new Error('form'), { fieldErrors }) });
}

/**
 * Submits a draft. The draft id is the application id and the workflow id's
 * base, so a double click or a retry after a network error finds the same
 * number and the same workflow: one application.
 */
export async function submitApplication(services: ApiServices, user: UserRecord, draftId: string, form: ApplicationForm) {
  const { db } = services;
  const issues = applicantFormIssues(user.kind as ApplicantKind, form);
  const attachmentIds = form.attachments.map((a) => a.id);
  if (attachmentIds.length) {
    const owned = await db.Document.count({ where: { id: attachmentIds, ownerId: user.id, [Op.or]: [{ caseId: null }, { caseId: draftId }] } });
    if (owned !== new Set(attachmentIds).size) issues.push({ path: 'attachments', message: 'Файл не найден: загрузите его заново' });
  }
  if (issues.length) throw fieldIssues(issues);

  // Concurrent submissions of one draft meet at this row: created once, then locked.
  const [owner] = await db.ApplicationDraft.findOrCreate({ where: { id: draftId }, defaults: { id: draftId, userId: user.id, form: {} } });
  if (owner.userId !== user.id) throw new TRPCError({ code: 'NOT_FOUND', message: 'Черновик не найден' });
  const draft = await db.sequelize.transaction(async (transaction) => {
    const row = (await db.ApplicationDraft.findByPk(draftId, { transaction, lock: transaction.LOCK.UPDATE }))!;
    if (!row.number) {
      // The content is fixed at the first submission; a retry does not change what was filed.
      row.form = form as unknown as Record<string, unknown>;
      row.number = await nextCaseNumber(services, 'application', applicationNumber, transaction);
      row.submittedAt = new Date();
      await row.save({ transaction });
      if (attachmentIds.length) await db.Document.update({ caseId: draftId }, { where: { id: attachmentIds, ownerId: user.id }, transaction });
    }
    return row;
  });

  const filed = draft.form as unknown as ApplicationForm;
  const supplier = SUPPLIERS.find((s) => s.id === filed.supplierId)!;
  const input: ApplicationWorkflowInput = {
    applicationId: draftId,
    number: draft.number!,
    applicant: { id: user.id, name: actorOf(user).name },
    category: filed.category,
    object: { name: filed.objectName, address: filed.objectAddress, maxPowerKw: filed.maxPowerKw, voltageKv: filed.voltageKv, distanceM: filed.distanceToNetworkM, territory: filed.territory },
    publicBuyer: filed.publicBuyer,
    supplier: { id: supplier.id, name: supplier.name, email: supplier.email },
    submittedAt: draft.submittedAt!.getTime(),
    terms: services.terms,
  };
  await startCase(services, { workflowType: 'connectionApplicationWorkflow', workflowId: applicationWorkflowId(draftId), kind: 'application', number: input.number, applicantId: user.id, status: 'active', input });
  // Answer once the case is registered and handed to the check: the list and the staff queue already show it.
  await waitForReadModel(
    async () => (await services.db.Application.count({ where: { id: draftId, stage: { [Op.ne]: 'registered' } } })) > 0,
    'Заявка принята, но обработка задерживается. Обновите страницу через минуту',
  );
  return { id: draftId, number: draft.number!, submittedAt: draft.submittedAt!.toISOString() };
}

/** Sends an action to the application's workflow. */
export function sendAction(services: ApiServices, applicationId: string, action: StaffAction | ApplicantAction, actor: Actor, input: unknown): Promise<CaseView> {
  const update = action in STAFF_ACTIONS ? staffUpdates[action as StaffAction] : applicantUpdates[action as ApplicantAction];
  return executeCaseAction(services, applicationWorkflowId(applicationId), update as never, actor, input);
}

/** The application as every list and page shows it; from a model or a plain row (db/statements.ts). */
export function applicationSummary(a: InferAttributes<Application>) {
  const definition = STAGE_DEFINITIONS[a.stage as Stage];
  return {
    id: a.id,
    number: a.number,
    applicantId: a.applicantId,
    applicantName: a.applicantName,
    category: a.category,
    objectName: a.objectName,
    objectAddress: a.objectAddress,
    maxPowerKw: Number(a.maxPowerKw),
    stage: a.stage as Stage,
    stageTitle: definition.title,
    statusLabel: definition.status,
    status: a.status,
    whoActs: a.whoActs,
    stageStartedAt: a.stageStartedAt.toISOString(),
    deadlineAt: a.deadlineAt?.toISOString() ?? null,
    deadlineTerm: a.deadlineTerm,
    overdue: a.overdue,
    overdueSince: a.overdueSince?.toISOString() ?? null,
    submittedAt: a.submittedAt.toISOString(),
    contractConcludedAt: a.contractConcludedAt?.toISOString() ?? null,
    finishedAt: a.finishedAt?.toISOString() ?? null,
    annulReason: a.annulReason,
  };
}

// One statement for a case page: the application with its events and documents as JSON,
// instead of three round trips (bench «read»: each costs the API more CPU than PostgreSQL's part).
const CASE_EVENTS_JSON = `(SELECT coalesce(json_agg(json_build_object('seq', e.seq, 'type', e.type, 'stage', e.stage, 'title', e.title,
    'actorName', e.actor_name, 'actorRole', e.actor_role, 'comment', e.comment, 'deadlineAt', e.deadline_at, 'at', e.at, 'data', e.data) ORDER BY e.seq), '[]')
  FROM case_events e WHERE e.case_id = applications.id)`;
const CASE_DOCUMENTS_JSON = `(SELECT coalesce(json_agg(json_build_object('id', d.id, 'kind', d.kind, 'title', d.title, 'stage', d.stage, 'source', d.source,
    'filename', d.filename, 'size', d.size, 'sha256', d.sha256, 'createdAt', d.created_at) ORDER BY d.created_at), '[]')
  FROM documents d WHERE d.case_id = applications.id)`;

interface CaseEventJson {
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
interface CaseDocumentJson {
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

/** The page's events and documents as JSON columns of the application row; bench «read» sends the same to its bare reference. */
export const CASE_PAGE_JSON_COLUMNS = `${CASE_EVENTS_JSON} AS events, ${CASE_DOCUMENTS_JSON} AS documents`;

/** An application's page (summary, events, documents), or null when there is none; with applicantId, only the applicant's own. */
export async function applicationCase(db: Db, id: string, applicantId: string | null) {
  const [row] = await selectRows<Application, { events: CaseEventJson[]; documents: CaseDocumentJson[] }>(
    db,
    db.Application,
    `SELECT ${columnsOf(db.Application)}, ${CASE_PAGE_JSON_COLUMNS}
       FROM applications WHERE id = $1 AND ($2::uuid IS NULL OR applicant_id = $2)`,
    [id, applicantId],
  );
  if (!row) return null;
  const { events, documents, ...application } = row;
  return {
    summary: applicationSummary(application),
    events: events.map((e) => ({ ...e, deadlineAt: e.deadlineAt && iso(e.deadlineAt), at: iso(e.at) })),
    documents: documents.map((d) => ({ ...d, createdAt: iso(d.createdAt) })),
  };
}

export function applicantActionsFor(stage: Stage, paymentsMode: 'test' | 'bank'): ApplicantAction[] {
  if (STAGE_DEFINITIONS[stage].final) return [];
  const open = (Object.keys(APPLICANT_ACTIONS) as ApplicantAction[]).filter((a) => APPLICANT_ACTIONS[a].stage === stage || a === 'withdraw');
  return open.filter((a) => a !== 'payInvoice' || paymentsMode === 'test');
}

export function staffActionsFor(stage: Stage): StaffAction[] {
  return (Object.keys(STAFF_ACTIONS) as StaffAction[]).filter((a) => STAFF_ACTIONS[a].stage === stage);
}

export const newDraftId = () => randomUUID();
