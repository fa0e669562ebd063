import { inject, describe, expect, it, beforeAll, afterAll } from 'vitest';
import { connectDb, type Db } from '../../db';
import { sessionIdFromToken } from '../../auth/tokens';
import { SESSION_COOKIE } from '../../api/http/cookies';
import { DEMO_ACCOUNTS } from '../../db/seed-demo';
import { apiClient, cookiesOf, failure } from '../support/api-client';
import { entrepreneurRegistration, individualRegistration, legalRegistration, loggedIn, registeredApplicant, STRONG_PASSWORD } from '../support/applicants';
import { mailsTo, passwordFrom, uniqueEmail, waitForMail } from '../support/mail';

let db: Db;
beforeAll(() => {
  db = connectDb(inject('databaseUrl'), { poolMax: 2 });
});
afterAll(() => db.close());

const demo = (role: string) => DEMO_ACCOUNTS.find((a) => a.role === role)!;

describe('registration → e-mailed credentials → login → forced change → logout', () => {
  it.each([
    ['individual', individualRegistration()],
    ['legal', legalRegistration()],
    ['entrepreneur', entrepreneurRegistration()],
  ] as const)('works for a %s applicant', async (_kind, input) => {
    const client = apiClient();
    const answer = await client.auth.register.mutate(input);
    expect(answer.message).toContain('отправлены на указанный адрес');

    const [mail] = await waitForMail(input.email, 'Логин и пароль');
    expect(mail!.text).toContain(`Логин: ${input.email}`);
    const oneTime = passwordFrom(mail!);

    const user = await client.auth.login.mutate({ email: input.email, password: oneTime });
    expect(user.mustChangePassword).toBe(true);
    // Until the password is changed, the cabinet itself stays closed.
    expect((await failure(client.profile.get.query())).code).toBe('FORBIDDEN');

    const weak = await failure(client.auth.setInitialPassword.mutate({ newPassword: 'password123', confirmPassword: 'password123' }));
    expect(weak.code).toBe('BAD_REQUEST');
    expect(weak.fieldErrors.newPassword?.[0]).toMatch(/распространён|подобрать/);

    await client.auth.setInitialPassword.mutate({ newPassword: STRONG_PASSWORD, confirmPassword: STRONG_PASSWORD });
    const profile = await client.profile.get.query();
    expect(profile.email).toBe(input.email);
    expect(profile.consentVersion).toBeTruthy();
    expect(profile.snilsMasked ?? profile.innMasked).toMatch(/\*/);

    await client.auth.logout.mutate();
    expect(await client.auth.me.query()).toBeNull();
    // The one-time password is gone with the change; the new one works.
    expect((await failure(loggedIn(input.email, oneTime))).code).toBe('UNAUTHORIZED');
    await loggedIn(input.email, STRONG_PASSWORD);
    expect(await mailsTo(input.email)).toHaveLength(1);
  });

  it('stores only the SHA-256 of the session token, with a sliding expiry about 30 days ahead', async () => {
    const { client, user } = await registeredApplicant();
    const token = cookiesOf(client).get(SESSION_COOKIE)!;
    const sessions = await db.Session.findAll({ where: { userId: user.id } });
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.id).toBe(sessionIdFromToken(token));
    expect(sessions[0]!.id).not.toContain(token);
    const days = (sessions[0]!.expiresAt.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29);
    // Sliding: a session past half its life is pushed forward when used.
    await sessions[0]!.update({ expiresAt: new Date(Date.now() + 5 * 86_400_000) });
    await client.profile.get.query();
    await sessions[0]!.reload();
    expect((sessions[0]!.expiresAt.getTime() - Date.now()) / 86_400_000).toBeGreaterThan(29);
  });

  it('«Выйти на всех устройствах» ends every session of the user', async () => {
    const { email, password, client: first } = await registeredApplicant();
    const second = await loggedIn(email, password);
    const { ended } = await second.auth.logoutEverywhere.mutate();
    expect(ended).toBe(2);
    expect(await first.auth.me.query()).toBeNull();
    expect((await failure(first.profile.get.query())).code).toBe('UNAUTHORIZED');
  });
});

describe('bad registration input is refused precisely and creates nothing', () => {
  it('reports wrong СНИЛС check digits and a missing consent in Russian', async () => {
    const input = { ...individualRegistration(), snils: '112-233-445 96', consent: false as unknown as true };
    const error = await failure(apiClient().auth.register.mutate(input));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.fieldErrors.snils?.[0]).toBe('Неверное контрольное число СНИЛС: проверьте цифры');
    expect(error.fieldErrors.consent?.[0]).toBe('Необходимо согласие на обработку персональных данных');
    expect(await db.User.count({ where: { email: input.email } })).toBe(0);
    await new Promise((r) => setTimeout(r, 500));
    expect(await mailsTo(input.email)).toHaveLength(0);
  });

  it('reports a 12-digit ИНН given for a legal entity', async () => {
    const input = { ...legalRegistration(), inn: '500100732259' };
    const error = await failure(apiClient().auth.register.mutate(input));
    expect(error.fieldErrors.inn?.[0]).toBe('ИНН должен содержать 10 цифр');
  });
});

describe('existing accounts are not revealed on screen', () => {
  it('answers the same and e-mails the owner when the e-mail or the СНИЛС is taken', async () => {
    const first = individualRegistration();
    const client = apiClient();
    const answer = await client.auth.register.mutate(first);
    await waitForMail(first.email, 'Логин и пароль');

    const sameEmail = await client.auth.register.mutate({ ...individualRegistration(first.email) });
    expect(sameEmail).toEqual(answer);
    const otherEmail = uniqueEmail('other');
    const sameSnils = await client.auth.register.mutate({ ...first, email: otherEmail });
    expect(sameSnils.message).toBe(answer.message);

    const warnings = await waitForMail(first.email, 'Попытка повторной регистрации', { count: 2 });
    expect(warnings.map((m) => m.text).join()).toContain('вашими реквизитами');
    expect(await db.User.count({ where: { snils: first.snils.replace(/\D/g, '') } })).toBe(1);
    expect(await mailsTo(otherEmail)).toHaveLength(0);
  });
});

describe('«Забыли пароль?»', () => {
  it('gives the same answer for any e-mail, mails a temporary password and ends old sessions once a new password is set', async () => {
    const { email, password, client: oldSession } = await registeredApplicant();
    const anonymous = apiClient();
    const known = await anonymous.auth.forgotPassword.mutate({ email });
    const unknownEmail = uniqueEmail('nobody');
    const unknown = await anonymous.auth.forgotPassword.mutate({ email: unknownEmail });
    expect(unknown).toEqual(known);

    const [mail] = await waitForMail(email, 'Пароль для входа');
    // Until the temporary password is used, the old one keeps working: strangers cannot lock the owner out.
    await loggedIn(email, password);
    const recovered = apiClient();
    const user = await recovered.auth.login.mutate({ email, password: passwordFrom(mail!) });
    expect(user.mustChangePassword).toBe(true);
    const newPassword = 'Зимний-вечер-у-камина-9';
    await recovered.auth.setInitialPassword.mutate({ newPassword, confirmPassword: newPassword });

    expect(await oldSession.auth.me.query()).toBeNull();
    expect((await failure(loggedIn(email, password))).code).toBe('UNAUTHORIZED');
    await loggedIn(email, newPassword);
    expect(await mailsTo(unknownEmail)).toHaveLength(0);
  });
});

describe('brute force', () => {
  it('locks an account after 5 wrong passwords and says when to retry', async () => {
    const { email, password } = await registeredApplicant();
    const client = apiClient();
    for (let i = 0; i < 4; i++) expect((await failure(client.auth.login.mutate({ email, password: `wrong-${i}` }))).code).toBe('UNAUTHORIZED');
    const locked = await failure(client.auth.login.mutate({ email, password: 'wrong-5' }));
    expect(locked.code).toBe('TOO_MANY_REQUESTS');
    expect(locked.message).toMatch(/Слишком много попыток входа\. Повторите после \d{2}:\d{2}/);
    // Even the right password waits for the lock to end.
    expect((await failure(client.auth.login.mutate({ email, password }))).code).toBe('TOO_MANY_REQUESTS');
  });
});

describe('roles are enforced on the server', () => {
  it('refuses staff and admin procedures to an applicant', async () => {
    const { client } = await registeredApplicant();
    expect((await failure(client.admin.listUsers.query({}))).code).toBe('FORBIDDEN');
    expect((await failure(client.staff.registerVisitor.mutate({ ...individualRegistration(), consentOnPaper: true }))).code).toBe('FORBIDDEN');
    expect((await failure(apiClient().profile.get.query())).code).toBe('UNAUTHORIZED');
  });

  it('lets staff register a visitor in person, recording who did it', async () => {
    const staff = await loggedIn(demo('staff').email, demo('staff').password);
    const { consent: _c, ...identity } = legalRegistration();
    const outcome = await staff.staff.registerVisitor.mutate({ ...identity, consentOnPaper: true });
    expect(outcome.status).toBe('created');
    const [mail] = await waitForMail(identity.email, 'Логин и пароль');
    expect(mail!.text).toContain('Сотрудник сетевой организации зарегистрировал вас');
    const visitor = await db.User.findOne({ where: { email: identity.email } });
    const operator = await db.User.findOne({ where: { email: demo('staff').email } });
    expect(visitor!.registeredBy).toBe(operator!.id);
    expect(visitor!.consentOnPaper).toBe(true);
    // Staff, unlike the public form, are told that the visitor already has an account.
    expect((await staff.staff.registerVisitor.mutate({ ...identity, consentOnPaper: true })).status).toBe('exists');
  });

  it('lets the admin create an auditor account and block an applicant, whose sessions end', async () => {
    const admin = await loggedIn(demo('admin').email, demo('admin').password);
    const auditorEmail = uniqueEmail('auditor');
    await admin.admin.createStaffAccount.mutate({ email: auditorEmail, role: 'auditor', lastName: 'Ревизорова', firstName: 'Ольга', middleName: '' });
    const [mail] = await waitForMail(auditorEmail, 'Логин и пароль');
    const auditor = apiClient();
    expect((await auditor.auth.login.mutate({ email: auditorEmail, password: passwordFrom(mail!) })).role).toBe('auditor');

    const { client, user, email, password } = await registeredApplicant();
    await admin.admin.setBlocked.mutate({ userId: user.id, blocked: true });
    expect(await client.auth.me.query()).toBeNull();
    const refused = await failure(loggedIn(email, password));
    expect(refused.message).toContain('заблокирована');
    await admin.admin.setBlocked.mutate({ userId: user.id, blocked: false });
    await loggedIn(email, password);
  });
});

describe('CSRF', () => {
  it('refuses a mutation from another origin or without an Origin header', async () => {
    const appUrl = inject('appUrl');
    const evil = await failure(apiClient({ origin: 'https://evil.example' }).auth.forgotPassword.mutate({ email: 'x@example.ru' }));
    expect(evil.httpStatus ?? 403).toBe(403);
    const bare = await fetch(`${appUrl}/trpc/auth.logout`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(bare.status).toBe(403);
    const crossSite = await fetch(`${appUrl}/trpc/auth.logout`, { method: 'POST', headers: { 'content-type': 'application/json', origin: appUrl, 'sec-fetch-site': 'cross-site' }, body: '{}' });
    expect(crossSite.status).toBe(403);
  });
});
