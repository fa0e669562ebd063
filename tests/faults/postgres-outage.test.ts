// Fault 3: PostgreSQL (the read models, sessions, outbox) goes down for 30 s
// while cases move, and comes back on the same data folder. Meanwhile the
// activities that write to it fail and are retried by Temporal, and the API
// answers every read and write with 503 and a clear Russian message — never
// a 500. Afterwards each case's read model converges to its workflow's state
// and nothing is lost or written twice.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryTypes } from 'sequelize';
import { appealWorkflowId } from '../../api/appeals/service';
import { SERVICE_UNAVAILABLE_MESSAGE } from '../../api/http/unavailable';
import { DEMO_ACCOUNTS } from '../../db/seed-demo';
import { apiClient, failure } from '../support/api-client';
import { BATCH_TERMS, expectNothingLost, settleBatch, startBatch, survived } from './support/batch';
import { startFaultStack, tunable, type FaultStack } from './support/fault-stack';
import { recordFault } from './support/outcome';

const APPLICATIONS = tunable('POSTGRES_APPLICATIONS', 6);
const APPEALS = tunable('POSTGRES_APPEALS', 3);
const DOWN_MS = tunable('POSTGRES_DOWN_MS', 30_000);

let stack: FaultStack;
beforeAll(async () => {
  stack = await startFaultStack('postgres-outage', { terms: BATCH_TERMS });
});
afterAll(async () => {
  await stack?.stop();
});

/** What the API answered a probe: its HTTP status and message. */
type Answer = { status: number; message: string };

async function answerOf(call: Promise<unknown>): Promise<Answer> {
  const f = await failure(call).catch((error: unknown) => ({ httpStatus: 0, message: error instanceof Error ? error.message : String(error) }));
  return { status: f.httpStatus ?? 0, message: f.message };
}

describe('PostgreSQL down for 30 s under moving cases', () => {
  it('answers 503 with a clear message meanwhile, retries the activities, and converges afterwards', async () => {
    const started = Date.now();
    const staffAccount = DEMO_ACCOUNTS.find((a) => a.role === 'staff')!;
    const staff = apiClient({ appUrl: stack.appUrl });
    await staff.auth.login.mutate({ email: staffAccount.email, password: staffAccount.password });
    const batch = await startBatch(stack, { applications: APPLICATIONS, appeals: APPEALS, deadlineMs: 6 * 60_000, prefix: 'pg' });
    await batch.filed;
    const someApplication = batch.cases.find((c) => c.kind === 'application')!;

    // An appeal just answered still has its notification (and, 5 s later, its closing) to store: its activities must be retried through the outage.
    let answered: string | undefined;
    while (!answered && batch.running) {
      const [row] = await stack.db.sequelize.query<{ id: string }>(`SELECT id FROM appeals WHERE stage = 'answered' LIMIT 1`, { type: QueryTypes.SELECT });
      answered = row?.id;
      if (!answered) await new Promise((r) => setTimeout(r, 100));
    }
    expect(answered, 'an appeal was answered before the outage').toBeDefined();

    await stack.postgres.stop();
    const down = Date.now();
    const answers = new Map<string, Answer[]>();
    const probe = async (name: string, call: () => Promise<Answer>) => answers.set(name, [...(answers.get(name) ?? []), await call()]);
    let maxActivityAttempt = 0;
    while (Date.now() - down < DOWN_MS - 2000) {
      await probe('healthz', async () => {
        const response = await fetch(`${stack.appUrl}/healthz`);
        const body = (await response.json()) as { components: { postgres: { ok: boolean } } };
        return { status: response.status, message: body.components.postgres.ok ? 'postgres ok' : 'postgres down' };
      });
      await probe('staff read (dashboard)', () => answerOf(staff.staffApplications.dashboard.query()));
      await probe('applicant read (own applications)', () => answerOf(someApplication.client.applications.list.query()));
      await probe('staff write (accept an application)', () => answerOf(staff.staffApplications.act.mutate({ id: someApplication.id, action: 'acceptComplete', input: {} })));
      await probe('applicant write (file an appeal)', () =>
        answerOf(someApplication.client.appeals.create.mutate({ id: randomUUID(), form: { topic: 'metering', kind: 'question', text: 'Проверка во время сбоя базы данных' } })),
      );
      await probe('login', () => answerOf(apiClient({ appUrl: stack.appUrl }).auth.login.mutate({ email: staffAccount.email, password: staffAccount.password })));
      const pending = (await stack.client.workflow.getHandle(appealWorkflowId(answered!)).describe()).raw.pendingActivities ?? [];
      maxActivityAttempt = Math.max(maxActivityAttempt, ...pending.map((a) => a.attempt ?? 0));
      await new Promise((r) => setTimeout(r, 1000));
    }
    await new Promise((r) => setTimeout(r, Math.max(0, DOWN_MS - (Date.now() - down))));
    await stack.postgres.start();
    const downMs = Date.now() - down;
    console.log(`PostgreSQL was down ${downMs} ms; the API answered:`);
    for (const [name, list] of answers) console.log(`  ${name}: ${[...new Set(list.map((a) => `${a.status} «${a.message}»`))].join(', ')}`);

    const outcome = await settleBatch(stack, batch);
    const all = [...answers.values()].flat();
    recordFault({
      fault: `PostgreSQL down ${Math.round(downMs / 1000)} s`,
      survived: survived(outcome) && all.every((a) => a.status === 503) && maxActivityAttempt >= 2,
      lost: outcome.lost,
      duplicated: outcome.duplicated,
      figures: {
        downSeconds: Math.round(downMs / 1000),
        applications: APPLICATIONS,
        appeals: APPEALS,
        probes: all.length,
        probesAnswered503: all.filter((a) => a.status === 503).length,
        probesAnswered500: all.filter((a) => a.status === 500).length,
        maxActivityAttempt,
        driverCallsRetried: batch.driver.calls.total,
        driverCallsAnswered500: batch.driver.calls.count('500'),
        emailsExpected: outcome.mail.expected,
        seconds: Math.round((Date.now() - started) / 1000),
      },
    });

    for (const [name, list] of answers) {
      expect(list.map((a) => a.status), `${name} while PostgreSQL is down`).toEqual(list.map(() => 503));
      if (name !== 'healthz') expect(new Set(list.map((a) => a.message)), name).toEqual(new Set([SERVICE_UNAVAILABLE_MESSAGE]));
    }
    expect(new Set(answers.get('healthz')!.map((a) => a.message))).toEqual(new Set(['postgres down']));
    expect(maxActivityAttempt, 'the answered appeal’s activities were retried while the database was down').toBeGreaterThanOrEqual(2);
    expect(batch.driver.calls.count('500'), 'no 500 reached the driver either').toBe(0);
    expectNothingLost(outcome);
    expect({ worker: stack.worker.unexpectedExits, api: stack.api.unexpectedExits }).toEqual({ worker: 0, api: 0 });
  });
});
