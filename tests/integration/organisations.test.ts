// Organisations through the real API, worker, Postgres and MailDev (issue 20,
// item 7): the first user of a company is its administrator; a second
// registration with the same ИНН/КПП is refused with a Russian explanation; the
// administrator invites a colleague by e-mail, the colleague accepts through the
// link (single use), sets a password and sees and acts on the company's case and
// its documents; an individual and a plain employee cannot invite; another
// organisation's administrator cannot remove our employee; removal ends the
// employee's sessions and access at once while the cases stay the company's.
import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { SESSION_COOKIE } from '../../api/http/cookies';
import { apiClient, cookiesOf, failure } from '../support/api-client';
import { legalRegistration, loggedIn, registeredApplicant, STRONG_PASSWORD } from '../support/applicants';
import { companyApplication, invitationLinkFrom } from '../support/organisations';
import { mailsTo, uniqueEmail, waitForMail } from '../support/mail';
import { useStackClients } from '../support/stack-clients';
import { pdfPlainText } from '../support/pdf-qr';

const stack = useStackClients();
type Client = ReturnType<typeof apiClient>;

const COLLEAGUE_PASSWORD = 'Северный-ветер-над-рекой-31';

const download = (client: Client, id: string) =>
  fetch(`${inject('appUrl')}/api/documents/${id}`, { headers: { cookie: `${SESSION_COOKIE}=${cookiesOf(client).get(SESSION_COOKIE) ?? ''}` } });

describe('an organisation with several users', () => {
  it('invites by e-mail, shares the company’s cases, refuses a duplicate organisation, and removal ends access at once', async () => {
    const registration = legalRegistration();
    const admin = await registeredApplicant(registration);
    expect(admin.user).toMatchObject({ organisationRole: 'admin' });
    const page = (await admin.client.organisation.get.query())!;
    expect(page).toMatchObject({ name: 'ООО «Ромашка»', kpp: registration.kpp, myRole: 'admin' });
    expect(page.members).toEqual([expect.objectContaining({ email: registration.email, role: 'admin', you: true })]);
    const application = await companyApplication(admin.client);

    // A second registration of the same company: no second organisation, the reason in Russian.
    const secondEmail = uniqueEmail('ul-second');
    const duplicate = await failure(apiClient().auth.register.mutate({ ...registration, email: secondEmail, lastName: 'Второва' }));
    expect(duplicate.code).toBe('CONFLICT');
    expect(duplicate.message).toBe(
      `Организация с ИНН ${registration.inn} и КПП ${registration.kpp} уже зарегистрирована в личном кабинете. Второй учётной записи организации не создаётся: попросите администратора организации в личном кабинете пригласить вас по адресу электронной почты (раздел «Организация»).`,
    );
    expect(duplicate.fieldErrors.inn?.[0]).toBe(duplicate.message);
    expect(await stack.db.Organisation.count({ where: { inn: registration.inn } })).toBe(1);
    expect(await stack.db.User.count({ where: { email: secondEmail } })).toBe(0);

    // An individual and (below) a plain employee may not invite.
    const individual = await registeredApplicant();
    const byIndividual = await failure(individual.client.organisation.invite.mutate({ email: uniqueEmail('x'), lastName: 'Иванов', firstName: 'Иван' }));
    expect(byIndividual).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('физического лица') });
    expect(await individual.client.organisation.get.query()).toBeNull();

    // The administrator invites; the letter carries a single-use link; only its hash is stored.
    const colleagueEmail = uniqueEmail('colleague');
    const invited = await admin.client.organisation.invite.mutate({ email: colleagueEmail, lastName: 'Коллегова', firstName: 'Мария', middleName: 'Ильинична' });
    expect((await failure(admin.client.organisation.invite.mutate({ email: colleagueEmail, lastName: 'Коллегова', firstName: 'Мария' }))).code).toBe('CONFLICT');
    const [letter] = await waitForMail(colleagueEmail, 'Приглашение в личный кабинет организации');
    expect(letter!.text).toContain('ООО «Ромашка»');
    const { token } = invitationLinkFrom(letter!);
    const stored = await stack.db.OrganisationInvitation.findByPk(invited.id);
    expect(stored!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored!.get())).not.toContain(token);

    const visitor = apiClient();
    expect(await visitor.organisation.invitation.query({ token })).toMatchObject({ organisationName: 'ООО «Ромашка»', email: colleagueEmail, name: 'Коллегова Мария Ильинична' });
    const weak = await failure(visitor.organisation.acceptInvitation.mutate({ token, newPassword: 'qwertyuiop', confirmPassword: 'qwertyuiop', consent: true }));
    expect(weak.fieldErrors.newPassword?.length).toBeGreaterThan(0);
    const colleagueUser = await visitor.organisation.acceptInvitation.mutate({ token, newPassword: COLLEAGUE_PASSWORD, confirmPassword: COLLEAGUE_PASSWORD, consent: true });
    expect(colleagueUser).toMatchObject({ email: colleagueEmail, organisationRole: 'member', displayName: 'ООО «Ромашка»' });
    const stranger = apiClient();
    expect((await failure(stranger.organisation.acceptInvitation.mutate({ token, newPassword: STRONG_PASSWORD, confirmPassword: STRONG_PASSWORD, consent: true }))).code).toBe('NOT_FOUND');
    // The stored password is argon2id, like every password of the cabinet.
    expect((await stack.db.User.findOne({ where: { email: colleagueEmail } }))!.passwordHash).toMatch(/^\$argon2id\$/);

    // The colleague (logged in by accepting, and again with the password) sees and acts on the company's case.
    const colleague = await loggedIn(colleagueEmail, COLLEAGUE_PASSWORD);
    expect((await colleague.applications.list.query({})).items.map((a) => a.id)).toContain(application.id);
    const view = await colleague.applications.get.query({ id: application.id });
    expect(view.summary.number).toBe(application.number);
    // The case's notifications, addressed to the administrator who filed it, are in the colleague's feed too.
    await expect.poll(async () => (await colleague.notifications.list.query({})).some((n) => n.caseId === application.id), { timeout: 20_000 }).toBe(true);
    expect(await colleague.notifications.unreadCount.query()).toBeGreaterThan(0);
    expect((await individual.client.notifications.list.query({})).some((n) => n.caseId === application.id)).toBe(false);
    const companyDocument = view.documents.find((d) => d.source === 'applicant')!;
    expect((await download(colleague, companyDocument.id)).status).toBe(200);
    // The receipt names the organisation as the applicant and the employee who filed for it.
    const receipt = view.documents.find((d) => d.source === 'system')!;
    const receiptText = pdfPlainText(new Uint8Array(await (await download(colleague, receipt.id)).arrayBuffer()));
    expect(receiptText).toContain('ООО «Ромашка»');
    expect(receiptText).toContain('Подал(а) от имени заявителя');
    expect(receiptText).toContain(`${registration.lastName} ${registration.firstName}`);
    const appeal = await colleague.appeals.create.mutate({
      id: randomUUID(),
      form: { topic: 'connection', kind: 'request', text: 'Прошу сообщить срок рассмотрения заявки компании.', applicationId: application.id, answerChannel: 'cabinet', attachments: [] },
    });
    // Filed by the employee, the appeal is the company's: the administrator sees it.
    expect((await admin.client.appeals.list.query({})).items.map((a) => a.id)).toContain(appeal.id);
    expect((await admin.client.appeals.get.query({ id: appeal.id })).summary.number).toBe(appeal.number);
    expect(await visitor.organisation.get.query()).toMatchObject({ myRole: 'member', invitations: [] });
    expect((await failure(colleague.organisation.invite.mutate({ email: uniqueEmail('y'), lastName: 'Петров', firstName: 'Пётр' }))).message).toBe('Приглашать и удалять сотрудников может только администратор организации');
    // Another applicant still reaches none of it.
    expect((await failure(individual.client.applications.get.query({ id: application.id }))).code).toBe('NOT_FOUND');

    // Another organisation's administrator cannot remove our employee.
    const otherCompany = await registeredApplicant(legalRegistration());
    expect((await failure(otherCompany.client.organisation.removeMember.mutate({ userId: colleagueUser.id }))).code).toBe('NOT_FOUND');

    // Removal: every session of the employee ends at once, access with it; the cases stay the company's.
    await admin.client.organisation.removeMember.mutate({ userId: colleagueUser.id });
    expect(await colleague.auth.me.query()).toBeNull();
    expect(await visitor.auth.me.query()).toBeNull();
    expect((await failure(colleague.applications.get.query({ id: application.id }))).code).toBe('UNAUTHORIZED');
    expect((await download(colleague, companyDocument.id)).status).toBe(401);
    expect((await failure(loggedIn(colleagueEmail, COLLEAGUE_PASSWORD))).code).toBe('FORBIDDEN');
    expect(await stack.db.Session.count({ where: { userId: colleagueUser.id } })).toBe(0);
    expect((await admin.client.appeals.get.query({ id: appeal.id })).summary.number).toBe(appeal.number);
    expect((await admin.client.organisation.get.query())!.members.map((m) => m.email)).toEqual([registration.email]);
    expect(await mailsTo(secondEmail)).toHaveLength(0);
  });
});
