// Representatives through the real API, worker, Postgres and MailDev (issue 20,
// item 6): a principal uploads a power of attorney with its term naming a
// registered user; it gives no authority until staff verify it; the verified
// representative files an application and an appeal for the principal, reads
// its documents, writes in its conversation; the case is the principal's, the
// documents, notices and the history name both; revocation and the end of the
// term end the authority on the very next request.
import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { QueryTypes } from 'sequelize';
import { SESSION_COOKIE } from '../../api/http/cookies';
import { addCalendarDays, moscowDate } from '../../domain/calendar';
import { apiClient, cookiesOf, failure } from '../support/api-client';
import { individualRegistration, loggedIn, registeredApplicant, registeredStaff } from '../support/applicants';
import { DEMO_ACCOUNTS } from '../../db/seed-demo';
import { completeIndividualForm, newDraftId, upload } from '../support/applications';
import { mailsTo, uniqueEmail, waitForMail } from '../support/mail';
import { pdfPlainText } from '../support/pdf-qr';
import { useStackClients } from '../support/stack-clients';

const stack = useStackClients();
type Client = ReturnType<typeof apiClient>;

const download = (client: Client, id: string) =>
  fetch(`${inject('appUrl')}/api/documents/${id}`, { headers: { cookie: `${SESSION_COOKIE}=${cookiesOf(client).get(SESSION_COOKIE) ?? ''}` } });

const today = () => moscowDate(Date.now());
const demo = (role: string) => DEMO_ACCOUNTS.find((a) => a.role === role)!;

describe('representatives by power of attorney', () => {
  it('verified by staff, files and acts for the principal, named with the principal everywhere; revocation and expiry end it at once', async () => {
    const [principal, representative, stranger, staff] = await Promise.all([
      registeredApplicant({ ...individualRegistration(uniqueEmail('principal')), lastName: 'Доверова', firstName: 'Анна', middleName: 'Павловна' }),
      registeredApplicant({ ...individualRegistration(uniqueEmail('representative')), lastName: 'Поверенный', firstName: 'Илья', middleName: 'Сергеевич' }),
      registeredApplicant(),
      registeredStaff('staff'),
    ]);
    const scan = await upload(principal.client, 'powerOfAttorney');
    const grant = { representativeEmail: representative.email, number: '77 АА 1234567', issuedOn: addCalendarDays(today(), -3), validUntil: addCalendarDays(today(), 365), documentId: scan.id };

    // Bad input is refused field by field, in Russian, and nothing is saved.
    const unknown = await failure(principal.client.representation.grant.mutate({ ...grant, representativeEmail: uniqueEmail('nobody') }));
    expect(unknown.fieldErrors.representativeEmail?.[0]).toMatch(/^Личный кабинет с этим адресом не найден/);
    expect((await failure(principal.client.representation.grant.mutate({ ...grant, representativeEmail: principal.email }))).fieldErrors.representativeEmail).toEqual(['Нельзя выдать доверенность самому себе']);
    expect((await failure(principal.client.representation.grant.mutate({ ...grant, validUntil: addCalendarDays(grant.issuedOn, -1) }))).fieldErrors.validUntil).toEqual(['Доверенность не может закончиться раньше, чем выдана']);
    expect((await failure(principal.client.representation.grant.mutate({ ...grant, issuedOn: addCalendarDays(today(), 1) }))).fieldErrors.issuedOn?.[0]).toMatch(/^Дата выдачи не может быть позже сегодняшней/);
    const othersScan = await upload(stranger.client, 'powerOfAttorney');
    expect((await failure(principal.client.representation.grant.mutate({ ...grant, documentId: othersScan.id }))).fieldErrors.documentId).toEqual(['Файл доверенности не найден: загрузите его заново']);
    const count = async () => (await stack.db.sequelize.query<{ n: number }>('SELECT count(*)::int AS n FROM powers_of_attorney WHERE principal_id = $1', { bind: [principal.user.id], type: QueryTypes.SELECT }))[0]!.n;
    expect(await count()).toBe(0);

    const poa = await principal.client.representation.grant.mutate(grant);
    expect(poa).toMatchObject({ status: 'pending', statusLabel: 'На проверке', representativeName: 'Поверенный Илья Сергеевич', principalName: 'Доверова Анна Павловна' });

    // Pending: no authority yet.
    expect((await representative.client.representation.get.query()).toMe).toEqual([expect.objectContaining({ id: poa.id, status: 'pending' })]);
    const early = await failure(representative.client.applications.submit.mutate({ draftId: newDraftId(), form: await completeIndividualForm(representative.client), forPoaId: poa.id }));
    expect(early.fieldErrors.forPoaId).toEqual(['Доверенность не действует: она отозвана, её срок истёк или она ещё не проверена']);

    // Staff see it in their queue and verify it; a second decision is refused; the parties are told.
    expect((await staff.client.staffRepresentation.queue.query()).pending.map((p) => p.id)).toContain(poa.id);
    expect((await failure(stranger.client.staffRepresentation.verify.mutate({ id: poa.id }))).code).toBe('FORBIDDEN');
    expect(await staff.client.staffRepresentation.verify.mutate({ id: poa.id })).toMatchObject({ status: 'verified' });
    expect((await failure(staff.client.staffRepresentation.refuse.mutate({ id: poa.id, reason: 'Подпись не совпадает с образцом' }))).message).toBe('Решение по доверенности уже не принимается: её статус — «Действует»');
    expect((await principal.client.notifications.list.query({})).map((n) => n.title)).toContain('Доверенность проверена');
    expect((await representative.client.representation.get.query()).inForce).toEqual([expect.objectContaining({ poaId: poa.id, principalName: 'Доверова Анна Павловна', principalKind: 'individual' })]);

    // The representative files for the principal: the case is the principal's, the power of attorney is attached.
    const application = await representative.client.applications.submit.mutate({ draftId: newDraftId(), form: await completeIndividualForm(representative.client, { objectName: 'Дом доверителя' }), forPoaId: poa.id });
    const row = (await stack.db.Application.findByPk(application.id))!;
    expect(row.applicantId).toBe(principal.user.id);
    expect(row.applicantName).toBe('Доверова Анна Павловна');
    expect((await principal.client.applications.list.query({})).items.map((a) => a.id)).toContain(application.id);
    expect((await representative.client.applications.list.query({})).items.map((a) => a.id)).toContain(application.id);
    expect((await failure(stranger.client.applications.get.query({ id: application.id }))).code).toBe('NOT_FOUND');
    const view = await representative.client.applications.get.query({ id: application.id });
    expect(view.documents.map((d) => d.kind)).toContain('powerOfAttorney');

    // The history names the representative, for whom and by which document.
    const [submitted] = await stack.db.sequelize.query<{ actor_id: string; actor_name: string }>('SELECT actor_id, actor_name FROM case_events WHERE case_id = $1 ORDER BY seq LIMIT 1', { bind: [application.id], type: QueryTypes.SELECT });
    expect(submitted).toEqual({ actor_id: representative.user.id, actor_name: 'Поверенный Илья Сергеевич, представитель по доверенности № 77 АА 1234567 (доверитель: Доверова Анна Павловна)' });

    // The receipt names both; the notices reach both, naming both.
    await expect.poll(async () => (await principal.client.applications.get.query({ id: application.id })).documents.some((d) => d.source === 'system'), { timeout: 20_000 }).toBe(true);
    const receipt = (await principal.client.applications.get.query({ id: application.id })).documents.find((d) => d.source === 'system')!;
    const receiptText = pdfPlainText(new Uint8Array(await (await download(representative.client, receipt.id)).arrayBuffer()));
    expect(receiptText).toContain('Доверова Анна Павловна');
    expect(receiptText).toContain('Представитель заявителя');
    expect(receiptText).toContain('Поверенный Илья Сергеевич, доверенность № 77 АА 1234567');
    const [toPrincipal] = await waitForMail(principal.email, application.number);
    const [toRepresentative] = await waitForMail(representative.email, application.number);
    for (const mail of [toPrincipal!, toRepresentative!]) expect(mail.text).toContain('Заявитель: Доверова Анна Павловна; представитель: Поверенный Илья Сергеевич, доверенность № 77 АА 1234567');
    await expect.poll(async () => (await representative.client.notifications.list.query({})).some((n) => n.caseId === application.id), { timeout: 20_000 }).toBe(true);

    // Acting on the case: a message in its conversation, recorded with the representative's standing.
    await representative.client.conversations.post.mutate({ caseId: application.id, text: 'Пишу от имени доверителя: когда будет проверка?' });
    const messages = await stack.db.sequelize.query<{ author_name: string }>('SELECT author_name FROM case_messages WHERE case_id = $1', { bind: [application.id], type: QueryTypes.SELECT });
    expect(messages.map((m) => m.author_name)).toContain('Поверенный Илья Сергеевич, представитель по доверенности № 77 АА 1234567 (доверитель: Доверова Анна Павловна)');

    // An appeal for the principal, linked to the principal's application.
    const appeal = await representative.client.appeals.create.mutate({
      id: randomUUID(),
      form: { topic: 'connection', kind: 'question', text: 'Прошу сообщить срок проверки заявки доверителя.', applicationId: application.id, answerChannel: 'cabinet', attachments: [] },
      forPoaId: poa.id,
    });
    expect((await stack.db.Appeal.findByPk(appeal.id))!.applicantId).toBe(principal.user.id);
    expect((await principal.client.appeals.list.query({})).items.map((a) => a.id)).toContain(appeal.id);

    // Nobody else revokes; the principal does, and the authority ends on the next request.
    expect((await failure(stranger.client.representation.revoke.mutate({ id: poa.id }))).code).toBe('NOT_FOUND');
    expect(await principal.client.representation.revoke.mutate({ id: poa.id })).toMatchObject({ status: 'revoked' });
    expect((await failure(representative.client.applications.get.query({ id: application.id }))).code).toBe('NOT_FOUND');
    expect((await representative.client.applications.list.query({})).items.map((a) => a.id)).not.toContain(application.id);
    expect((await download(representative.client, receipt.id)).status).toBe(404);
    expect((await failure(representative.client.appeals.get.query({ id: appeal.id }))).code).toBe('NOT_FOUND');
    expect((await principal.client.applications.get.query({ id: application.id })).summary.number).toBe(application.number);
    const mailsBefore = (await mailsTo(representative.email)).length;

    // A second power of attorney, verified, whose term then ends: the authority ends with it.
    const second = await principal.client.representation.grant.mutate({ ...grant, number: '77 АА 7654321', documentId: (await upload(principal.client, 'powerOfAttorney')).id });
    await staff.client.staffRepresentation.verify.mutate({ id: second.id });
    expect((await representative.client.applications.get.query({ id: application.id })).summary.number).toBe(application.number);
    await stack.db.sequelize.query('UPDATE powers_of_attorney SET issued_on = $2, valid_until = $3 WHERE id = $1', { bind: [second.id, addCalendarDays(today(), -30), addCalendarDays(today(), -1)] });
    expect((await failure(representative.client.applications.get.query({ id: application.id }))).code).toBe('NOT_FOUND');
    expect((await representative.client.representation.get.query()).inForce).toEqual([]);
    expect((await principal.client.representation.get.query()).issued.map((p) => p.status).sort()).toEqual(['expired', 'revoked']);
    // The case goes on without the representative: the principal is written to, the representative no more.
    const operator = await loggedIn(demo('staff').email, demo('staff').password);
    const principalMails = (await mailsTo(principal.email)).filter((m) => m.subject.includes(application.number)).length;
    await operator.staffApplications.act.mutate({ id: application.id, action: 'acceptComplete', input: {} });
    const [accepted] = (await waitForMail(principal.email, application.number, { count: principalMails + 1 })).slice(principalMails);
    expect(accepted!.text).toContain('Заявитель: Доверова Анна Павловна; представитель: Поверенный Илья Сергеевич');
    expect((await mailsTo(representative.email)).length).toBe(mailsBefore);
  });
});
