// CSRF, sessions and security headers over real HTTP against the test stack's
// cabinet (and, for HSTS behind TLS, the same header module on a server of its own).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SESSION_COOKIE } from '../../api/http/cookies';
import { CONTENT_SECURITY_POLICY, HSTS, securityHeaders, type SecurityHeaderOptions } from '../../api/http/security-headers';
import { SESSION_LIFETIME_MS } from '../../auth/sessions';
import { generateSessionToken, sessionIdFromToken } from '../../auth/tokens';
import { connectDb, type Db } from '../../db';
import { cookiesOf } from '../support/api-client';
import { registeredApplicant } from '../support/applicants';
import { samplePdf, upload } from '../support/applications';

let db: Db;
beforeAll(() => {
  db = connectDb(inject('databaseUrl'), { poolMax: 2 });
});
afterAll(() => db?.close());

const app = () => inject('appUrl');
const DAY = 24 * 60 * 60 * 1000;
const tokenOf = (client: object) => cookiesOf(client).get(SESSION_COOKIE)!;

/** A raw tRPC call, as a browser or a forged page would send it. */
function trpc(procedure: string, opts: { token?: string; input?: unknown; headers?: Record<string, string>; body?: string } = {}) {
  const headers = { ...(opts.token ? { cookie: `${SESSION_COOKIE}=${opts.token}` } : {}), ...opts.headers };
  if (opts.input === undefined && opts.body === undefined) return fetch(`${app()}/trpc/${procedure}`, { headers });
  return fetch(`${app()}/trpc/${procedure}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: opts.body ?? JSON.stringify(opts.input),
  });
}

/** The session token a response leaves in the browser (the last Set-Cookie wins), or undefined; '' when it clears the cookie. */
function setToken(response: Response): string | undefined {
  const cookie = response.headers.getSetCookie().findLast((c) => c.startsWith(`${SESSION_COOKIE}=`));
  return cookie?.slice(SESSION_COOKIE.length + 1).split(';')[0];
}

const maxAgeOf = (response: Response) => Number(/Max-Age=(\d+)/.exec(response.headers.getSetCookie().join(';'))?.[1]);

async function phoneOf(userId: string) {
  return (await db.User.findByPk(userId))!.phone;
}

describe('CSRF: a state change must come from the cabinet itself', () => {
  it('refuses a mutation from another origin, a cross-site fetch and an Origin-less form post with 403, and changes nothing', async () => {
    const { client, user } = await registeredApplicant();
    const token = tokenOf(client);
    const before = await phoneOf(user.id);
    const input = { phone: '+7 911 000-00-01', postalAddress: 'подделано' };

    const forged: Array<Record<string, string>> = [
      { origin: 'https://evil.example' },
      { origin: app(), 'sec-fetch-site': 'cross-site' },
      { origin: app(), 'sec-fetch-site': 'same-site' },
    ];
    for (const headers of forged) {
      const response = await trpc('profile.update', { token, input, headers });
      expect(response.status, JSON.stringify(headers)).toBe(403);
      expect(await response.text()).toContain('не со страницы личного кабинета');
    }
    // What an auto-submitting <form> on a page without Origin (e.g. a privacy proxy stripping it) would send.
    const formPost = await trpc('profile.update', {
      token,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'phone=%2B79110000001&postalAddress=x',
    });
    expect(formPost.status).toBe(403);
    // Logging the victim out is a state change too.
    expect((await trpc('auth.logout', { token, input: {}, headers: { origin: 'https://evil.example' } })).status).toBe(403);

    expect(await phoneOf(user.id)).toBe(before);
    expect(await db.Session.findByPk(sessionIdFromToken(token))).not.toBeNull();

    // The same request from our own page goes through: the refusals above were about the origin.
    const own = await trpc('profile.update', { token, input, headers: { origin: app(), 'sec-fetch-site': 'same-origin' } });
    expect(own.status).toBe(200);
    expect(await phoneOf(user.id)).not.toBe(before);
  });
});

describe('sessions', () => {
  it('does not adopt a session cookie planted before login, and rotates a live one', async () => {
    const { email, password, client } = await registeredApplicant();
    const planted = generateSessionToken();
    const login = await trpc('auth.login', { token: planted, input: { email, password }, headers: { origin: app() } });
    expect(login.status).toBe(200);
    const issued = setToken(login);
    expect(issued).toBeTruthy();
    expect(issued).not.toBe(planted);
    expect(await db.Session.findByPk(sessionIdFromToken(planted))).toBeNull();
    expect((await trpc('profile.get', { token: planted })).status).toBe(401);
    expect((await trpc('profile.get', { token: issued })).status).toBe(200);

    // A valid session (e.g. one an attacker got the victim's browser to hold) is replaced, not kept, at login.
    const live = tokenOf(client);
    const again = await trpc('auth.login', { token: live, input: { email, password }, headers: { origin: app() } });
    const rotated = setToken(again);
    expect(rotated).toBeTruthy();
    expect(rotated).not.toBe(live);
    expect((await trpc('profile.get', { token: live })).status).toBe(401);
    expect((await trpc('profile.get', { token: rotated })).status).toBe(200);
  });

  it('refuses a token after logout', async () => {
    const { client } = await registeredApplicant();
    const token = tokenOf(client);
    expect((await trpc('profile.get', { token })).status).toBe(200);
    const logout = await trpc('auth.logout', { token, input: {}, headers: { origin: app() } });
    expect(logout.status).toBe(200);
    expect(setToken(logout)).toBe('');
    const after = await trpc('profile.get', { token });
    expect(after.status).toBe(401);
    expect(await after.text()).toContain('Войдите в личный кабинет');
    expect((await fetch(`${app()}/api/live`, { headers: { cookie: `${SESSION_COOKIE}=${token}` } })).status).toBe(401);
  });

  it('refuses an expired session, clears its cookie and deletes it', async () => {
    const { client } = await registeredApplicant();
    const token = tokenOf(client);
    const id = sessionIdFromToken(token);
    await db.Session.update({ expiresAt: new Date(Date.now() - 1000) }, { where: { id } });
    const response = await trpc('profile.get', { token });
    expect(response.status).toBe(401);
    expect(setToken(response)).toBe('');
    expect(await db.Session.findByPk(id)).toBeNull();
  });

  it('slides an active session forward past half its life, and leaves a fresh one alone', async () => {
    const { client } = await registeredApplicant();
    const token = tokenOf(client);
    const id = sessionIdFromToken(token);

    const fresh = await trpc('profile.get', { token });
    expect(fresh.status).toBe(200);
    expect(setToken(fresh)).toBeUndefined();

    await db.Session.update({ expiresAt: new Date(Date.now() + 10 * DAY) }, { where: { id } });
    const used = await trpc('profile.get', { token });
    expect(used.status).toBe(200);
    // The same token, with a new lifetime in the cookie and the database.
    expect(setToken(used)).toBe(token);
    expect(maxAgeOf(used)).toBeGreaterThan((SESSION_LIFETIME_MS - DAY) / 1000);
    const renewed = (await db.Session.findByPk(id))!.expiresAt.getTime();
    expect(renewed).toBeGreaterThan(Date.now() + SESSION_LIFETIME_MS - DAY);
  });

  it('treats a malformed session cookie as no session, not as a server error', async () => {
    expect((await trpc('profile.get', { token: '%E0%A4%A' })).status).toBe(401);
    expect((await fetch(`${app()}/api/documents/00000000-0000-0000-0000-000000000000`, { headers: { cookie: `${SESSION_COOKIE}=%E0%A4%A` } })).status).toBe(401);
  });
});

function expectSecurityHeaders(response: Response, what: string) {
  expect(response.headers.get('content-security-policy'), what).toBe(CONTENT_SECURITY_POLICY);
  expect(response.headers.get('x-content-type-options'), what).toBe('nosniff');
  expect(response.headers.get('x-frame-options'), what).toBe('DENY');
  expect(response.headers.get('referrer-policy'), what).toBe('same-origin');
  // Plain http here: no HSTS, even when a client claims a TLS proxy (TRUST_PROXY is off).
  expect(response.headers.get('strict-transport-security'), what).toBeNull();
}

describe('security headers', () => {
  it('the policy is strict: nothing but our own origin, no plugins, no framing, no foreign base or form targets', () => {
    const directives = new Map(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0]!, d.split(' ').slice(1).join(' ')]));
    expect(directives.get('default-src')).toBe("'self'");
    expect(directives.get('script-src')).toBe("'self'");
    expect(directives.get('object-src')).toBe("'none'");
    expect(directives.get('base-uri')).toBe("'self'");
    expect(directives.get('frame-ancestors')).toBe("'none'");
    expect(directives.get('form-action')).toBe("'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|\*|https?:/);
    expect(directives.get('script-src')).not.toContain('unsafe-inline');
  });

  it('are on the SPA, the API, errors, health and file downloads; downloads stay attachments with a safe name', async () => {
    const { client } = await registeredApplicant();
    const token = tokenOf(client);
    const doc = await upload(client, 'sitePlan', samplePdf('заголовки'), '..\\..\\"evil"\r\nSet-Cookie: x=1<script>.pdf');

    const responses: Array<[string, Response]> = [
      ['SPA /', await fetch(`${app()}/`, { headers: { 'x-forwarded-proto': 'https' } })],
      ['SPA deep link', await fetch(`${app()}/applications/new`)],
      ['SPA asset', await fetch(new URL(/src="([^"]+\.js)"/.exec(await (await fetch(`${app()}/`)).text())![1]!, app()))],
      ['tRPC query', await trpc('auth.me')],
      ['tRPC refusal', await trpc('profile.get')],
      ['CSRF refusal', await trpc('profile.update', { token, input: {}, headers: { origin: 'https://evil.example' } })],
      ['health', await fetch(`${app()}/healthz`)],
      ['standard form', await fetch(`${app()}/api/standard-documents/instructions?category=individual15`)],
      ['download refusal', await fetch(`${app()}/api/documents/${doc.id}`)],
    ];
    const download = await fetch(`${app()}/api/documents/${doc.id}`, { headers: { cookie: `${SESSION_COOKIE}=${token}` } });
    responses.push(['download', download]);
    for (const [what, response] of responses) {
      expect(response.status, what).toBeLessThan(500);
      expectSecurityHeaders(response, what);
    }

    expect(download.status).toBe(200);
    const disposition = download.headers.get('content-disposition')!;
    expect(disposition).toMatch(/^attachment; filename="[^"]*"; filename\*=UTF-8''[^\s"]+$/);
    const fallback = /filename="([^"]*)"/.exec(disposition)![1]!;
    const full = decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(disposition)![1]!);
    for (const name of [fallback, full]) {
      expect(name).not.toMatch(/[\\/"\r\n<>]/);
      expect(name.endsWith('.pdf')).toBe(true);
    }
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('set-cookie')).toBeNull();
  });
});

describe('HSTS only over TLS', () => {
  const servers: http.Server[] = [];
  afterAll(() => Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve)))));

  /** The header module on a server of its own, configured as in production. */
  async function serve(opts: SecurityHeaderOptions): Promise<string> {
    const apply = securityHeaders(opts);
    const server = http.createServer((req, res) => {
      apply(req, res);
      res.end('ok');
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  }
  const hsts = async (url: string, proto?: string) => (await fetch(url, { headers: proto ? { 'x-forwarded-proto': proto } : {} })).headers.get('strict-transport-security');

  it('is sent when the public URL is https, or a trusted proxy says the request came over https', async () => {
    const httpsPublic = await serve({ publicUrl: 'https://lk.example.ru', trustProxy: false });
    expect(await hsts(httpsPublic)).toBe(HSTS);

    const behindProxy = await serve({ publicUrl: 'http://lk.internal:3000', trustProxy: true });
    expect(await hsts(behindProxy, 'https')).toBe(HSTS);
    expect(await hsts(behindProxy, 'https, http')).toBe(HSTS);
    expect(await hsts(behindProxy, 'http')).toBeNull();
    expect(await hsts(behindProxy)).toBeNull();

    const untrusted = await serve({ publicUrl: 'http://localhost:3000', trustProxy: false });
    expect(await hsts(untrusted, 'https')).toBeNull();
  });
});
