// Appeal commands: filing starts the appeal workflow; every later step is a
// Workflow Update. Screens read the appeal read model (db/read-models/appeals.ts).
import { TRPCError } from '@trpc/server';
import { Op } from 'sequelize';
import {
  appealNumber,
  type AppealAction,
  type AppealChannel,
  type AppealForm,
  type AppealStage } from '../../domain/appeal';
import { lockKey } from '../../db/commands';
import { canActForApplicant } from '../../domain/case-access';
import type { UserRecord } from '../../db/models';
import type { Actor } from '../../workflows/case/contract';
import { appealUpdates, appealWorkflowId, type AppealWorkflowInput } from '../../workflows/appeal/contract';
import { appealWorkflow } from '../../workflows/appeal/workflow';
import { fieldIssues } from '../applications/service';
import { executeCaseAction, nextCaseNumber, startCase, waitForReadModel } from '../cases/commands';
import { applicantNameOf } from '../organisations/names';
import { principalOf, recordRepresentation } from '../representation/service';
import { representativeActorName } from '../../domain/representation';
import { applicantDisplayName } from '../../domain/account';
import type { SessionUser } from '../../auth/sessions';
import type { ApiServices } from '../context';

export { appealWorkflowId };

/**
 * Files an appeal. The client's id makes a retry (double click, network
 * error) find the same appeal; its number and date are the receipt.
 */
export async function fileAppeal(
  services: ApiServices,
  filer: UserRecord | SessionUser,
  appealId: string,
  form: AppealForm,
  origin: { channel: AppealChannel; registeredBy: string | null; forPoaId?: string },
) {
  const { db } = services;
  // A representative files for the principal of a power of attorney in force, as with applications (api/representation/service.ts).
  const representation = origin.forPoaId && 'representing' in filer ? await principalOf(db, filer, origin.forPoaId) : null;
  if (origin.forPoaId && !representation) throw fieldIssues([{ path: 'forPoaId', message: 'Подать обращение от имени другого лица может только его представитель по доверенности' }]);
  const applicant = representation?.applicant ?? filer;
  const linked = form.applicationId ? await db.Application.findByPk(form.applicationId) : null;
  if (form.applicationId && !(linked && canActForApplicant(applicant, linked) && canActForApplicant(filer, linked))) {
    throw fieldIssues([{ path: 'applicationId', message: 'Заявка не найдена среди ваших заявок' }]);
  }
  const attachmentIds = form.attachments.map((a) => a.id);
  if (attachmentIds.length) {
    const owned = await db.Document.count({ where: { id: attachmentIds, [Op.or]: [{ caseId: null }, { caseId: appealId }], ownerId: origin.registeredBy ?? filer.id } });
    if (owned !== new Set(attachmentIds).size) throw fieldIssues([{ path: 'attachments', message: 'Файл не найден: загрузите его заново' }]);
  }
  const content = await db.sequelize.transaction(async (transaction) => {
    // A row lock cannot hold an id that has no row yet: a double submission waits here for the first to commit, then finds its appeal.
    await lockKey(db, `appeal:${appealId}`, transaction);
    const existing = await db.AppealContent.findByPk(appealId, { transaction });
    if (existing) {
      if (existing.userId !== applicant.id) throw new TRPCError({ code: 'NOT_FOUND', message: 'Обращение не найдено' });
      return existing;
    }
    const number = await nextCaseNumber(services, 'appeal', appealNumber, transaction);
    const row = await db.AppealContent.create(
      { id: appealId, userId: applicant.id, number, text: form.text, contractNumber: form.contractNumber, problemTime: form.problemTime, registeredBy: origin.registeredBy },
      { transaction },
    );
    if (attachmentIds.length) await db.Document.update({ caseId: appealId, stage: 'registered' }, { where: { id: attachmentIds }, transaction });
    if (representation) await recordRepresentation(db, appealId, representation, filer.id, transaction);
    return row;
  });
  const input: AppealWorkflowInput = {
    appealId,
    number: content.number,
    applicant: { id: applicant.id, name: await applicantNameOf(db, applicant) },
    ...(representation ? { filedBy: { id: filer.id, name: representativeActorName(applicantDisplayName(filer), representation.authority), role: 'applicant' as const } } : {}),
    topic: form.topic,
    kind: form.kind,
    channel: origin.channel,
    answerChannel: form.answerChannel,
    applicationId: form.applicationId,
    registeredAt: content.createdAt.getTime(),
    terms: services.terms,
  };
  await startCase(services, appealWorkflow, { workflowId: appealWorkflowId(appealId), kind: 'appeal', number: input.number, applicantId: applicant.id, status: 'open', input });
  await waitForReadModel(async () => (await db.Appeal.count({ where: { id: appealId } })) > 0, 'Обращение принято, но обработка задерживается. Обновите страницу через минуту');
  return { id: appealId, number: content.number, registeredAt: content.createdAt.toISOString() };
}

/** The files an action carries (a reply or an answer); they join the case when it is sent. */
export function attachmentIdsOf(data: unknown): string[] {
  const list = data && typeof data === 'object' && 'attachments' in data && Array.isArray(data.attachments) ? (data.attachments as Array<{ id: string }>) : [];
  return list.map((a) => a.id);
}

export function sendAppealAction(services: ApiServices, appealId: string, action: AppealAction, actor: Actor, input: unknown) {
  return executeCaseAction<AppealStage>(services, appealWorkflowId(appealId), appealUpdates[action] as never, actor, input);
}
