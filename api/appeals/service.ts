// Appeal commands and views: filing starts the appeal workflow; every later
// step is a Workflow Update; screens read the `appeals` read model.
import { TRPCError } from '@trpc/server';
import { Op, QueryTypes } from 'sequelize';
import {
  APPEAL_APPLICANT_ACTIONS,
  APPEAL_STAFF_ACTIONS,
  APPEAL_STAGE_DEFINITIONS,
  appealNumber,
  type AppealAction,
  type AppealChannel,
  type AppealForm,
  type AppealReportRow,
  type AppealStage,
} from '../../domain/appeal';
import type { Appeal, UserRecord } from '../../db/models';
import type { Actor } from '../../workflows/case/machine';
import type { AppealWorkflowInput } from '../../workflows/appeal/appeal-case';
import { appealUpdates } from '../../workflows/appeal/messages';
import { actorOf, fieldIssues } from '../applications/service';
import { executeCaseAction, nextCaseNumber, startCase, waitForReadModel } from '../cases/commands';
import type { ApiServices } from '../context';

export const appealWorkflowId = (appealId: string) => `appeal-${appealId}`;

/**
 * Files an appeal. The client's id makes a retry (double click, network
 * error) find the same appeal; its number and date are the receipt.
 */
export async function fileAppeal(services: ApiServices, applicant: UserRecord, appealId: string, form: AppealForm, origin: { channel: AppealChannel; registeredBy: string | null }) {
  const { db } = services;
  if (form.applicationId && !(await db.Application.count({ where: { id: form.applicationId, applicantId: applicant.id } }))) {
    throw fieldIssues([{ path: 'applicationId', message: 'Заявка не найдена среди ваших заявок' }]);
  }
  const attachmentIds = form.attachments.map((a) => a.id);
  if (attachmentIds.length) {
    const owned = await db.Document.count({ where: { id: attachmentIds, [Op.or]: [{ caseId: null }, { caseId: appealId }], ownerId: origin.registeredBy ?? applicant.id } });
    if (owned !== new Set(attachmentIds).size) throw fieldIssues([{ path: 'attachments', message: 'Файл не найден: загрузите его заново' }]);
  }
  const content = await db.sequelize.transaction(async (transaction) => {
    // A row lock cannot hold an id that has no row yet: a double submission waits here for the first to commit, then finds its appeal.
    await db.sequelize.query('SELECT pg_advisory_xact_lock(hashtext($1))', { bind: [`appeal:${appealId}`], transaction });
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
    return row;
  });
  const input: AppealWorkflowInput = {
    appealId,
    number: content.number,
    applicant: { id: applicant.id, name: actorOf(applicant).name },
    topic: form.topic,
    kind: form.kind,
    channel: origin.channel,
    answerChannel: form.answerChannel,
    applicationId: form.applicationId,
    registeredAt: content.createdAt.getTime(),
    terms: services.terms,
  };
  await startCase(services, { workflowType: 'appealWorkflow', workflowId: appealWorkflowId(appealId), kind: 'appeal', number: input.number, applicantId: applicant.id, status: 'open', input });
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

export function appealSummary(a: Appeal) {
  const definition = APPEAL_STAGE_DEFINITIONS[a.stage];
  return {
    id: a.id,
    number: a.number,
    applicantId: a.applicantId,
    applicantName: a.applicantName,
    topic: a.topic,
    kind: a.kind,
    channel: a.channel,
    answerChannel: a.answerChannel,
    applicationId: a.applicationId,
    assigneeId: a.assigneeId,
    assigneeName: a.assigneeName,
    stage: a.stage,
    stageTitle: definition.title,
    statusLabel: definition.status,
    status: a.status,
    whoActs: a.whoActs,
    deadlineAt: a.deadlineAt?.toISOString() ?? null,
    deadlineTerm: a.deadlineTerm,
    overdue: a.overdue,
    overdueSince: a.overdueSince?.toISOString() ?? null,
    registeredAt: a.registeredAt.toISOString(),
    answeredAt: a.answeredAt?.toISOString() ?? null,
    answeredLate: a.answeredLate,
    reopened: a.reopened,
    finishedAt: a.finishedAt?.toISOString() ?? null,
  };
}

export async function appealCase(services: ApiServices, appeal: Appeal) {
  const { db } = services;
  const [content, events, documents] = await Promise.all([
    db.AppealContent.findByPk(appeal.id),
    db.CaseEvent.findAll({ where: { caseId: appeal.id }, order: [['seq', 'ASC']] }),
    db.Document.findAll({ where: { caseId: appeal.id }, order: [['createdAt', 'ASC']] }),
  ]);
  return {
    summary: appealSummary(appeal),
    text: content?.text ?? '',
    contractNumber: content?.contractNumber ?? '',
    problemTime: content?.problemTime ?? '',
    events: events.map((e) => ({ seq: e.seq, type: e.type, stage: e.stage, title: e.title, actorName: e.actorName, actorRole: e.actorRole, comment: e.comment, at: e.at.toISOString(), data: e.data })),
    documents: documents.map((d) => ({ id: d.id, kind: d.kind, title: d.title, stage: d.stage, source: d.source, filename: d.filename, size: d.size, sha256: d.sha256, createdAt: d.createdAt.toISOString() })),
  };
}

export function appealApplicantActions(appeal: Appeal): AppealAction[] {
  return (Object.keys(APPEAL_APPLICANT_ACTIONS) as Array<keyof typeof APPEAL_APPLICANT_ACTIONS>).filter(
    (a) => (APPEAL_APPLICANT_ACTIONS[a].stages as readonly string[]).includes(appeal.stage) && !(a === 'disagree' && appeal.reopened),
  );
}

export function appealStaffActions(appeal: Appeal, user: UserRecord): AppealAction[] {
  return (Object.keys(APPEAL_STAFF_ACTIONS) as Array<keyof typeof APPEAL_STAFF_ACTIONS>).filter((a) => {
    const spec = APPEAL_STAFF_ACTIONS[a];
    if (!(spec.stages as readonly string[]).includes(appeal.stage)) return false;
    if (spec.by === 'supervisor') return user.role === 'admin';
    if (a === 'take') return true;
    return user.role === 'admin' || appeal.assigneeId === user.id;
  });
}

/** Order 186 Appendix 7: counts by topic, kind and channel; answered on time, late, not answered. */
export async function appealReport(services: ApiServices, from: string, to: string): Promise<AppealReportRow[]> {
  const rows = await services.db.sequelize.query<{ topic: string; kind: string; channel: string; total: string; on_time: string; late: string; not_answered: string }>(
    `SELECT topic, kind, channel, count(*) AS total,
            count(*) FILTER (WHERE answered_at IS NOT NULL AND answered_late = false) AS on_time,
            count(*) FILTER (WHERE answered_at IS NOT NULL AND answered_late = true) AS late,
            count(*) FILTER (WHERE answered_at IS NULL) AS not_answered
     FROM appeals
     WHERE registered_at >= ($1::date::timestamp AT TIME ZONE 'Europe/Moscow')
       AND registered_at < (($2::date + 1)::timestamp AT TIME ZONE 'Europe/Moscow')
     GROUP BY topic, kind, channel ORDER BY topic, kind, channel`,
    { bind: [from, to], type: QueryTypes.SELECT },
  );
  return rows.map((r) => ({ topic: r.topic, kind: r.kind, channel: r.channel, total: Number(r.total), onTime: Number(r.on_time), late: Number(r.late), notAnswered: Number(r.not_answered) }) as AppealReportRow);
}
