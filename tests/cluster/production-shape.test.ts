// The cabinet in the shape a grid company runs it (infra/cluster): a Temporal
// server on PostgreSQL with SQL visibility, two API processes behind Caddy
// (TLS, X-Forwarded-For), two workers, documents in an S3-compatible store,
// NODE_ENV=production, one PAYLOAD_KEYS, the compiled dist/. What only this
// shape can show: requests of one person landing on either API, documents
// written by one process and read by another, live pages on one API seeing
// actions taken on the other, processes dying under load, and visitors who
// all reach the API from the proxy's address.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import tls from 'node:tls';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../api/http/cookies';
import { connectDb, type Db } from '../../db';
import { DEMO_ACCOUNTS } from '../../db/seed-demo';
import { startCluster, type Cluster } from '../../infra/cluster';
import { UPSTREAM_HEADER } from '../../infra/cluster/caddy';
import { readEnv } from '../../infra/config';
import { temporalDataConverter } from '../../infra/data-converter';
import { apiClient, cookiesOf } from '../support/api-client';
import { individualRegistration, STRONG_PASSWORD } from '../support/applicants';
import { BATCH_TERMS, expectNothingLost, settleBatch, startBatch } from '../faults/support/batch';
import { createApplicants } from '../faults/support/cabinet';
import { CaseDriver } from '../faults/support/case-driver';
import { addressClient } from './support/address-client';

let cluster: Cluster;
let db: Db;
let client: Client;
let connection: Connection;
/** The API that served each response through the proxy, in order. */
const served: string[] = [];

beforeAll(async () => {
  cluster = await startCluster({ fresh: true, env: { TERMS_OVERRIDE: JSON.stringify(BATCH_TERMS) }, log: (line) => console.log(line) });
  // Clients trust the proxy's CA as a browser of the company would.
  tls.setDefaultCACertificates([...tls.getCACertificates('default'), fs.readFileSync(cluster.caFile, 'utf8')]);
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    const response = await realFetch(input, init);
    const upstream = response.headers.get(UPSTREAM_HEADER);
    if (upstream) served.push(upstream);
    return response;
  };
  db = connectDb(cluster.databaseUrl, { poolMax: 3 });
  connection = await Connection.connect({ address: cluster.temporalAddress });
  client = new Client({ connection, namespace: cluster.namespace, dataConverter: temporalDataConverter(readEnv(cluster.processEnv)) });
});

afterAll(async () => {
  await connection?.close();
  await db?.close();
  await cluster?.stop();
});

const stack = () => ({ appUrl: cluster.publicUrl, db, client, mail: { apiUrl: cluster.mailApiUrl } });
const staffAccount = DEMO_ACCOUNTS.find((a) => a.role === 'staff')!;
const adminAccount = DEMO_ACCOUNTS.find((a) => a.role === 'admin')!;

/** Server-sent events of one session through the proxy: which API holds the stream, what came, whether it ended. */
async function openLiveStream(cookie: string) {
  const response = await fetch(`${cluster.publicUrl}/api/live`, { headers: { cookie } });
  expect(response.status).toBe(200);
  const upstream = response.headers.get(UPSTREAM_HEADER)!;
  const reader = response.body!.getReader();
  const state = { text: '', ended: false };
  void (async () => {
    for (;;) {
      const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
      if (done) break;
      state.text += new TextDecoder().decode(value);
    }
    state.ended = true;
  })();
  return { upstream, state, close: () => reader.cancel().catch(() => {}) };
}

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const cookieHeader = (c: object) => [...cookiesOf(c)].map(([k, v]) => `${k}=${v}`).join('; ');

describe('the production shape', () => {
  let completedCase: { id: string; client: ReturnType<typeof apiClient> };

  it('takes an application from filing to «Технологическое присоединение осуществлено» with its requests alternating between the two APIs', async () => {
    const driver = new CaseDriver(cluster.publicUrl, Date.now() + 5 * 60_000);
    const [applicant] = await createApplicants(db, 1, 'cluster-path');
    const from = served.length;
    const filed = await driver.fileApplication(applicant!);
    expect(await driver.drive(filed)).toBe('completed');
    const view = await filed.client.applications.get.query({ id: filed.id });
    expect(view.summary.stageTitle).toBe('Технологическое присоединение осуществлено');
    completedCase = { id: filed.id, client: filed.client };

    const path = served.slice(from);
    const apis = new Set(path);
    expect(apis.size, `APIs that served the case: ${[...apis].join(', ')}`).toBe(2);
    const switches = path.slice(1).filter((api, i) => api !== path[i]).length;
    // Round robin: one person's consecutive requests nearly always land on different processes.
    expect(switches / (path.length - 1)).toBeGreaterThan(0.6);
  });

  it('serves every stage PDF byte for byte through either API (the worker wrote it to the shared store)', async () => {
    const view = await completedCase.client.applications.get.query({ id: completedCase.id });
    const stagePdfs = view.documents.filter((d) => d.source !== 'applicant');
    expect(stagePdfs.length).toBeGreaterThanOrEqual(3);
    const cookie = cookieHeader(completedCase.client);
    for (const doc of stagePdfs) {
      const digests = new Map<string, string>();
      for (let attempt = 0; attempt < 6 && digests.size < 2; attempt++) {
        const response = await fetch(`${cluster.publicUrl}/api/documents/${doc.id}`, { headers: { cookie } });
        expect(response.status, `${doc.title} through ${response.headers.get(UPSTREAM_HEADER)}`).toBe(200);
        const bytes = Buffer.from(await response.arrayBuffer());
        expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
        digests.set(response.headers.get(UPSTREAM_HEADER)!, createHash('sha256').update(bytes).digest('hex'));
      }
      expect(digests.size, `${doc.title} was served by both APIs`).toBe(2);
      expect(new Set(digests.values()).size, `${doc.title}: the same bytes from both`).toBe(1);
    }
  });

  it('shows a live page held on one API the action an operator takes through the other', async () => {
    const driver = new CaseDriver(cluster.publicUrl, Date.now() + 3 * 60_000);
    const [applicant] = await createApplicants(db, 1, 'cluster-live');
    const filed = await driver.fileApplication(applicant!);
    const stream = await openLiveStream(cookieHeader(filed.client));
    const staff = apiClient({ appUrl: cluster.publicUrl });
    await staff.auth.login.mutate({ email: staffAccount.email, password: staffAccount.password });
    await until('the application reaches the completeness check', async () => (await filed.client.applications.get.query({ id: filed.id })).summary.stage === 'completenessCheck');
    // Round robin: after a request served by the stream's API, the next one goes to the other.
    await until('a request served by the stream’s API', async () => {
      await staff.auth.me.query();
      return served.at(-1) === stream.upstream;
    });
    const seenBefore = stream.state.text.split(filed.id).length;
    await staff.staffApplications.act.mutate({ id: filed.id, action: 'acceptComplete', input: { comment: 'Сведения полные' } });
    expect(served.at(-1), 'the action went through the other API').not.toBe(stream.upstream);
    await until('the live event of the action on the stream', () => stream.state.text.split(filed.id).length > seenBefore, 30_000);
    expect(stream.state.text).toContain('event: case');
    await stream.close();
  });

  it('loses and duplicates nothing when a worker is SIGKILLed, an API restarted and the Temporal server restarted under load', async () => {
    // The mail audit counts every message in the catcher: once the earlier cases' last e-mails are in, only the batch's from here on.
    let caught = -1;
    await until('the catcher is quiet', async () => {
      const now = ((await (await fetch(`${cluster.mailApiUrl}/api/email`)).json()) as unknown[]).length;
      const quiet = now === caught;
      caught = now;
      if (!quiet) await new Promise((r) => setTimeout(r, 3000));
      return quiet;
    }, 60_000);
    expect((await fetch(`${cluster.mailApiUrl}/api/email/all`, { method: 'DELETE' })).ok).toBe(true);
    // 4 s of think time per step: each case takes ten steps, so the cases are still moving when the last fault comes (≈ 20 s in).
    const batch = await startBatch(stack(), { applications: 6, appeals: 2, deadlineMs: 8 * 60_000, prefix: 'cluster-faults', paceMs: 4000 });
    await batch.filed;
    const [worker1, worker2] = cluster.workers;
    const [, api2] = cluster.apis;

    await new Promise((r) => setTimeout(r, 3000));
    await worker1!.stop('SIGKILL');
    await new Promise((r) => setTimeout(r, 4000));
    await worker1!.start();

    await new Promise((r) => setTimeout(r, 3000));
    await api2!.restart('SIGTERM');

    await new Promise((r) => setTimeout(r, 3000));
    expect(batch.running, 'the faults hit cases still moving').toBe(true);
    await cluster.temporal.stop('SIGTERM');
    await new Promise((r) => setTimeout(r, 3000));
    await cluster.temporal.start();

    const outcome = await settleBatch(stack(), batch);
    console.log(`cluster faults: ${JSON.stringify({ lost: outcome.lost, duplicated: outcome.duplicated, calls: Object.fromEntries(batch.driver.calls.failures) })}`);
    expectNothingLost(outcome);
    // Nobody else went down with them: the other worker and API, the proxy.
    expect(worker2!.unexpectedExits + cluster.apis[0]!.unexpectedExits + api2!.unexpectedExits + worker1!.unexpectedExits + cluster.caddy.unexpectedExits).toBe(0);
  });

  it('throttles one visitor behind the proxy by its own address while others log in, and lets an office register many people', async () => {
    const ca = fs.readFileSync(cluster.caFile);
    const guesser = addressClient({ publicUrl: cluster.publicUrl, ca, localAddress: '127.0.0.2' });
    const colleague = addressClient({ publicUrl: cluster.publicUrl, ca, localAddress: '127.0.0.3' });
    const office = addressClient({ publicUrl: cluster.publicUrl, ca, localAddress: '127.0.0.4' });

    // Failed logins, each on another e-mail: only the per-address ceiling can stop them.
    let locked = -1;
    for (let attempt = 0; attempt < 260 && locked < 0; attempt++) {
      const { body } = await guesser.mutate('auth.login', { email: `nobody-${attempt}@example.ru`, password: 'Неверный-пароль-1' });
      if (body.error?.data?.code === 'TOO_MANY_REQUESTS') locked = attempt;
      else expect(body.error?.data?.code).toBe('UNAUTHORIZED');
    }
    expect(locked, 'the guessing address was locked').toBeGreaterThan(100);
    // Locked by its address, whatever it writes into X-Forwarded-For itself (the proxy keeps only what it saw).
    const spoofed = await guesser.mutate('auth.login', { email: staffAccount.email, password: staffAccount.password }, { 'x-forwarded-for': '198.51.100.7' });
    expect(spoofed.body.error?.data?.code).toBe('TOO_MANY_REQUESTS');
    // Another visitor behind the same proxy logs in.
    const other = await colleague.mutate('auth.login', { email: staffAccount.email, password: staffAccount.password });
    expect(other.status).toBe(200);
    expect(other.cookie).toMatch(new RegExp(`^${SESSION_COOKIE}=`));

    // An МФЦ registers people all day from one address: more than the old ten an hour.
    for (let i = 0; i < 15; i++) {
      const { status, body } = await office.mutate('auth.register', individualRegistration());
      expect(status, body.error?.message).toBe(200);
    }
    // One mailbox cannot be bombed: the per-e-mail limit holds.
    const target = individualRegistration();
    const answers = [];
    for (let i = 0; i < 7; i++) answers.push((await office.mutate('auth.register', target)).body.error?.data?.code ?? 'OK');
    expect(answers.slice(-1)).toEqual(['TOO_MANY_REQUESTS']);
  });

  it('ends a blocked user’s open live stream and a logged-out session’s, whichever API holds them', async () => {
    const [applicant] = await createApplicants(db, 1, 'cluster-blocked');
    const sessions = [apiClient({ appUrl: cluster.publicUrl }), apiClient({ appUrl: cluster.publicUrl }), apiClient({ appUrl: cluster.publicUrl })];
    for (const s of sessions) await s.auth.login.mutate({ email: applicant!.email, password: STRONG_PASSWORD });
    const streams = await Promise.all(sessions.map((s) => openLiveStream(cookieHeader(s))));
    expect(new Set(streams.map((s) => s.upstream)).size, 'the streams are held by both APIs').toBe(2);

    await sessions[0]!.auth.logout.mutate();
    await until('the logged-out session’s stream ends', () => streams[0]!.state.ended, 15_000);
    expect(streams[1]!.state.ended || streams[2]!.state.ended, 'the other sessions’ streams stay open').toBe(false);

    const admin = apiClient({ appUrl: cluster.publicUrl });
    await admin.auth.login.mutate({ email: adminAccount.email, password: adminAccount.password });
    await admin.admin.setBlocked.mutate({ userId: applicant!.user.id, blocked: true });
    await until('the blocked user’s streams end on both APIs', () => streams[1]!.state.ended && streams[2]!.state.ended, 15_000);
    const again = await fetch(`${cluster.publicUrl}/api/live`, { headers: { cookie: cookieHeader(sessions[1]!) } });
    expect(again.status).toBe(401);
  });
});
