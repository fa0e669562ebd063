// A component the API stands on is down for a while (PostgreSQL restarting,
// Temporal unreachable): the caller gets 503 with a message to try again,
// never a 500 that reads as a defect. Nothing was written: the request failed
// before or at the first statement, and every command is safe to repeat.
import { TRPCError } from '@trpc/server';
import { ConnectionError, DatabaseError } from 'sequelize';

export const SERVICE_UNAVAILABLE_MESSAGE = 'Сервис временно недоступен: идут восстановительные работы. Повторите действие через минуту — уже поданные заявки и обращения сохранены';

/** PostgreSQL's "operator intervention" (57P..) and "connection exception" (08...) classes, and sockets refused or cut. */
const UNAVAILABLE_PG_CODE = /^(57P0[1-3]|08\d{3})$/;
const UNAVAILABLE_SOCKET = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH']);
/** gRPC UNAVAILABLE: the Temporal frontend cannot be reached. */
const GRPC_UNAVAILABLE = 14;

function isUnavailableCause(error: unknown): boolean {
  if (error instanceof ConnectionError) return true;
  if (!error || typeof error !== 'object') return false;
  const { code } = error as { code?: unknown };
  if (typeof code === 'string' && (UNAVAILABLE_PG_CODE.test(code) || UNAVAILABLE_SOCKET.has(code))) return true;
  if (code === GRPC_UNAVAILABLE) return true;
  // node-postgres reports a server that went away mid-query only by this message.
  return error instanceof Error && /Connection terminated|connection to server .* was lost/i.test(error.message);
}

/** Whether an error (or anything in its cause chain) says a backing service is unreachable right now. */
export function isServiceUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  for (let current = error; current && typeof current === 'object' && !seen.has(current); ) {
    seen.add(current);
    if (isUnavailableCause(current)) return true;
    const next = current as { cause?: unknown; parent?: unknown; original?: unknown };
    current = current instanceof DatabaseError ? next.parent : (next.cause ?? next.original);
  }
  return false;
}

export function serviceUnavailable(cause: unknown): TRPCError {
  return new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: SERVICE_UNAVAILABLE_MESSAGE, cause });
}
