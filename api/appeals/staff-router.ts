// The staff side of appeals: the inbox with filters, the case, assignment,
// clarification and the answer, templates, and the Order 186 report.
import { TRPCError } from '@trpc/server';
import { Op, type WhereOptions } from 'sequelize';
import { z } from 'zod';
import { inPersonRegistrationSchema } from '../../domain/account';
import {
  ANSWER_TEMPLATES,
  APPEAL_CHANNELS,
  APPEAL_KINDS,
  APPEAL_STAFF_ACTIONS,
  APPEAL_STAGES,
  APPEAL_TOPICS,
  appealActionSchemas,
  appealFormSchema,
  appealReportCsv,
  type AppealStaffAction,
} from '../../domain/appeal';
import type { Appeal } from '../../db/models';
import { actorOf } from '../applications/service';
import { recordAccess } from '../audit/access-log';
import { appealCase, appealReport, appealStaffActions, appealSummary, attachmentIdsOf, fileAppeal, sendAppealAction } from './service';
import { roleProcedure, router } from '../trpc';

const readers = roleProcedure('staff', 'admin', 'auditor');
const actors = roleProcedure('staff', 'admin');
const staffAction = z.enum(Object.keys(APPEAL_STAFF_ACTIONS) as [AppealStaffAction, ...AppealStaffAction[]]);
const isoDate = z.iso.date('Дата в формате ГГГГ-ММ-ДД');

export const staffAppealsRouter = router({
  inbox: readers
    .input(
      z.object({
        topic: z.enum(APPEAL_TOPICS).optional(),
        kind: z.enum(APPEAL_KINDS).optional(),
        stage: z.enum(APPEAL_STAGES).optional(),
        status: z.enum(['open', 'answered', 'closed']).optional(),
        assignee: z.union([z.literal('me'), z.literal('none'), z.uuid()]).optional(),
        overdue: z.boolean().optional(),
        query: z.string().trim().max(100).optional(),
        limit: z.number().int().min(1).max(500).default(100),
      }),
    )
    .query(async ({ ctx, input }) => {
      const where: WhereOptions<Appeal>[] = [];
      if (input.topic) where.push({ topic: input.topic });
      if (input.kind) where.push({ kind: input.kind });
      if (input.stage) where.push({ stage: input.stage });
      if (input.status) where.push({ status: input.status });
      if (input.overdue !== undefined) where.push({ overdue: input.overdue });
      if (input.assignee === 'me') where.push({ assigneeId: ctx.user.id });
      else if (input.assignee === 'none') where.push({ assigneeId: null });
      else if (input.assignee) where.push({ assigneeId: input.assignee });
      if (input.query) {
        const like = `%${input.query}%`;
        where.push({ [Op.or]: [{ number: { [Op.iLike]: like } }, { applicantName: { [Op.iLike]: like } }] });
      }
      const rows = await ctx.db.Appeal.findAll({
        where: { [Op.and]: where },
        order: [['overdue', 'DESC'], [ctx.db.sequelize.literal('deadline_at IS NULL'), 'ASC'], ['deadlineAt', 'ASC'], ['registeredAt', 'DESC']],
        limit: input.limit,
      });
      return rows.map(appealSummary);
    }),

  get: readers.input(z.object({ id: z.uuid() })).query(async ({ ctx, input }) => {
    const appeal = await ctx.db.Appeal.findByPk(input.id);
    if (!appeal) throw new TRPCError({ code: 'NOT_FOUND', message: 'Обращение не найдено' });
    await recordAccess(ctx.db, { userId: ctx.user.id, role: ctx.user.role, action: 'view-case', caseId: appeal.id, caseNumber: appeal.number, detail: 'Карточка обращения с персональными данными заявителя' });
    const applicant = await ctx.db.User.findByPk(appeal.applicantId);
    return {
      ...(await appealCase(ctx, appeal)),
      applicant: applicant ? { email: applicant.email, phone: applicant.phone, postalAddress: applicant.postalAddress } : null,
      actions: ctx.user.role === 'auditor' ? [] : appealStaffActions(appeal, ctx.user),
      templates: ANSWER_TEMPLATES.filter((t) => t.topic === 'any' || t.topic === appeal.topic),
    };
  }),

  /** Who can be assigned: staff members and supervisors who are not blocked. */
  assignees: readers.query(async ({ ctx }) => {
    const users = await ctx.db.User.findAll({ where: { role: ['staff', 'admin'], blockedAt: null }, order: [['lastName', 'ASC']] });
    return users.map((u) => ({ id: u.id, name: actorOf(u).name, role: u.role }));
  }),

  act: actors.input(z.object({ id: z.uuid(), action: staffAction, input: z.unknown() })).mutation(async ({ ctx, input }) => {
    const appeal = await ctx.db.Appeal.findByPk(input.id);
    if (!appeal) throw new TRPCError({ code: 'NOT_FOUND', message: 'Обращение не найдено' });
    let raw = input.input ?? {};
    if (input.action === 'assign' && raw && typeof raw === 'object' && 'assigneeId' in raw) {
      // The name shown in history comes from the account, not from the client.
      const assignee = await ctx.db.User.findOne({ where: { id: String(raw.assigneeId), role: ['staff', 'admin'], blockedAt: null } });
      if (!assignee) throw new TRPCError({ code: 'BAD_REQUEST', message: 'Исполнитель не найден среди сотрудников' });
      raw = { ...raw, assigneeName: actorOf(assignee).name };
    }
    const parsed = appealActionSchemas[input.action].safeParse(raw);
    if (!parsed.success) throw new TRPCError({ code: 'BAD_REQUEST', message: parsed.error.issues[0]!.message, cause: parsed.error });
    const ids = attachmentIdsOf(parsed.data);
    if (ids.length) await ctx.db.Document.update({ caseId: appeal.id, stage: appeal.stage }, { where: { id: ids, ownerId: ctx.user.id, caseId: null } });
    return sendAppealAction(ctx, appeal.id, input.action, actorOf(ctx.user), parsed.data);
  }),

  /** An appeal received in writing or orally, registered by staff for an existing applicant. */
  register: actors
    .input(z.object({ id: z.uuid(), applicantEmail: inPersonRegistrationSchema.options[0].shape.email, channel: z.enum(APPEAL_CHANNELS), form: appealFormSchema }))
    .mutation(async ({ ctx, input }) => {
      const applicant = await ctx.db.User.findOne({ where: { email: input.applicantEmail, role: 'applicant' } });
      if (!applicant) throw new TRPCError({ code: 'BAD_REQUEST', message: 'Заявитель с таким адресом не зарегистрирован: сначала зарегистрируйте посетителя' });
      return fileAppeal(ctx, applicant, input.id, input.form, { channel: input.channel, registeredBy: ctx.user.id });
    }),

  report: readers.input(z.object({ from: isoDate, to: isoDate })).query(async ({ ctx, input }) => {
    if (input.from > input.to) throw new TRPCError({ code: 'BAD_REQUEST', message: 'Начало периода позже его конца' });
    const rows = await appealReport(ctx, input.from, input.to);
    return { period: input, rows, csv: appealReportCsv(input, rows) };
  }),
});
