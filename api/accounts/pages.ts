// What the admin, profile and staff-registration procedures answer and do: the
// account list, staff accounts, blocking, the user's own profile, and a visitor
// registered at the office. Each is the one call of its procedure.
import { TRPCError } from '@trpc/server';
import { Op, type WhereOptions } from 'sequelize';
import { z } from 'zod';
import { ROLES, type InPersonRegistration, type profileUpdateSchema, type staffAccountSchema } from '../../domain/account';
import { invalidateUserSessions } from '../../auth/sessions';
import type { User, UserRecord } from '../../db/models';
import type { ApiServices } from '../context';
import { createStaffAccount, publicUser, registerApplicant } from './service';

type Caller = ApiServices & { user: UserRecord };

export const userListInputSchema = z.object({ role: z.enum(ROLES).optional(), query: z.string().trim().max(100).optional(), limit: z.number().int().min(1).max(200).default(50) });
export const blockInputSchema = z.object({ userId: z.uuid(), blocked: z.boolean() });

export async function listUsers(ctx: ApiServices, input: z.output<typeof userListInputSchema>) {
  const where: WhereOptions<User> = {};
  if (input.role) Object.assign(where, { role: input.role });
  if (input.query) {
    const like = `%${input.query}%`;
    Object.assign(where, { [Op.or]: [{ email: { [Op.iLike]: like } }, { lastName: { [Op.iLike]: like } }, { orgName: { [Op.iLike]: like } }] });
  }
  const users = await ctx.db.User.findAll({ where, order: [['createdAt', 'DESC']], limit: input.limit });
  return users.map(publicUser);
}

export async function newStaffAccount(ctx: Caller, input: z.output<typeof staffAccountSchema>) {
  const outcome = await createStaffAccount(ctx, input, ctx.user.id);
  if (outcome.status === 'exists') throw new TRPCError({ code: 'CONFLICT', message: 'Учётная запись с этим адресом уже есть' });
  return outcome;
}

/** Blocking ends the account's sessions at once; an admin cannot block themself. */
export async function setBlocked(ctx: Caller, input: z.output<typeof blockInputSchema>) {
  if (input.userId === ctx.user.id) throw new TRPCError({ code: 'BAD_REQUEST', message: 'Нельзя заблокировать собственную учётную запись' });
  const user = await ctx.db.User.findByPk(input.userId);
  if (!user) throw new TRPCError({ code: 'NOT_FOUND', message: 'Учётная запись не найдена' });
  await user.update(input.blocked ? { blockedAt: new Date(), blockedBy: ctx.user.id } : { blockedAt: null, blockedBy: null });
  if (input.blocked) await invalidateUserSessions(ctx.db, user.id);
  return publicUser(user);
}

export function profileOf(user: UserRecord) {
  return { ...publicUser(user), consentAt: user.consentAt?.toISOString() ?? null, consentVersion: user.consentVersion };
}

export async function updateProfile(ctx: Caller, input: z.output<typeof profileUpdateSchema>) {
  await ctx.db.User.update(input, { where: { id: ctx.user.id } });
  return publicUser({ ...ctx.user, ...input });
}

/** A visitor registered at the office: same checks, the record keeps who registered them. */
export async function registerVisitor(ctx: Caller, input: InPersonRegistration) {
  const { consentOnPaper: _signed, ...identity } = input;
  const outcome = await registerApplicant(ctx, identity, { registeredBy: ctx.user.id, consentOnPaper: true });
  return outcome.status === 'created'
    ? { ...outcome, message: `Заявитель зарегистрирован, логин и пароль отправлены на ${input.email}` }
    : { ...outcome, message: 'Учётная запись с этим адресом или этими реквизитами уже есть. Предложите посетителю восстановить пароль' };
}
