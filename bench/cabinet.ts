// The cabinet's side of the benchmarks: applicants with real sessions (a real
// login over HTTP, real cookies), their attachments, filing applications
// through the API's own submit command, and the staff member who acts.
import { randomUUID } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { Op } from 'sequelize';
import { SESSION_COOKIE } from '../api/http/cookies';
import { appRouter } from '../api/router';
import { createCallerFactory } from '../api/trpc';
import { validateSessionToken } from '../auth/sessions';
import { hashPassword } from '../auth/password';
import { DEMO_ACCOUNTS } from '../db/seed-demo';
import type { Db } from '../db';
import type { User } from '../db/models';
import { apiClient, cookiesOf } from '../tests/support/api-client';
import { individualForm, upload } from '../tests/support/applications';
import { fakeSnils } from '../tests/support/fake-identifiers';
import type { BenchStack } from './stack';

export const BENCH_PASSWORD = 'Сосновый-бор-2026-рассвет';

export type Session = ReturnType<typeof apiClient>;

export interface Applicant {
  user: User;
  client: Session;
  /** The session cookie header, for the load generator's plain requests. */
  cookie: string;
  /** The same session's procedures in-process. */
  caller: Caller;
  /** The three attachments an individual's application needs, uploaded once over HTTP. */
  uploads: Array<{ id: string; kind: 'sitePlan' | 'titleDocument' | 'idCopy' }>;
}

/** Runs `task` over `items` with at most `limit` at a time, in order of start. */
export async function pool<T, R>(items: T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < items.length; i = next++) results[i] = await task(items[i]!, i);
  };
  await settled(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}

export function cookieOf(session: Session): string {
  return `${SESSION_COOKIE}=${cookiesOf(session).get(SESSION_COOKIE)}`;
}

const createCaller = createCallerFactory(appRouter);
export type Caller = ReturnType<typeof createCaller>;

/**
 * The API's procedures called in-process as this session (role checks, input
 * parsing, the procedures' own queries): everything but HTTP, which the read
 * benchmark measures on its own.
 */
export async function callerFor(stack: BenchStack, session: Session): Promise<Caller> {
  const valid = await validateSessionToken(stack.services.db, cookiesOf(session).get(SESSION_COOKIE) ?? '');
  if (!valid) throw new Error('the session is not valid');
  return createCaller({ ...stack.services, session: valid, ip: '127.0.0.1', userAgent: 'kabinet-bench', setSessionCookie() {}, clearSessionCookie() {} });
}

export async function logIn(stack: BenchStack, email: string, password: string): Promise<Session> {
  const client = apiClient({ appUrl: stack.appUrl });
  await client.auth.login.mutate({ email, password });
  return client;
}

/**
 * `count` applicants, created once per run and shared by the benchmarks:
 * accounts are inserted directly (registration by e-mail is not what is
 * measured), everything after that goes through the cabinet.
 */
export async function applicants(stack: BenchStack, count: number): Promise<Applicant[]> {
  const have = (stack.shared.get('applicants') as Applicant[] | undefined) ?? [];
  if (have.length >= count) return have.slice(0, count);
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const { User } = stack.services.db;
  const users = await User.bulkCreate(
    Array.from({ length: count - have.length }, (_, i) => ({
      id: randomUUID(),
      email: `bench-${have.length + i}-${Date.now().toString(36)}@example.ru`,
      role: 'applicant' as const,
      kind: 'individual' as const,
      lastName: 'Нагрузкин',
      firstName: 'Тест',
      middleName: 'Иванович',
      orgName: null,
      snils: fakeSnils(),
      inn: null,
      kpp: null,
      ogrn: null,
      ogrnip: null,
      passwordHash,
      mustChangePassword: false,
      passwordChangedAt: new Date(),
      consentAt: new Date(),
      consentVersion: 'bench',
      registeredBy: null,
    })),
  );
  const added = await pool(users, 4, async (user) => {
    const client = await logIn(stack, user.email, BENCH_PASSWORD);
    const uploads = [];
    for (const kind of ['sitePlan', 'titleDocument', 'idCopy'] as const) uploads.push({ id: (await upload(client, kind)).id, kind });
    return { user, client, cookie: cookieOf(client), caller: await callerFor(stack, client), uploads };
  });
  const all = [...have, ...added];
  stack.shared.set('applicants', all);
  return all;
}

/**
 * Attachments for `count` more applications of an applicant: copies of the
 * rows its uploads made (the store is content-addressed, so uploading the
 * same bytes again would give the same rows but new ids).
 */
export async function attachmentsFor(stack: BenchStack, applicant: Applicant, count: number): Promise<Array<Array<{ id: string; kind: Applicant['uploads'][number]['kind'] }>>> {
  const { Document } = stack.services.db;
  const originals = await Document.findAll({ where: { id: applicant.uploads.map((u) => u.id) } });
  const sets = Array.from({ length: count }, () => originals.map((o) => ({ ...o.get(), id: randomUUID(), caseId: null, createdAt: new Date() })));
  await Document.bulkCreate(sets.flat());
  return sets.map((set) => set.map((d) => ({ id: d.id, kind: d.kind as Applicant['uploads'][number]['kind'] })));
}

/**
 * Files an application through the API's submit procedure; it answers once
 * the case is in the completeness check. On an overloaded machine it may
 * answer "accepted, processing is late" instead (the case is filed all the
 * same): then we wait for the read model ourselves and say so.
 */
export async function fileApplication(applicant: Applicant, attachments: Array<{ id: string; kind: Applicant['uploads'][number]['kind'] }>, db: Db): Promise<{ id: string; late: boolean }> {
  const draftId = randomUUID();
  try {
    const { id } = await applicant.caller.applications.submit({ draftId, form: individualForm({ attachments }) });
    return { id, late: false };
  } catch (error) {
    if (!(error instanceof TRPCError && error.code === 'TIMEOUT')) throw error;
    while (!(await db.Application.count({ where: { id: draftId, stage: { [Op.ne]: 'registered' } } }))) await new Promise((r) => setTimeout(r, 250));
    return { id: draftId, late: true };
  }
}

/** Like Promise.all, but every task has ended before the first failure is thrown (nothing runs on after the stack stops). */
export async function settled<T>(tasks: Array<Promise<T>>): Promise<T[]> {
  const results = await Promise.allSettled(tasks);
  const failure = results.find((r) => r.status === 'rejected');
  if (failure) throw failure.reason;
  return results.map((r) => (r as PromiseFulfilledResult<T>).value);
}

export const STAFF_ACCOUNT = DEMO_ACCOUNTS.find((a) => a.role === 'staff')!;

/** The demo operator, logged in: over HTTP and in-process. */
export async function staffMember(stack: BenchStack): Promise<{ client: Session; caller: Caller }> {
  const cached = stack.shared.get('staff') as { client: Session; caller: Caller } | undefined;
  if (cached) return cached;
  const client = await logIn(stack, STAFF_ACCOUNT.email, STAFF_ACCOUNT.password);
  const staff = { client, caller: await callerFor(stack, client) };
  stack.shared.set('staff', staff);
  return staff;
}
