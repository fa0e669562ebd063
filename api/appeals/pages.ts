// What the appeal procedures answer and do beyond filing: the case page for the
// applicant and for staff, the inbox, actions with their attachments, staff
// registration of a paper appeal, and the Order 186 report. Each is the one call
// of its procedure; reads come from db/read-models/appeals.ts.
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { ANSWER_TEMPLATES, APPEAL_CHANNELS, APPEAL_KINDS, APPEAL_STAGES, APPEAL_TOPICS, appealActionSchemas, appealFormSchema, type AppealAction } from '../../domain/appeal';
import { appealReportCsv } from '../../domain/appeal-report';
import { inPersonRegistrationSchema } from '../../domain/account';
import { MAX_PAGE_SIZE, PAGE_SIZE } from '../../domain/lists';
import { inGroup, ROLE_GROUPS } from '../../domain/roles';
import type { UserRecord } from '../../db/models';
import { appealCase, appealInboxPage, appealReport } from '../../db/read-models/appeals';
import { canActForApplicant } from '../../domain/case-access';
import { actorOf, caseActorOf } from '../applications/service';
import { recordAccess } from '../audit/access-log';
import type { ApiServices } from '../context';
import { appealApplicantActions, appealStaffActions } from './actions';
import { attachmentIdsOf, fileAppeal, sendAppealAction } from './service';

type Caller = ApiServices & { user: UserRecord };

const notFound = () => new TRPCError({ code: 'NOT_FOUND', message: 'Обращение не найдено' });
const isoDate = z.iso.date('Дата в формате ГГГГ-ММ-ДД');

export const appealInboxInputSchema = z.object({
  topic: z.enum(APPEAL_TOPICS).optional(),
  kind: z.enum(APPEAL_KINDS).optional(),
  stage: z.enum(APPEAL_STAGES).optional(),
  status: z.enum(['open', 'answered', 'closed']).optional(),
  assignee: z.union([z.literal('me'), z.literal('none'), z.uuid()]).optional(),
  overdue: z.boolean().optional(),
  query: z.string().trim().max(100).optional(),
  cursor: z.string().max(300, 'Неверная позиция в списке: обновите страницу').optional(),
  limit: z.number().int().min(1).max(MAX_PAGE_SIZE).default(PAGE_SIZE),
});

export const staffRegistrationInputSchema = z.object({
  id: z.uuid(),
  applicantEmail: inPersonRegistrationSchema.options[0].shape.email,
  channel: z.enum(APPEAL_CHANNELS),
  form: appealFormSchema,
});

export const reportPeriodSchema = z.object({ from: isoDate, to: isoDate });

/** «Обращения» for staff: one keyset page; «me» and «none» name the caller and nobody. */
export function appealInbox(ctx: Caller, input: z.output<typeof appealInboxInputSchema>) {
  const { assignee, ...filter } = input;
  const assigneeId = assignee === 'me' ? ctx.user.id : assignee === 'none' ? null : assignee;
  return appealInboxPage(ctx.db, { ...filter, ...(assignee ? { assigneeId } : {}) });
}

/** The applicant's own appeal with the actions open to them now. */
export async function applicantAppealPage(ctx: Caller, id: string) {
  const view = await appealCase(ctx.db, id, ctx.user);
  if (!view) throw notFound();
  return { ...view, actions: appealApplicantActions(view.summary) };
}

/** Any appeal for staff and auditors: the reading is recorded first, since the page carries the applicant's personal data. */
export async function staffAppealPage(ctx: Caller, id: string) {
  const view = await appealCase(ctx.db, id, null);
  if (!view) throw notFound();
  const { summary } = view;
  await recordAccess(ctx.db, { userId: ctx.user.id, role: ctx.user.role, action: 'view-case', caseId: summary.id, caseNumber: summary.number, detail: 'Карточка обращения с персональными данными заявителя' });
  const applicant = await ctx.db.User.findByPk(summary.applicantId);
  return {
    ...view,
    applicant: applicant ? { email: applicant.email, phone: applicant.phone, postalAddress: applicant.postalAddress } : null,
    actions: appealStaffActions(summary, ctx.user),
    templates: ANSWER_TEMPLATES.filter((t) => t.topic === 'any' || t.topic === summary.topic),
  };
}

/** Who can be assigned: staff members and supervisors who are not blocked. */
export async function assignableStaff(ctx: ApiServices) {
  const users = await ctx.db.User.findAll({ where: { role: [...ROLE_GROUPS.staff], blockedAt: null }, order: [['lastName', 'ASC']] });
  return users.map((u) => ({ id: u.id, name: actorOf(u).name, role: u.role }));
}

/**
 * Sends an applicant's or a staff member's action: the appeal must be one the caller may act on
 * (the applicant's own), its input valid for the action; the files it carries join the case.
 */
export async function actOnAppeal(ctx: Caller, input: { id: string; action: AppealAction; input: unknown }) {
  const own = inGroup(ctx.user.role, 'applicants');
  const appeal = await ctx.db.Appeal.findByPk(input.id);
  if (!appeal || (own && !canActForApplicant(ctx.user, appeal))) throw notFound();
  let raw = input.input ?? {};
  if (input.action === 'assign' && raw && typeof raw === 'object' && 'assigneeId' in raw) {
    // The name shown in history comes from the account, not from the client.
    const assignee = await ctx.db.User.findOne({ where: { id: String(raw.assigneeId), role: [...ROLE_GROUPS.staff], blockedAt: null } });
    if (!assignee) throw new TRPCError({ code: 'BAD_REQUEST', message: 'Исполнитель не найден среди сотрудников' });
    raw = { ...raw, assigneeName: actorOf(assignee).name };
  }
  const parsed = appealActionSchemas[input.action].safeParse(raw);
  if (!parsed.success) throw new TRPCError({ code: 'BAD_REQUEST', message: parsed.error.issues[0]!.message, cause: parsed.error });
  const ids = attachmentIdsOf(parsed.data);
  if (ids.length) await ctx.db.Document.update({ caseId: appeal.id, stage: appeal.stage }, { where: { id: ids, ownerId: ctx.user.id, caseId: null } });
  return sendAppealAction(ctx, appeal.id, input.action, caseActorOf(ctx.user, appeal), parsed.data);
}

/** An appeal received in writing or orally, registered by staff for an existing applicant. */
export async function registerAppealOnBehalf(ctx: Caller, input: z.output<typeof staffRegistrationInputSchema>) {
  const applicant = await ctx.db.User.findOne({ where: { email: input.applicantEmail, role: 'applicant' } });
  if (!applicant) throw new TRPCError({ code: 'BAD_REQUEST', message: 'Заявитель с таким адресом не зарегистрирован: сначала зарегистрируйте посетителя' });
  return fileAppeal(ctx, applicant, input.id, input.form, { channel: input.channel, registeredBy: ctx.user.id });
}

/** Order 186 Appendix 7 for a period, with its CSV. */
export async function appealReportFor(ctx: ApiServices, period: z.output<typeof reportPeriodSchema>) {
  if (period.from > period.to) throw new TRPCError({ code: 'BAD_REQUEST', message: 'Начало периода позже его конца' });
  const rows = await appealReport(ctx.db, period.from, period.to);
  return { period, rows, csv: appealReportCsv(period, rows) };
}
