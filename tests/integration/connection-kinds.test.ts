// Issue 18 item 4 against the real stack (API, worker, Postgres, documents):
// an individual is refused the legal-entity category in words; a temporary
// connection is filed with its own fields and its documents name it; and a
// withdrawal after the contract is its termination — staff record the costs
// actually incurred, the applicant reads the refund and downloads the
// termination agreement, the case ends as «Договор расторгнут».
import { inject, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../api/http/cookies';
import { applicationWorkflowId } from '../../api/applications/service';
import { DEMO_ACCOUNTS } from '../../db/seed-demo';
import { cookiesOf, failure, type apiClient } from '../support/api-client';
import { loggedIn, registeredApplicant } from '../support/applicants';
import { completeIndividualForm, newDraftId } from '../support/applications';
import { saveHistoryFixture } from '../support/histories';
import { invoiceOf } from '../support/invoice-input';
import { pdfPlainText } from '../support/pdf-qr';
import { useStackClients } from '../support/stack-clients';

const stack = useStackClients();
const staffAccount = DEMO_ACCOUNTS.find((a) => a.role === 'staff')!;
const DOCS = { tuRequirements: 'Установить вводное устройство 0,4 кВ на границе участка', connectionPoint: 'Опора № 7 ВЛ-0,4 кВ' };

async function pdfOf(client: ReturnType<typeof apiClient>, id: string, kind: string): Promise<string> {
  const view = await client.applications.get.query({ id });
  const doc = view.documents.find((d) => d.kind === kind);
  expect(doc, `${kind} among the case documents`).toBeDefined();
  const response = await fetch(`${inject('appUrl')}/api/documents/${doc!.id}`, { headers: { cookie: `${SESSION_COOKIE}=${cookiesOf(client).get(SESSION_COOKIE)}` } });
  expect(response.status).toBe(200);
  return pdfPlainText(new Uint8Array(await response.arrayBuffer()));
}

describe('connection kinds and categories through the API', () => {
  it('an individual cannot file under «Юридическое лицо или ИП»; above 15 kW it has its own category', async () => {
    const applicant = await registeredApplicant();
    const form = await completeIndividualForm(applicant.client, { category: 'upTo150', maxPowerKw: 50 });
    const refused = await failure(applicant.client.applications.submit.mutate({ draftId: newDraftId(), form }));
    expect(refused.httpStatus).toBe(400);
    expect(JSON.stringify(refused.fieldErrors)).toContain('Категория «Юридическое лицо или ИП, до 150 кВт (п. 12(1) Правил)» — для юридических лиц и ИП');
    const app = await applicant.client.applications.submit.mutate({ draftId: newDraftId(), form: { ...form, category: 'individualUpTo150', stagesPlan: 'Один этап' } });
    expect((await applicant.client.applications.get.query({ id: app.id })).summary.category).toBe('individualUpTo150');
  });

  it('a temporary connection is filed with its own fields; a period above the maximum is refused on its field; the ТУ name it', async () => {
    const applicant = await registeredApplicant();
    const temporary = { permanentNumber: 'ТП-2026-000042', permanentDate: '2026-11-20', supplyFrom: '2027-01-10', supplyTo: '2027-06-30', mobile: true };
    const form = await completeIndividualForm(applicant.client, { connectionKind: 'temporary', temporary });
    const refused = await failure(applicant.client.applications.submit.mutate({ draftId: newDraftId(), form: { ...form, temporary: { ...temporary, supplyTo: '2028-06-30' } } }));
    expect(refused.httpStatus).toBe(400);
    expect(refused.fieldErrors?.['temporary.supplyTo']?.[0] ?? JSON.stringify(refused)).toMatch(/Временное присоединение — не дольше \d+ месяцев/);
    const app = await applicant.client.applications.submit.mutate({ draftId: newDraftId(), form });
    const operator = await loggedIn(staffAccount.email, staffAccount.password);
    await operator.staffApplications.act.mutate({ id: app.id, action: 'acceptComplete', input: {} });
    await operator.staffApplications.act.mutate({ id: app.id, action: 'postContractDocuments', input: { ...invoiceOf(30_000), ...DOCS } });
    const tu = await pdfOf(applicant.client, app.id, 'technicalConditions');
    expect(tu).toContain('Вид присоединения Временное технологическое присоединение передвижного объекта на период с 10.01.2027 по 30.06.2027');
    expect(tu).toContain('№ ТП-2026-000042 от 20.11.2026');
    // The mobile object's own term (◐) is printed in the ТУ.
    expect(tu).toContain('15 рабочих дней');
  });

  it('withdrawal after the contract: costs actually incurred, the refund told, the termination agreement, «Договор расторгнут»', async () => {
    const applicant = await registeredApplicant();
    const app = await applicant.client.applications.submit.mutate({ draftId: newDraftId(), form: await completeIndividualForm(applicant.client) });
    const operator = await loggedIn(staffAccount.email, staffAccount.password);
    const act = (action: Parameters<typeof operator.staffApplications.act.mutate>[0]['action'], input: unknown) => operator.staffApplications.act.mutate({ id: app.id, action, input });
    await act('acceptComplete', {});
    await act('postContractDocuments', { ...invoiceOf(48_200), ...DOCS });
    await applicant.client.applications.act.mutate({ id: app.id, action: 'payInvoice', input: {} });

    const leaving = await applicant.client.applications.act.mutate({ id: app.id, action: 'withdraw', input: { reason: 'Продаю участок' } });
    expect(leaving.stage).toBe('terminating');
    expect((await applicant.client.applications.get.query({ id: app.id })).actions).toEqual([]);
    expect((await operator.staffApplications.get.query({ id: app.id })).actions).toEqual(['recordTerminationCosts']);

    const bad = await failure(act('recordTerminationCosts', { items: [{ title: 'Проектные работы', amountRub: -5, document: 'Договор подряда № 5' }] }));
    expect(bad.httpStatus).toBe(400);
    expect(JSON.stringify([bad.message, bad.fieldErrors])).toContain('Сумма не может быть отрицательной');

    const done = await act('recordTerminationCosts', { items: [{ title: 'Проектные работы', amountRub: 12_000, document: 'Договор подряда № 5 от 01.12.2026' }], comment: 'Расходы по смете' });
    expect(done.stage).toBe('terminated');
    const view = await applicant.client.applications.get.query({ id: app.id });
    expect(view.summary).toMatchObject({ stage: 'terminated', status: 'withdrawn' });
    expect(view.events.find((e) => e.type === 'contract-terminated')).toMatchObject({ stage: 'terminated', title: 'Договор расторгнут по инициативе заявителя' });
    const text = await pdfOf(applicant.client, app.id, 'terminationNotice');
    expect(text).toContain('Соглашение о расторжении договора об осуществлении технологического присоединения');
    expect(text).toContain('Проектные работы — 12 000,00 ₽ (Договор подряда № 5 от 01.12.2026)');
    expect(text).toContain('Оплачено заявителем по договору 48 200,00 ₽');
    expect(text).toContain('К возврату заявителю 36 200,00 ₽');

    const handle = stack.temporal.workflow.getHandle(applicationWorkflowId(app.id));
    expect(await handle.result()).toBe('terminated');
    await saveHistoryFixture('application-contract-terminated', await handle.fetchHistory());
  });
});
