// Which failures the API answers with 503 «Сервис временно недоступен» instead of 500.
import { describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { ConnectionRefusedError, DatabaseError, UniqueConstraintError, ValidationError } from 'sequelize';
import { isServiceUnavailable } from '../../api/http/unavailable';

const pgError = (code: string, message = 'pg') => Object.assign(new Error(message), { code, sql: 'SELECT 1', parameters: [] });

describe('isServiceUnavailable', () => {
  it('recognises a database that refuses, cuts or is shutting down connections, wrapped or not', () => {
    expect(isServiceUnavailable(new ConnectionRefusedError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5443'), { code: 'ECONNREFUSED' })))).toBe(true);
    expect(isServiceUnavailable(new DatabaseError(pgError('57P01', 'terminating connection due to administrator command') as never))).toBe(true);
    expect(isServiceUnavailable(new DatabaseError(pgError('08006') as never))).toBe(true);
    expect(isServiceUnavailable(new DatabaseError(Object.assign(new Error('Connection terminated unexpectedly'), { sql: '', parameters: [] }) as never))).toBe(true);
    const wrapped = new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause: new DatabaseError(pgError('57P03', 'the database system is starting up') as never) });
    expect(isServiceUnavailable(wrapped)).toBe(true);
  });

  it('recognises Temporal out of reach (gRPC UNAVAILABLE)', () => {
    expect(isServiceUnavailable(Object.assign(new Error('ServiceError'), { cause: Object.assign(new Error('14 UNAVAILABLE: No connection established'), { code: 14 }) }))).toBe(true);
  });

  it('leaves real defects and refusals alone', () => {
    expect(isServiceUnavailable(new Error('boom'))).toBe(false);
    expect(isServiceUnavailable(new DatabaseError(pgError('42P01', 'relation "x" does not exist') as never))).toBe(false);
    expect(isServiceUnavailable(new UniqueConstraintError({}))).toBe(false);
    expect(isServiceUnavailable(new ValidationError('invalid', []))).toBe(false);
    expect(isServiceUnavailable(undefined)).toBe(false);
    const cyclic: { cause?: unknown } = {};
    cyclic.cause = cyclic;
    expect(isServiceUnavailable(cyclic)).toBe(false);
  });
});
