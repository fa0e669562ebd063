// The one tRPC client of the cabinet. The session lives in an HttpOnly cookie
// and CSRF is checked by Origin, so requests carry nothing of ours but data.
import { createTRPCClient, httpBatchLink, isTRPCClientError, type TRPCLink } from '@trpc/client';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { observable } from '@trpc/server/observable';
import type { AppRouter } from '../../api/router';

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
export type PublicUser = NonNullable<RouterOutputs['auth']['me']>;

let onSessionLost: (() => void) | undefined;

/** Called when the server says the session is gone or no longer allowed (expired, ended elsewhere, blocked). */
export function setSessionLostHandler(handler: () => void): void {
  onSessionLost = handler;
}

// A wrong password also answers UNAUTHORIZED: that is not a lost session.
const SESSION_NEUTRAL_PATHS = new Set(['auth.login', 'auth.me']);

const sessionWatchLink: TRPCLink<AppRouter> = () => ({ op, next }) =>
  observable((observer) =>
    next(op).subscribe({
      next: (value) => observer.next(value),
      error: (error) => {
        const code = error.data?.code;
        if ((code === 'UNAUTHORIZED' || code === 'FORBIDDEN') && !SESSION_NEUTRAL_PATHS.has(op.path)) onSessionLost?.();
        observer.error(error);
      },
      complete: () => observer.complete(),
    }),
  );

// Not the stream link: login and logout set cookies, which need ordinary responses.
export const trpc = createTRPCClient<AppRouter>({
  links: [sessionWatchLink, httpBatchLink({ url: '/trpc' })],
});

export interface ApiProblem {
  code: string | null;
  /** A Russian sentence fit to show the user. */
  message: string;
  /** Field name → messages, from the server's zod check or a field-specific refusal. */
  fieldErrors: Record<string, string[]>;
}

const NETWORK_MESSAGE = 'Не удалось связаться с сервером. Проверьте подключение к интернету и повторите попытку.';
const SERVER_MESSAGE = 'Сервис временно недоступен. Повторите попытку через несколько минут.';
const INVALID_MESSAGE = 'Проверьте правильность заполнения полей.';

function normaliseFieldErrors(raw: unknown): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  if (!raw || typeof raw !== 'object') return out;
  for (const [field, messages] of Object.entries(raw)) {
    if (Array.isArray(messages)) {
      const texts = messages.filter((m): m is string => typeof m === 'string');
      if (texts.length) out[field] = texts;
    }
  }
  return out;
}

export function describeApiError(error: unknown): ApiProblem {
  if (!isTRPCClientError<AppRouter>(error) || !error.data) {
    // No tRPC error shape: the request did not reach the API, or something else answered.
    return { code: null, message: NETWORK_MESSAGE, fieldErrors: {} };
  }
  const { code } = error.data;
  const fieldErrors = normaliseFieldErrors(error.data.fieldErrors);
  if (code === 'INTERNAL_SERVER_ERROR') return { code, message: SERVER_MESSAGE, fieldErrors };
  // A zod failure's own message is the JSON of its issues, not a sentence.
  const looksLikeJson = /^\s*[[{]/.test(error.message);
  return { code, message: looksLikeJson ? INVALID_MESSAGE : error.message, fieldErrors };
}
