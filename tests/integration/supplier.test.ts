// The supplier of last resort through the real API, worker and Postgres (issue
// 18 item 5): the case is handed over at registration; the supplier's user sees
// only its own organisation's cases, uploads its draft supply contract (PDF only)
// and posts it with requisites and the account number; the applicant downloads
// it from the case's documents; another supplier is refused, and its own
// upload cannot be posted by someone else. The history is recorded for replay.
import { inject, describe, expect, it } from 'vitest';
import { applicationWorkflowId } from '../../api/applications/service';
import { SESSION_COOKIE } from '../../api/http/cookies';
import { SUPPLY_CONTRACT_KIND } from '../../activities/supplier';
import { cookiesOf, failure, type apiClient } from '../support/api-client';
import { DEMO_ACCOUNTS } from '../../db/seed-demo';
import { loggedIn, registeredApplicant, registeredStaff } from '../support/applicants';
import { completeIndividualForm, newDraftId, samplePdf } from '../support/applications';
import { saveHistoryFixture } from '../support/histories';
import { useStackClients } from '../support/stack-clients';

const stack = useStackClients();
type Client = ReturnType<typeof apiClient>;

const cookieOf = (client: Client) => `${SESSION_COOKIE}=${cookiesOf(client).get(SESSION_COOKIE)}`;

async function supplierUpload(client: Client, bytes: Uint8Array, kind: string = SUPPLY_CONTRACT_KIND) {
  const appUrl = inject('appUrl');
  return fetch(`${appUrl}/api/uploads?kind=${kind}&filename=${encodeURIComponent('Проект договора.pdf')}`, {
    method: 'POST',
    headers: { origin: appUrl, cookie: cookieOf(client), 'content-type': 'application/octet-stream' },
    body: Buffer.from(bytes),
  });
}

const requisites = 'АО «ЦЭСК», ИНН 7700000000, КПП 770001001, р/с 40702810900000000001 в ПАО Сбербанк, БИК 044525225';

describe('the supplier of last resort', () => {
  it('sees only its own handed-over cases, posts the draft contract; the applicant downloads it; another supplier is refused', async () => {
    const applicant = await registeredApplicant();
    const form = await completeIndividualForm(applicant.client, { supplierId: 'gp-center' });
    const app = await applicant.client.applications.submit.mutate({ draftId: newDraftId(), form });
    const own = await registeredStaff('supplier', 'gp-center');
    const other = await registeredStaff('supplier', 'gp-region');

    // Handed over at registration: listed for its supplier with its term, not for the other one.
    await expect.poll(async () => (await own.client.supplier.cases.query()).cases.some((c) => c.id === app.id), { timeout: 15_000 }).toBe(true);
    // The demo supplier account works for the same sample supplier and sees the case too.
    const demo = DEMO_ACCOUNTS.find((a) => a.role === 'supplier')!;
    expect((await (await loggedIn(demo.email, demo.password)).supplier.cases.query()).cases.some((c) => c.id === app.id)).toBe(true);
    const listed = (await own.client.supplier.cases.query()).cases.find((c) => c.id === app.id)!;
    expect(listed).toMatchObject({ number: app.number, objectAddress: form.objectAddress, maxPowerKw: 15, stage: 'draftContract', late: false, posted: null });
    expect(Date.parse(listed.deadlineAt)).toBeGreaterThan(Date.parse(listed.handedOverAt));
    expect((await other.client.supplier.cases.query()).cases.some((c) => c.id === app.id)).toBe(false);
    expect((await failure(other.client.supplier.get.query({ id: app.id }))).httpStatus).toBe(404);

    // Uploads: a supplier uploads only its draft contract, and only as a PDF.
    expect((await supplierUpload(own.client, samplePdf(), 'idCopy')).status).toBe(400);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0, 0, 0, 0, 0]);
    const refusedPng = await supplierUpload(own.client, png);
    expect(refusedPng.status).toBe(415);
    expect(((await refusedPng.json()) as { error: { message: string } }).error.message).toMatch(/файлом PDF/);
    const uploaded = await supplierUpload(own.client, samplePdf('Проект договора энергоснабжения'));
    expect(uploaded.status).toBe(201);
    const file = (await uploaded.json()) as { id: string; sha256: string };

    // Another supplier cannot post on this case, nor with this file; a bad account number is refused in words.
    expect((await failure(other.client.supplier.postContract.mutate({ id: app.id, fileId: file.id, paymentRequisites: requisites, accountNumber: '123' }))).httpStatus).toBe(404);
    expect((await failure(own.client.supplier.postContract.mutate({ id: app.id, fileId: file.id, paymentRequisites: requisites, accountNumber: 'ЛС 12' }))).message).toMatch(/без пробелов/);

    const posted = await own.client.supplier.postContract.mutate({ id: app.id, fileId: file.id, paymentRequisites: requisites, accountNumber: 'ЛС-0012345' });
    expect(posted).toMatchObject({ stage: 'contractPosted', posted: { accountNumber: 'ЛС-0012345', fileId: file.id } });
    expect((await failure(own.client.supplier.postContract.mutate({ id: app.id, fileId: file.id, paymentRequisites: requisites, accountNumber: 'ЛС-0012345' }))).message).toMatch(/уже размещён|не найден/);

    // The applicant sees the supplier's stage and downloads the draft from the case's documents.
    const page = await applicant.client.applications.get.query({ id: app.id });
    expect(page.summary.supplierTrack).toMatchObject({ stage: 'contractPosted', posted: { accountNumber: 'ЛС-0012345' } });
    const doc = page.documents.find((d) => d.id === file.id)!;
    expect(doc.title).toBe('Проект договора энергоснабжения (гарантирующий поставщик)');
    const download = await fetch(`${inject('appUrl')}/api/documents/${file.id}`, { headers: { cookie: cookieOf(applicant.client) } });
    expect(download.status).toBe(200);
    expect(new TextDecoder().decode(await download.arrayBuffer())).toContain('Проект договора энергоснабжения');
    // Another supplier cannot download it.
    expect((await fetch(`${inject('appUrl')}/api/documents/${file.id}`, { headers: { cookie: cookieOf(other.client) } })).status).toBe(404);
    // A supplier sees nothing of the grid's: no staff queue.
    expect((await failure(own.client.staffApplications.queue.query({}))).httpStatus).toBe(403);

    // Withdrawal ends the case; the supplier's page shows it.
    await applicant.client.applications.act.mutate({ id: app.id, action: 'withdraw', input: { reason: 'Передумал' } });
    const handle = stack.temporal.workflow.getHandle(applicationWorkflowId(app.id));
    expect(await handle.result()).toBe('withdrawn');
    await expect.poll(async () => (await own.client.supplier.get.query({ id: app.id })).stage, { timeout: 10_000 }).toBe('cancelled');
    await saveHistoryFixture('application-supplier-one-mail', await handle.fetchHistory());
  });
});
