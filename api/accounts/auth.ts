// Logging in and out, registration and recovery by e-mail, and password changes:
// the one call of each auth procedure (api/accounts/auth-router.ts). Throttled per
// account and per address (auth/throttle.ts); tokens rotate on every login and
// password change (auth/sessions.ts).
import { TRPCError } from '@trpc/server';
import type { loginSchema, Registration } from '../../domain/account';
import type { z } from 'zod';
import { decoyPasswordHash, hashPassword, passwordWeakness, verifyPassword } from '../../auth/password';
import { createSession, invalidateSession, invalidateUserSessions } from '../../auth/sessions';
import { clearHits, lockedUntil, recordHit } from '../../auth/throttle';
import type { UserRecord } from '../../db/models';
import { publicUser, registerApplicant, startCredentialsMail } from './service';
import type { Context } from '../context';

const timeFormat = new Intl.DateTimeFormat('ru-RU', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Moscow' });

function tooManyAttempts(until: Date, what = 'попыток входа'): TRPCError {
  return new TRPCError({ code: 'TOO_MANY_REQUESTS', message: `Слишком много ${what}. Повторите после ${timeFormat.format(until)} (мск)` });
}

/** Per e-mail first (the mailbox a bomber aims at), then the address's generous ceiling (auth/throttle.ts). */
async function throttleMailRequest(ctx: Context, action: string, email: string) {
  const limits = [
    { key: `${action}:account:${email}`, rule: ctx.throttle.mailRequest },
    { key: `${action}:ip:${ctx.ip}`, rule: ctx.throttle.mailRequestIp },
  ];
  for (const { key, rule } of limits) {
    const until = (await lockedUntil(ctx.db.sequelize, key)) ?? (await recordHit(ctx.db.sequelize, key, rule));
    if (until) throw tooManyAttempts(until, 'запросов');
  }
}

async function startSession(ctx: Context, user: UserRecord) {
  // Rotation: a login or password change always issues a fresh token.
  if (ctx.session) await invalidateSession(ctx.db, ctx.session.id);
  const { token, expiresAt } = await createSession(ctx.db, user.id, { ip: ctx.ip, userAgent: ctx.userAgent });
  ctx.setSessionCookie(token, expiresAt);
}

const REGISTRATION_ANSWER = 'Заявка на регистрацию принята. Логин и пароль отправлены на указанный адрес электронной почты; если письма нет, проверьте папку «Спам».';
const RECOVERY_ANSWER = 'Если этот адрес зарегистрирован в личном кабинете, на него отправлен временный пароль. Он действует 60 минут.';

type SessionCaller = Context & { session: NonNullable<Context['session']>; user: UserRecord };

export async function register(ctx: Context, input: Registration) {
  await throttleMailRequest(ctx, 'register', input.email);
  await registerApplicant(ctx, input, { registeredBy: null, consentOnPaper: false });
  return { message: REGISTRATION_ANSWER, email: input.email };
}

export async function logIn(ctx: Context, input: z.output<typeof loginSchema>) {
  const ipKey = `login:ip:${ctx.ip}`;
  const accountKey = `login:account:${input.email}`;
  for (const key of [accountKey, ipKey]) {
    const until = await lockedUntil(ctx.db.sequelize, key);
    if (until) throw tooManyAttempts(until);
  }
  const user = await ctx.db.User.findOne({ where: { email: input.email } });
  if (!user) await verifyPassword(await decoyPasswordHash(), input.password);
  const byPassword = Boolean(user) && (await verifyPassword(user!.passwordHash, input.password));
  const byTemporary =
    !byPassword && Boolean(user?.tempPasswordExpiresAt && user.tempPasswordExpiresAt.getTime() > Date.now()) && (await verifyPassword(user!.tempPasswordHash, input.password));
  if (!user || (!byPassword && !byTemporary)) {
    const until = (await recordHit(ctx.db.sequelize, accountKey, ctx.throttle.account)) ?? (await recordHit(ctx.db.sequelize, ipKey, ctx.throttle.ip));
    if (until) throw tooManyAttempts(until);
    throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Неверный адрес электронной почты или пароль' });
  }
  if (user.blockedAt) throw new TRPCError({ code: 'FORBIDDEN', message: 'Учётная запись заблокирована. Обратитесь в сетевую организацию' });
  await clearHits(ctx.db.sequelize, accountKey);
  if (byTemporary) {
    // The recovery password becomes the current one, good for this login only until changed.
    await user.update({ passwordHash: user.tempPasswordHash, tempPasswordHash: null, tempPasswordExpiresAt: null, mustChangePassword: true });
  }
  await startSession(ctx, user);
  return publicUser(user);
}

export async function logOut(ctx: SessionCaller) {
  await invalidateSession(ctx.db, ctx.session.id);
  ctx.clearSessionCookie();
  return { ok: true };
}

export async function logOutEverywhere(ctx: SessionCaller) {
  const ended = await invalidateUserSessions(ctx.db, ctx.user.id);
  ctx.clearSessionCookie();
  return { ended };
}

export async function forgotPassword(ctx: Context, email: string) {
  await throttleMailRequest(ctx, 'recovery', email);
  const user = await ctx.db.User.findOne({ where: { email } });
  if (user && !user.blockedAt) await startCredentialsMail(ctx, { userId: user.id, reason: 'recovery' });
  return { message: RECOVERY_ANSWER };
}

/** Forced change after logging in with an e-mailed password. */
export async function setInitialPassword(ctx: SessionCaller, newPassword: string) {
  if (!ctx.user.mustChangePassword) throw new TRPCError({ code: 'BAD_REQUEST', message: 'Пароль уже задан: смените его в профиле, указав текущий' });
  return setPassword(ctx, ctx.user, newPassword);
}

export async function changePassword(ctx: SessionCaller, input: { currentPassword: string; newPassword: string }) {
  if (!(await verifyPassword(ctx.user.passwordHash, input.currentPassword))) {
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'Текущий пароль указан неверно', cause: fieldError('currentPassword', 'Текущий пароль указан неверно') });
  }
  return setPassword(ctx, ctx.user, input.newPassword);
}

function fieldError(field: string, message: string) {
  return Object.assign(new Error(message), { field });
}

async function setPassword(ctx: Context, user: UserRecord, newPassword: string) {
  const weakness = passwordWeakness(newPassword, [user.email, user.lastName, user.firstName, user.email.split('@')[0] ?? '']);
  if (weakness) throw new TRPCError({ code: 'BAD_REQUEST', message: weakness, cause: fieldError('newPassword', weakness) });
  const changes = { passwordHash: await hashPassword(newPassword), mustChangePassword: false, passwordChangedAt: new Date(), tempPasswordHash: null, tempPasswordExpiresAt: null };
  await ctx.db.User.update(changes, { where: { id: user.id } });
  // A new password ends every session, this one included; the caller gets a fresh one.
  await invalidateUserSessions(ctx.db, user.id);
  const { token, expiresAt } = await createSession(ctx.db, user.id, { ip: ctx.ip, userAgent: ctx.userAgent });
  ctx.setSessionCookie(token, expiresAt);
  return publicUser({ ...user, ...changes });
}
