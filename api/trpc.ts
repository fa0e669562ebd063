// The one place that owns initTRPC and the procedure builders:
// public, session (any logged-in user), authed (password already changed) and by
// role group (domain/roles.ts, the table the raw HTTP routes and the web use too).
import { initTRPC, TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import { inGroup, type RoleGroup } from '../domain/roles';
import type { Context } from './context';
import { isServiceUnavailable, serviceUnavailable } from './http/unavailable';
import { unstorableTextPath } from './http/storable-text';
import { InvalidCursorError } from '../db/read-models/keyset';

/**
 * Messages by field path ('passport.series'); the wrapper key of a procedure
 * whose input carries the form ({ draftId, form }) is dropped, so the paths
 * match the form's own fields.
 */
function nestedFieldErrors(error: ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String);
    const key = (path[0] === 'form' || path[0] === 'input') && path.length > 1 ? path.slice(1).join('.') : path.join('.');
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** A Russian sentence for input the schema rejected: tRPC's own message is zod's JSON dump of the issues, regular expressions included. */
function inputMessage(error: ZodError): string {
  const [first, ...rest] = error.issues;
  if (!first) return 'Проверьте правильность заполнения полей';
  return rest.length ? `Проверьте правильность заполнения полей. ${first.message}` : first.message;
}

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    const fieldErrors =
      cause instanceof ZodError
        ? nestedFieldErrors(cause)
        : cause && 'field' in cause && typeof cause.field === 'string'
          ? { [cause.field]: [error.message] }
          : cause && 'fieldErrors' in cause
            ? (cause.fieldErrors as Record<string, string[]>)
            : undefined;
    // Internal failures are logged on the server; the client gets no details of them.
    const message =
      error.code === 'INTERNAL_SERVER_ERROR'
        ? 'Внутренняя ошибка сервиса. Попробуйте ещё раз через несколько минут'
        : cause instanceof ZodError && error.message === cause.message
          ? inputMessage(cause)
          : cause instanceof SyntaxError && error.message === cause.message
            ? 'Запрос не разобран: данные должны быть в формате JSON'
            : shape.message;
    return { ...shape, message, data: { ...shape.data, stack: undefined, fieldErrors } };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * Every procedure: a database or Temporal that is down answers 503 with a message to retry, not a 500;
 * text PostgreSQL cannot store and a list cursor that is not ours are refused with 400. One middleware per builder: tRPC copies its
 * options at every level, which showed in the CPU of each page view (bench «read»).
 */
export const publicProcedure = t.procedure.use(async ({ getRawInput, next }) => {
  // Like malformed JSON, refused before the session is looked at: the answer depends on the text alone.
  const path = unstorableTextPath(await getRawInput());
  if (path !== null) {
    const field = path.replace(/^(form|input)\./, '');
    const message = 'Текст содержит недопустимый символ (например, нулевой байт): удалите его и повторите';
    throw new TRPCError({ code: 'BAD_REQUEST', message, cause: Object.assign(new Error(message), { field }) });
  }
  const result = await next();
  if (!result.ok && result.error.code === 'INTERNAL_SERVER_ERROR') {
    if (isServiceUnavailable(result.error)) throw serviceUnavailable(result.error.cause);
    if (result.error.cause instanceof InvalidCursorError) throw new TRPCError({ code: 'BAD_REQUEST', message: result.error.cause.message });
  }
  return result;
});

/**
 * The caller must be logged in; unless `temporaryPassword`, with the temporary password already changed;
 * with `group`, in that role group. Roles are checked on the server for every procedure; the UI only hides what would be refused.
 */
function requireUser(opts: { temporaryPassword?: boolean; group?: RoleGroup }) {
  return publicProcedure.use(({ ctx, next }) => {
    const { session } = ctx;
    if (!session) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Войдите в личный кабинет' });
    if (!opts.temporaryPassword && session.user.mustChangePassword) {
      throw new TRPCError({ code: 'FORBIDDEN', message: 'Сначала смените временный пароль', cause: new Error('PASSWORD_CHANGE_REQUIRED') });
    }
    if (opts.group && !inGroup(session.user.role, opts.group)) throw new TRPCError({ code: 'FORBIDDEN', message: 'Недостаточно прав для этого действия' });
    return next({ ctx: { session, user: session.user } });
  });
}

/** Logged in, even with a temporary password that still has to be changed. */
export const sessionProcedure = requireUser({ temporaryPassword: true });

export const authedProcedure = requireUser({});

/** Logged in, password changed, and in the role group: the guard of every procedure that is not for everyone. */
export function groupProcedure(group: RoleGroup) {
  return requireUser({ group });
}
