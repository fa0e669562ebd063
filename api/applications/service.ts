// Application commands: submission starts the workflow, every later step is a
// Workflow Update. Views come from the read model (db/read-models/applications.ts).
import { randomUUID } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { Op } from 'sequelize';
import {
  applicantFormIssues,
  applicationNumber,
  SUPPLIERS,
  type ApplicantAction,
  type ApplicationForm,
  type StaffAction } from '../../domain/application';
import { applicantDisplayName, type ApplicantKind } from '../../domain/account';
import { scheduleOptionOf } from '../../domain/payment-schedule';
import { INSTALMENT_PAYMENT_RULE } from '../../domain/regulations';
import type { UserRecord } from '../../db/models';
import type { Actor, CaseView } from '../../workflows/case/contract';
import { applicationUpdates, applicationWorkflowId, type ApplicationWorkflowInput } from '../../workflows/application/contract';
import { connectionApplicationWorkflow } from '../../workflows/application/workflow';
import type { ApiServices } from '../context';
import { executeCaseAction, nextCaseNumber, startCase, waitForReadModel } from '../cases/commands';
import { connectionKindInputOf } from '../../domain/connection-kind';
import { applicantNameOf } from '../organisations/names';
import { principalOf, powerOfAttorneyCopy, recordRepresentation } from '../representation/service';
import { representativeActorName } from '../../domain/representation';
import { authorityFor, canActForApplicant, type CaseParties } from '../../domain/case-access';
import type { SessionUser } from '../../auth/sessions';

export { applicationWorkflowId };

export function actorOf(user: UserRecord): Actor {
  const role = user.role === 'applicant' ? 'applicant' : user.role === 'admin' ? 'admin' : user.role === 'supplier' ? 'supplier' : 'staff';
  return { id: user.id, name: applicantDisplayName(user), role };
}

/**
 * The actor of an action on a case. One who acts for the applicant without being them (an employee of
 * the applicant's organisation, a representative) carries the applicant's id, which the workflow accepts;
 * a representative is named in the history with the principal and the power of attorney.
 */
export function caseActorOf(user: UserRecord & Partial<Pick<SessionUser, 'representing'>>, c: CaseParties): Actor {
  const actor = actorOf(user);
  if (actor.role !== 'applicant' || user.id === c.applicantId || !canActForApplicant(user, c)) return actor;
  const authority = authorityFor(user, c);
  return { ...actor, onBehalfOf: c.applicantId, ...(authority ? { name: representativeActorName(actor.name, authority) } : {}) };
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
export async function submitApplication(services: ApiServices, filer: UserRecord | SessionUser, draftId: string, formIn: ApplicationForm, forPoaId?: string) {
  const { db } = services;
  // A representative files for the principal of a power of attorney in force (api/representation/service.ts):
  // the principal is the applicant, the representative the one who filed, and the verified document is attached.
  const representation = forPoaId && 'representing' in filer ? await principalOf(db, filer, forPoaId) : null;
  if (forPoaId && !representation) throw fieldIssues([{ path: 'forPoaId', message: 'Подать заявку от имени другого лица может только его представитель по доверенности' }]);
  const user = representation?.applicant ?? filer;
  const form: ApplicationForm = representation
    ? { ...formIn, byRepresentative: true, attachments: [...formIn.attachments, { id: await powerOfAttorneyCopy(db, representation.authority, draftId, filer.id), kind: 'powerOfAttorney' }] }
    : formIn;
  const issues = applicantFormIssues(user.kind as ApplicantKind, form);
  const attachmentIds = form.attachments.map((a) => a.id);
  if (attachmentIds.length) {
    const owned = await db.Document.count({ where: { id: attachmentIds, ownerId: filer.id, [Op.or]: [{ caseId: null }, { caseId: draftId }] } });
    if (owned !== new Set(attachmentIds).size) issues.push({ path: 'attachments', message: 'Файл не найден: загрузите его заново' });
  }
  if (issues.length) throw fieldIssues(issues);

  // Concurrent submissions of one draft meet at this row: created once, then locked.
  const [owner] = await db.ApplicationDraft.findOrCreate({ where: { id: draftId }, defaults: { id: draftId, userId: filer.id, form: {} } });
  if (owner.userId !== filer.id) throw new TRPCError({ code: 'NOT_FOUND', message: 'Черновик не найден' });
  const draft = await db.sequelize.transaction(async (transaction) => {
    const row = (await db.ApplicationDraft.findByPk(draftId, { transaction, lock: transaction.LOCK.UPDATE }))!;
    if (!row.number) {
      // The content is fixed at the first submission; a retry does not change what was filed.
      row.form = form as unknown as Record<string, unknown>;
      row.number = await nextCaseNumber(services, 'application', applicationNumber, transaction);
      row.submittedAt = new Date();
      await row.save({ transaction });
      if (attachmentIds.length) await db.Document.update({ caseId: draftId }, { where: { id: attachmentIds, ownerId: filer.id }, transaction });
      if (representation) await recordRepresentation(db, draftId, representation, filer.id, transaction);
    }
    return row;
  });

  const filed = draft.form as unknown as ApplicationForm;
  const supplier = SUPPLIERS.find((s) => s.id === filed.supplierId)!;
  const input: ApplicationWorkflowInput = {
    applicationId: draftId,
    number: draft.number!,
    applicant: { id: user.id, name: await applicantNameOf(db, user) },
    ...(representation ? { filedBy: { id: filer.id, name: representativeActorName(applicantDisplayName(filer), representation.authority), role: 'applicant' as const } } : {}),
    category: filed.category,
    object: { name: filed.objectName, address: filed.objectAddress, maxPowerKw: filed.maxPowerKw, voltageKv: filed.voltageKv, distanceM: filed.distanceToNetworkM, territory: filed.territory },
    publicBuyer: filed.publicBuyer,
    supplier: { id: supplier.id, name: supplier.name, email: supplier.email },
    submittedAt: draft.submittedAt!.getTime(),
    terms: services.terms,
    // The kind of connection and its particulars (domain/connection-kind.ts).
    connection: connectionKindInputOf(filed),
    // Paying in parts: the form's choice ('parts' is the staged option); the schema checked who may.
    ...scheduleChoice(filed),
  };
  await startCase(services, connectionApplicationWorkflow, { workflowId: applicationWorkflowId(draftId), kind: 'application', number: input.number, applicantId: user.id, status: 'active', input });
  // Answer once the case is registered and handed to the check: the list and the staff queue already show it.
  await waitForReadModel(
    async () => (await services.db.Application.count({ where: { id: draftId, stage: { [Op.ne]: 'registered' } } })) > 0,
    'Заявка принята, но обработка задерживается. Обновите страницу через минуту',
  );
  return { id: draftId, number: draft.number!, submittedAt: draft.submittedAt!.toISOString() };
}

function scheduleChoice(form: ApplicationForm): Pick<ApplicationWorkflowInput, 'paymentSchedule'> {
  const option = scheduleOptionOf(form.paymentOption);
  return option ? { paymentSchedule: { option, quarters: form.instalmentQuarters ?? INSTALMENT_PAYMENT_RULE.maxQuarters } } : {};
}

/** Sends an action to the application's workflow. */
export function sendAction(services: ApiServices, applicationId: string, action: StaffAction | ApplicantAction, actor: Actor, input: unknown): Promise<CaseView> {
  return executeCaseAction(services, applicationWorkflowId(applicationId), applicationUpdates[action] as never, actor, input);
}

export const newDraftId = () => randomUUID();
