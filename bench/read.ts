// read: the applicant's list, case page and notifications through tRPC over
// HTTP with logged-in sessions (50 clients, closed loop, fixed time), against
// a no-op tRPC procedure on the same server (auth.me without a session: a
// public procedure answering a constant), and, for reference, bare node:http
// serving the same SQL through pg the way ours sends it: the same one-query
// session lookup (session with its user) and named prepared statements, so
// the gap is what tRPC, zod and our code add, not a different use of PostgreSQL.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { QueryTypes } from 'sequelize';
import { CASE_PAGE_JSON_COLUMNS } from '../db/read-models/applications';
import { parseCookies, SESSION_COOKIE } from '../api/http/cookies';
import { sessionIdFromToken } from '../auth/tokens';
import { applicants, attachmentsFor, fileApplication, pool, type Applicant } from './cabinet';
import { cpuSnapshot, cpuSpent, settle } from './cpu';
import { runLoad } from './load/run-load';
import { fmt, percentile, ratioOf, summary } from './report';
import type { BenchStack } from './stack';
import type { BenchFigure, BenchSection } from './types';

const CLIENTS = 50;

/** The SQL our procedures send for each endpoint after the session's (session, user), served without Sequelize, tRPC or zod. */
const BARE_SQL: Record<string, Array<{ sql: string; params(userId: string, caseId: string | null): unknown[] }>> = {
  list: [{ sql: `SELECT * FROM applications WHERE applicant_id = $1 ORDER BY submitted_at DESC, id DESC LIMIT 51`, params: (user) => [user] }],
  page: [{ sql: `SELECT *, ${CASE_PAGE_JSON_COLUMNS} FROM applications WHERE id = $1 AND ($2::uuid IS NULL OR applicant_id = $2)`, params: (user, id) => [id, user] }],
  notifications: [{ sql: `SELECT * FROM notifications WHERE user_id = $1 ORDER BY created_at DESC LIMIT 50`, params: (user) => [user] }],
};

/** Ours (auth/sessions.ts validateSessionToken): the session and its user in one round trip. */
const BARE_SESSION_SQL = 'SELECT u.*, s.expires_at AS session_expires_at FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = $1';

async function startBareServer(databaseUrl: string): Promise<{ url: string; close(): Promise<void> }> {
  const db = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://bare');
      if (url.pathname === '/noop') {
        res.writeHead(200, { 'content-type': 'application/json' }).end('null');
        return;
      }
      const sql = BARE_SQL[url.pathname.slice(1)];
      const token = parseCookies(req.headers.cookie).get(SESSION_COOKIE);
      const user = token ? (await db.query<{ id: string }>({ name: 'bare_session', text: BARE_SESSION_SQL, values: [sessionIdFromToken(token)] })).rows[0] : undefined;
      if (!sql || !user) {
        res.writeHead(sql ? 401 : 404).end();
        return;
      }
      const id = url.searchParams.get('id');
      const results = await Promise.all(sql.map((q, i) => db.query({ name: `bare_${url.pathname.slice(1)}_${i}`, text: q.sql, values: q.params(user.id, id) })));
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(results.map((r) => r.rows)));
    })().catch((error: unknown) => res.writeHead(500).end(String(error)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await db.end();
    },
  };
}

/** Every applicant has at least one application to read (the lifecycle benchmark leaves several, completed). */
async function withApplications(stack: BenchStack, people: Applicant[]): Promise<string[]> {
  return pool(people, 10, async (person) => {
    const latest = await stack.services.db.Application.findOne({ where: { applicantId: person.user.id }, order: [['submittedAt', 'DESC']] });
    if (latest) return latest.id;
    const [attachments] = await attachmentsFor(stack, person, 1);
    return (await fileApplication(person, attachments!, stack.services.db)).id;
  });
}

const query = (procedure: string, input?: unknown) => `/trpc/${procedure}${input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`}`;

export async function run(stack: BenchStack): Promise<BenchSection> {
  const rounds = stack.quick ? 1 : 3;
  const durationMs = stack.quick ? 1500 : 10_000;
  const people = await applicants(stack, CLIENTS);
  const caseIds = await withApplications(stack, people);
  const bare = await startBareServer(stack.databaseUrl);
  try {
    const targets: Record<string, (person: Applicant, i: number) => { url: string; headers: Record<string, string> }> = {
      'ours: application list': (p) => ({ url: stack.appUrl + query('applications.list'), headers: { cookie: p.cookie } }),
      'ours: application page': (p, i) => ({ url: stack.appUrl + query('applications.get', { id: caseIds[i] }), headers: { cookie: p.cookie } }),
      'ours: notification list': (p) => ({ url: stack.appUrl + query('notifications.list', { limit: 50 }), headers: { cookie: p.cookie } }),
      'no-op tRPC procedure': () => ({ url: stack.appUrl + query('auth.me'), headers: {} }),
      'bare node:http + pg: application list': (p) => ({ url: `${bare.url}/list`, headers: { cookie: p.cookie } }),
      'bare node:http + pg: application page': (p, i) => ({ url: `${bare.url}/page?id=${caseIds[i]}`, headers: { cookie: p.cookie } }),
      'bare node:http + pg: notification list': (p) => ({ url: `${bare.url}/notifications`, headers: { cookie: p.cookie } }),
      'bare node:http, no-op': () => ({ url: `${bare.url}/noop`, headers: {} }),
    };
    // Filing the applications left PDFs and e-mails to the worker: measure on a quiet machine.
    const { worker, 'bare worker': bareWorker, 'Temporal dev server': temporal } = stack.cpuGroups;
    const settled = await settle({ worker: worker!, 'bare worker': bareWorker!, ...(temporal ? { temporal } : {}) });
    const server = 'bench process (API, driver)';
    const cpuGroups = { ...stack.cpuGroups, server: stack.cpuGroups[server]!, ...(stack.cpuGroups.PostgreSQL ? { postgres: stack.cpuGroups.PostgreSQL } : {}) };
    const others = new Map<string, number>();
    type Figures = { rps: BenchFigure; p50: BenchFigure; p99: BenchFigure; serverCpu: BenchFigure; postgresCpu: BenchFigure };
    const figures = new Map<string, Figures>();
    // Every endpoint once unmeasured first, so none pays for compiling the code paths the others share.
    for (const [name, target] of Object.entries(targets)) {
      stack.log(`read warm-up: ${name}…`);
      await runLoad({ clients: people.map((p, i) => target(p, i)), durationMs: 1000, warmupMs: 0 });
    }
    for (let round = 1; round <= rounds; round++) {
      for (const [name, target] of Object.entries(targets)) {
        stack.log(`read round ${round}/${rounds}: ${name}, ${CLIENTS} clients for ${durationMs / 1000} s…`);
        const cpuBefore = cpuSnapshot(cpuGroups);
        const result = await runLoad({ clients: people.map((p, i) => target(p, i)), durationMs, warmupMs: 500 });
        const cpu = cpuSpent(cpuBefore, cpuSnapshot(cpuGroups));
        if (result.errors || result.firstError) throw new Error(`${name}: ${result.errors} failed requests, first: ${result.firstError}`);
        const figure = (label: string, unit: string): BenchFigure => ({ label: `${name}: ${label}`, unit, rounds: [] });
        const f = figures.get(name) ?? { rps: figure('req/s', 'req/s'), p50: figure('p50', 'ms'), p99: figure('p99', 'ms'), serverCpu: figure('server CPU per request', 'ms'), postgresCpu: figure('PostgreSQL CPU per request', 'ms') };
        // CPU over the whole run, warm-up included, divided by every request answered in it.
        const requests = result.latenciesMs.length + result.uncounted;
        f.rps.rounds.push(result.latenciesMs.length / result.seconds);
        f.p50.rounds.push(percentile(result.latenciesMs, 50));
        f.p99.rounds.push(percentile(result.latenciesMs, 99));
        f.serverCpu.rounds.push((cpu.server! * 1000) / requests);
        f.postgresCpu.rounds.push(((cpu.postgres ?? 0) * 1000) / requests);
        const seconds = (durationMs + 500) / 1000;
        for (const group of ['worker', 'bare worker', 'Temporal dev server', 'MailDev (mail catcher)']) others.set(group, Math.max(others.get(group) ?? 0, (cpu[group] ?? 0) / seconds));
        figures.set(name, f);
      }
    }
    const noop = figures.get('no-op tRPC procedure')!.rps;
    const rps = (name: string) => figures.get(`ours: ${name}`)!.rps;
    const med = (name: string, key: keyof Figures) => summary(figures.get(name)![key]).median;
    const endpoints = ['application list', 'application page', 'notification list'];
    const share = (a: string, b: string) => endpoints.map((e) => fmt(med(a.replace('*', e), 'rps') / med(b.replace('*', e), 'rps'))).join(' / ');
    const where = endpoints
      .map((e) => `${e}: ours ${fmt(med(`ours: ${e}`, 'serverCpu'))} + ${fmt(med(`ours: ${e}`, 'postgresCpu'))} ms, bare ${fmt(med(`bare node:http + pg: ${e}`, 'serverCpu'))} + ${fmt(med(`bare node:http + pg: ${e}`, 'postgresCpu'))} ms`)
      .join('; ');
    const [counts] = await stack.services.db.sequelize.query<{ applications: string; notifications: string }>(
      `SELECT (SELECT count(*) FROM applications WHERE applicant_id = ANY($1::uuid[])) AS applications, (SELECT count(*) FROM notifications WHERE user_id = ANY($1::uuid[])) AS notifications`,
      { bind: [people.map((p) => p.user.id)], type: QueryTypes.SELECT },
    );
    return {
      id: 'read',
      title: `Read: ${CLIENTS} logged-in clients, closed loop, ${durationMs / 1000} s per endpoint`,
      figures: [...figures.values()].flatMap((f) => [f.rps, f.p50, f.p99, f.serverCpu, f.postgresCpu]),
      ratios: [
        ratioOf('read.list.req_per_s.ours/noop', rps('application list'), noop, '>=', 0.5),
        ratioOf('read.page.req_per_s.ours/noop', rps('application page'), noop, '>=', 0.5),
        ratioOf('read.notifications.req_per_s.ours/noop', rps('notification list'), noop, '>=', 0.5),
      ],
      notes: [
        `${CLIENTS} applicants, one session each (a real login, the session cookie on every request); they own ${counts!.applications} applications and ${counts!.notifications} notifications. The load generator is a separate process (bench/load/closed-loop.ts) on the same 2-core machine.`,
        `Measured once the worker and the Temporal server had finished the filed cases' work (waited ${settled.toFixed(0)} s). Server CPU per request is the bench process (the API), PostgreSQL is its postmaster with every backend; the load generator's own CPU is in neither.`,
        `Meanwhile the rest of the stack used at most (share of one core): ${[...others].map(([group, share]) => `${group} ${(share * 100).toFixed(0)} %`).join(', ')}.`,
        'The no-op is `auth.me` without a session cookie: a public procedure that answers null without touching the database, so the ratio is what session validation, the queries and the mapping cost on top of HTTP + tRPC.',
        `What limits the ratio: bare node:http + pg, serving the same SQL with none of our code, reaches ${share('bare node:http + pg: *', 'no-op tRPC procedure')} of the no-op's req/s (list / page / notifications); ours reaches ${share('ours: *', 'bare node:http + pg: *')} of bare. Server + PostgreSQL CPU per request — ${where}. The no-op itself costs ${fmt(med('no-op tRPC procedure', 'serverCpu'))} ms in tRPC against ${fmt(med('bare node:http, no-op', 'serverCpu'))} ms in bare node:http: tRPC's HTTP adapter builds a Fetch Request, an AbortSignal and web streams for every call, and every procedure of ours pays it too.`,
      ],
    };
  } finally {
    await bare.close();
  }
}
