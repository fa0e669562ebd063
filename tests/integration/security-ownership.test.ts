// The ownership matrix, generated from the app router: applicant A gets real
// things (an application with uploads, a draft, an appeal with an attachment,
// a notification, a rating, an outage subscription); applicant B then names
// each of them in every procedure whose input carries an identifier, and in
// the HTTP file routes. B must be refused, learn nothing of A, and change
// nothing of A's.
//
// Which input fields carry an identifier is read from each procedure's input
// schema (security/router.ts: fields named id / …Id / …Ids or of UUID format).
// Each such field needs an entry in OWNERSHIP below saying how to fill it from
// A's things, or why it does not name an applicant's thing; a new one fails
// the first test until it is added.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { QueryTypes } from 'sequelize';
import type { ApplicationFormInput } from '../../domain/application';
import { cookiesOf } from '../support/api-client';
import { individualRegistration, registeredApplicant } from '../support/applicants';
import { completeIndividualForm, newDraftId, upload } from '../support/applications';
import { uniqueEmail } from '../support/mail';
import { useStackClients } from '../support/stack-clients';
import { callProcedure, idPathsOf, PROCEDURES, sessionOf, type Outcome, type Session } from './security/router';

const stack = useStackClients();

/** Everything of A's that B will try to reach. */
interface Owner {
  userId: string;
  email: string;
  applicationId: string;
  applicationNumber: string;
  draftId: string;
  /** An upload attached to the application, and one attached to nothing yet. */
  attachedUploadId: string;
  freeUploadId: string;
  appealId: string;
  appealNumber: string;
  notificationId: string;
  subscriptionId: string;
  /** Every document of the application's case page (uploads and what the grid published). */
  documentIds: string[];
  /** A power of attorney A issued to a third applicant (still on staff's check), and its scan. */
  poaId: string;
  poaDocumentId: string;
}

/** B's own material, so that A's identifier is the only thing wrong with B's request. */
interface Stranger {
  form: ApplicationFormInput;
  appealForm: { topic: 'serviceQuality'; kind: 'complaint'; text: string; answerChannel: 'cabinet' };
}

/**
 * refused: NOT_FOUND or FORBIDDEN, as for an id that does not exist or a role that may not ask.
 * field: BAD_REQUEST on that form field («not found among yours»), as the form shows it.
 * as-if-absent: answered exactly as for an id that does not exist (an idempotent delete, a read that
 *   answers null), with nothing of A's changed — checked against a random id and A's rows afterwards.
 */
type Verdict = 'refused' | { field: string } | 'as-if-absent';
interface Attempt {
  input: unknown;
  verdict: Verdict;
}
type IdField = ((a: Owner, b: Stranger) => Attempt) | { notApplicantOwned: string };

const scores = { clarity: 1, timeliness: 1, competence: 1, overall: 1, comment: 'Чужая оценка' };
const refused = (input: unknown): Attempt => ({ input, verdict: 'refused' });

/** Procedure → identifier field (as idPathsOf names it) → how B names A's thing there. */
const OWNERSHIP: Record<string, Record<string, IdField>> = {
  'applications.draft': { id: (a) => ({ input: { id: a.draftId }, verdict: 'as-if-absent' }) },
  'applications.saveDraft': { id: (a) => refused({ id: a.draftId, form: { objectName: 'Чужой дом' } }) },
  'applications.deleteDraft': { id: (a) => ({ input: { id: a.draftId }, verdict: 'as-if-absent' }) },
  'applications.submit': {
    draftId: (a, b) => refused({ draftId: a.draftId, form: b.form }),
    'form.attachments[].id': (a, b) => ({ input: { draftId: newDraftId(), form: { ...b.form, attachments: [{ id: a.freeUploadId, kind: 'idCopy' }] } }, verdict: { field: 'attachments' } }),
    'form.supplierId': { notApplicantOwned: 'a guaranteeing supplier from the public list' },
    forPoaId: (a, b) => ({ input: { draftId: newDraftId(), form: b.form, forPoaId: a.poaId }, verdict: { field: 'forPoaId' } }),
  },
  'applications.get': { id: (a) => refused({ id: a.applicationId }) },
  'applications.act': { id: (a) => refused({ id: a.applicationId, action: 'withdraw', input: { reason: 'Отзываю чужую заявку' } }) },
  'applications.fileClaim': {
    id: (a) => refused({ id: a.applicationId, appealId: randomUUID() }),
    appealId: (a) => refused({ id: randomUUID(), appealId: a.appealId }),
  },
  'staffApplications.get': { id: (a) => refused({ id: a.applicationId }) },
  // Conversations: another applicant's case is answered like a missing one; so is a message carrying another's upload.
  'conversations.get': { caseId: (a) => refused({ caseId: a.applicationId }) },
  'conversations.post': {
    caseId: (a) => refused({ caseId: a.appealId, text: 'Пишу в чужое дело' }),
    'attachmentIds[]': (a) => refused({ caseId: randomUUID(), text: 'С чужим файлом', attachmentIds: [a.freeUploadId] }),
  },
  'conversations.markRead': { caseId: (a) => refused({ caseId: a.applicationId }) },
  'staffApplications.act': { id: (a) => refused({ id: a.applicationId, action: 'acceptComplete', input: { comment: 'Чужое решение' } }) },
  'staffApplications.invoicePreview': { id: (a) => refused({ id: a.applicationId, input: { tariffRegion: 'Регион-образец', meteringType: '1ph' } }) },
  'staffApplications.invoiceRegions': { id: (a) => refused({ id: a.applicationId }) },
  // Departments: staff procedures an applicant is refused by role; their ids name departments and staff, never an applicant's thing.
  'departments.queue': { id: { notApplicantOwned: 'a department of the grid company' } },
  'departments.workload': { id: { notApplicantOwned: 'a department of the grid company' } },
  'departments.update': { id: { notApplicantOwned: 'a department of the grid company' } },
  'departments.setMembers': { id: { notApplicantOwned: 'a department of the grid company' }, 'members[].userId': { notApplicantOwned: 'a staff member of the grid company' } },
  'departments.takeCase': { id: (a) => refused({ id: a.applicationId }) },
  'departments.assignCase': { id: (a) => refused({ id: a.applicationId, holderId: a.userId, reason: 'Чужая заявка' }), holderId: (a) => refused({ id: a.applicationId, holderId: a.userId, reason: 'Чужая заявка' }) },
  'admin.createStaffAccount': { supplierId: { notApplicantOwned: 'a supplier of last resort from the public list (domain/application.ts SUPPLIERS)' } },
  // The supplier of last resort's procedures: an applicant is refused by role; another supplier's case is tested in supplier.test.ts.
  'supplier.get': { id: (a) => refused({ id: a.applicationId }) },
  'supplier.postContract': {
    id: (a) => refused({ id: a.applicationId, fileId: a.freeUploadId, paymentRequisites: 'Реквизиты чужого поставщика, р/с 40702810900000000001', accountNumber: 'ЛС-1' }),
    fileId: (a) => refused({ id: a.applicationId, fileId: a.freeUploadId, paymentRequisites: 'Реквизиты чужого поставщика, р/с 40702810900000000001', accountNumber: 'ЛС-1' }),
  },

  'appeals.create': {
    id: (a, b) => refused({ id: a.appealId, form: b.appealForm }),
    'form.applicationId': (a, b) => ({ input: { id: randomUUID(), form: { ...b.appealForm, applicationId: a.applicationId } }, verdict: { field: 'applicationId' } }),
    'form.attachments[].id': (a, b) => ({ input: { id: randomUUID(), form: { ...b.appealForm, attachments: [{ id: a.freeUploadId, kind: 'other' }] } }, verdict: { field: 'attachments' } }),
    forPoaId: (a, b) => ({ input: { id: randomUUID(), form: b.appealForm, forPoaId: a.poaId }, verdict: { field: 'forPoaId' } }),
  },
  // Powers of attorney: B can neither use, revoke nor decide on A's, nor issue one with A's scan.
  'representation.grant': {
    documentId: (a) => ({ input: { representativeEmail: a.email, number: '1', issuedOn: '2026-01-01', validUntil: '2036-01-01', documentId: a.poaDocumentId }, verdict: { field: 'documentId' } }),
  },
  'representation.revoke': { id: (a) => refused({ id: a.poaId }) },
  'staffRepresentation.verify': { id: (a) => refused({ id: a.poaId }) },
  'staffRepresentation.refuse': { id: (a) => refused({ id: a.poaId, reason: 'Чужая доверенность, отклоняю' }) },
  'appeals.get': { id: (a) => refused({ id: a.appealId }) },
  'appeals.act': { id: (a) => refused({ id: a.appealId, action: 'confirm', input: {} }) },
  'staffAppeals.get': { id: (a) => refused({ id: a.appealId }) },
  'staffAppeals.act': { id: (a) => refused({ id: a.appealId, action: 'take', input: {} }) },
  'staffAppeals.register': {
    id: (a, b) => refused({ id: a.appealId, applicantEmail: a.email, channel: 'written', form: b.appealForm }),
    'form.applicationId': (a, b) => refused({ id: randomUUID(), applicantEmail: a.email, channel: 'written', form: { ...b.appealForm, applicationId: a.applicationId } }),
    'form.attachments[].id': (a, b) => refused({ id: randomUUID(), applicantEmail: a.email, channel: 'written', form: { ...b.appealForm, attachments: [{ id: a.freeUploadId, kind: 'other' }] } }),
  },
  'staffAppeals.inbox': { assignee: { notApplicantOwned: 'a staff member the appeals are assigned to' } },

  'notifications.markRead': { 'ids[]': (a) => ({ input: { ids: [a.notificationId] }, verdict: 'as-if-absent' }) },
  'outages.unsubscribe': { id: (a) => ({ input: { id: a.subscriptionId }, verdict: 'as-if-absent' }) },
  'outages.update': { id: { notApplicantOwned: 'a planned outage of the public schedule' } },
  'outages.cancel': { id: { notApplicantOwned: 'a planned outage of the public schedule' } },
  'ratings.submit': { caseId: (a) => refused({ caseId: a.applicationId, stage: 'registered', ...scores }) },
  'tariffs.get': { id: { notApplicantOwned: 'a published tariff set' } },

  'audit.history': { workflowId: (a) => refused({ workflowId: `application-${a.applicationId}` }) },
  'audit.replay': { workflowId: (a) => refused({ workflowId: `appeal-${a.appealId}` }) },
  'audit.checkReadModel': {
    workflowId: (a) => refused({ workflowId: `application-${a.applicationId}` }),
    caseId: (a) => refused({ caseId: a.appealId, kind: 'appeal' }),
  },
  'admin.setBlocked': { userId: (a) => refused({ userId: a.userId, blocked: true }) },
  // Only an organisation's administrator removes, and only its own employees (tests/integration/organisations.test.ts: another organisation's administrator).
  'organisation.removeMember': { userId: (a) => refused({ userId: a.userId }) },
};

// A's identity is distinctive, so any trace of it in B's responses is found.
const A_IDENTITY = { lastName: 'Заречная', firstName: 'Агния', middleName: 'Власовна', phone: '+7 912 555-01-99' };
const A_ADDRESS = 'Тверская обл., г. Кимры, ул. Неприметная, д. 17';
const A_APPEAL_TEXT = 'Прошу Заречную А. В. уведомлять о сроках подключения дома в Кимрах.';

let a: Owner;
let b: Stranger & { session: Session };
let traces: string[];

async function fileOwner(): Promise<{ owner: Owner; session: Session; traces: string[] }> {
  const registration = { ...individualRegistration(uniqueEmail('owner')), ...A_IDENTITY };
  const { client, user, email } = await registeredApplicant(registration);
  const form = await completeIndividualForm(client, { objectAddress: A_ADDRESS, objectName: 'Дом Заречной' });
  const application = await client.applications.submit.mutate({ draftId: newDraftId(), form });
  const draftId = newDraftId();
  await client.applications.saveDraft.mutate({ id: draftId, form: { objectName: 'Баня Заречной', objectAddress: A_ADDRESS } });
  const free = await upload(client, 'other');
  const appealFile = await upload(client, 'other');
  const appeal = await client.appeals.create.mutate({
    id: randomUUID(),
    form: { topic: 'connection', kind: 'request', text: A_APPEAL_TEXT, applicationId: application.id, answerChannel: 'cabinet', attachments: [{ id: appealFile.id, kind: 'other' }] },
  });
  const third = await registeredApplicant();
  const poaScan = await upload(client, 'powerOfAttorney');
  const poa = await client.representation.grant.mutate({ representativeEmail: third.email, number: 'Заречная-1', issuedOn: '2026-01-01', validUntil: '2036-01-01', documentId: poaScan.id });
  const { id: subscriptionId } = await client.outages.subscribe.mutate({ settlement: 'Кимры', street: 'Неприметная', house: '17' });
  await client.ratings.submit.mutate({ caseId: application.id, stage: 'registered', clarity: 5, timeliness: 5, competence: 5, overall: 5, comment: 'Спасибо от Заречной' });
  let [notification] = await client.notifications.list.query({});
  for (const deadline = Date.now() + 20_000; !notification && Date.now() < deadline; [notification] = await client.notifications.list.query({})) {
    await new Promise((r) => setTimeout(r, 300));
  }
  if (!notification) throw new Error('A got no notification of its application within 20 s');
  const view = await client.applications.get.query({ id: application.id });
  const owner: Owner = {
    userId: user.id,
    email,
    applicationId: application.id,
    applicationNumber: application.number,
    draftId,
    attachedUploadId: view.documents.find((d) => d.source === 'applicant')!.id,
    freeUploadId: free.id,
    appealId: appeal.id,
    appealNumber: appeal.number,
    notificationId: notification.id,
    subscriptionId,
    documentIds: [...view.documents.map((d) => d.id), appealFile.id, poaScan.id],
    poaId: poa.id,
    poaDocumentId: poaScan.id,
  };
  const snils = registration.snils.replace(/\D/g, '');
  const found = [email, A_IDENTITY.middleName, A_IDENTITY.phone, 'Неприметная', 'Заречн', application.number, appeal.number, snils, `${snils.slice(0, 3)}-${snils.slice(3, 6)}-${snils.slice(6, 9)}`];
  return { owner, session: sessionOf('applicant', cookiesOf(client)), traces: found };
}

let aSession: Session;
beforeAll(async () => {
  const [owner, stranger] = await Promise.all([fileOwner(), registeredApplicant()]);
  ({ owner: a, session: aSession, traces } = owner);
  b = {
    session: sessionOf('applicant', cookiesOf(stranger.client)),
    form: await completeIndividualForm(stranger.client),
    appealForm: { topic: 'serviceQuality', kind: 'complaint', text: 'Прошу сообщить сроки подключения моего дома.', answerChannel: 'cabinet' },
  };
});

/** A's rows that no request of B may change. */
async function ownerState() {
  const { db } = stack;
  const [draft, application, appeal, notification, subscription, rating, user, documents] = await Promise.all([
    db.ApplicationDraft.findByPk(a.draftId),
    db.Application.findByPk(a.applicationId),
    db.Appeal.findByPk(a.appealId),
    db.Notification.findByPk(a.notificationId),
    db.OutageSubscription.findByPk(a.subscriptionId),
    db.Rating.findOne({ where: { caseId: a.applicationId, stage: 'registered' } }),
    db.User.findByPk(a.userId),
    db.Document.findAll({ where: { id: [a.attachedUploadId, a.freeUploadId, ...a.documentIds] }, order: [['id', 'ASC']] }),
  ]);
  const [poa] = await db.sequelize.query('SELECT verified_at, refused_at, revoked_at, document_id FROM powers_of_attorney WHERE id = $1', { bind: [a.poaId], type: QueryTypes.SELECT });
  return {
    poa,
    draft: draft && { form: draft.form, number: draft.number },
    application: application && { stage: application.stage, lastSeq: application.lastSeq, status: application.status },
    appeal: appeal && { stage: appeal.stage, lastSeq: appeal.lastSeq },
    notificationRead: notification?.readAt ?? 'missing',
    subscription: subscription?.userId ?? 'missing',
    rating: rating && { overall: rating.overall, comment: rating.comment },
    blocked: user?.blockedAt ?? null,
    documents: documents.map((d) => ({ id: d.id, owner: d.ownerId, caseId: d.caseId })),
  };
}

function leaks(outcome: Pick<Outcome, 'body'>): string[] {
  return traces.filter((trace) => outcome.body.toLowerCase().includes(trace.toLowerCase()));
}

describe('ownership of an applicant’s things', () => {
  it('knows, for every procedure field that carries an identifier, how to aim it at another applicant’s thing', () => {
    const missing = PROCEDURES.flatMap((p) => idPathsOf(p.input).filter((field) => !OWNERSHIP[p.path]?.[field]).map((field) => `${p.path}: ${field}`));
    const stale = Object.entries(OWNERSHIP).flatMap(([path, fields]) => {
      const p = PROCEDURES.find((q) => q.path === path);
      return Object.keys(fields).filter((field) => !p || !idPathsOf(p.input).includes(field)).map((field) => `${path}: ${field}`);
    });
    expect(missing, 'add these to OWNERSHIP in security-ownership.test.ts: how B names A’s thing there, or why it is nobody’s').toEqual([]);
    expect(stale, 'these OWNERSHIP entries name no identifier field of the router: remove or rename them').toEqual([]);
  });

  it('sanity: A itself reaches each of its things with the same identifiers', async () => {
    expect((await callProcedure(aSession, 'applications.get', { id: a.applicationId })).code).toBeNull();
    expect((await callProcedure(aSession, 'appeals.get', { id: a.appealId })).code).toBeNull();
    expect((await callProcedure(aSession, 'applications.draft', { id: a.draftId })).body).toContain('Баня Заречной');
    expect(a.documentIds.length).toBeGreaterThanOrEqual(4);
  });

  it('refuses B every identifier of A’s in every procedure, reveals nothing of A and changes nothing of A’s', async () => {
    const before = await ownerState();
    const problems: string[] = [];
    for (const [path, fields] of Object.entries(OWNERSHIP)) {
      for (const [field, ref] of Object.entries(fields)) {
        if (typeof ref !== 'function') continue;
        const { input, verdict } = ref(a, b);
        const outcome = await callProcedure(b.session, path, input);
        const where = `${path} (${field})`;
        const leaked = leaks(outcome);
        if (leaked.length) problems.push(`${where} revealed ${leaked.join(', ')}: ${outcome.body}`);
        if (verdict === 'refused' && !['NOT_FOUND', 'FORBIDDEN'].includes(outcome.code ?? '')) problems.push(`${where}: expected NOT_FOUND or FORBIDDEN, got ${outcome.status} ${outcome.body}`);
        if (typeof verdict === 'object' && !(outcome.code === 'BAD_REQUEST' && outcome.fieldErrors[verdict.field]?.length)) {
          problems.push(`${where}: expected BAD_REQUEST on field ${verdict.field}, got ${outcome.status} ${outcome.body}`);
        }
        if (verdict === 'as-if-absent') {
          const nobodys = await callProcedure(b.session, path, JSON.parse(JSON.stringify(input).replaceAll(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, () => randomUUID())));
          if (outcome.body !== nobodys.body) problems.push(`${where}: answers A’s id (${outcome.body}) unlike an id of nobody’s (${nobodys.body})`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(await ownerState()).toEqual(before);
  });

  it('refuses B A’s files and A’s case histories over the HTTP routes, while A downloads its own files', async () => {
    const appUrl = inject('appUrl');
    const get = (session: Session, path: string) => fetch(`${appUrl}${path}`, { headers: { cookie: session.cookie } });
    for (const id of [a.attachedUploadId, a.freeUploadId, ...a.documentIds]) {
      expect((await get(aSession, `/api/documents/${id}`)).status, `A's own document ${id}`).toBe(200);
      const foreign = await get(b.session, `/api/documents/${id}`);
      const body = await foreign.text();
      expect({ status: foreign.status, leaked: leaks({ body }) }, `document ${id} for B`).toEqual({ status: 404, leaked: [] });
      // There is no download under /api/uploads/<id>: whatever answers there must not be A's file.
      const viaUploads = await get(b.session, `/api/uploads/${id}`);
      expect(viaUploads.headers.get('content-type') ?? '').not.toContain('application/pdf');
      expect(leaks({ body: await viaUploads.text() })).toEqual([]);
    }
    for (const workflowId of [`application-${a.applicationId}`, `appeal-${a.appealId}`]) {
      const history = await get(b.session, `/api/audit/history/${workflowId}.json`);
      const body = await history.text();
      expect({ status: history.status, leaked: leaks({ body }) }, `history ${workflowId} for B`).toEqual({ status: 403, leaked: [] });
    }
  });
});
