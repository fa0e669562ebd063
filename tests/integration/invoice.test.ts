// The invoice computed from the tariff (issue 18 item 1) against the real stack:
// staff see the invoice before posting, the posted total equals the public
// calculator's for the same inputs, the PDF prints the lines and the set's VAT,
// and a correction carries who made it and why into the PDF and the audit timeline.
import { inject, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../api/http/cookies';
import { applicationWorkflowId } from '../../api/applications/service';
import { DEMO_ACCOUNTS } from '../../db/seed-demo';
import { moscowDate } from '../../domain/calendar';
import { asInvoice } from '../../domain/invoice';
import { cookiesOf, failure, type apiClient } from '../support/api-client';
import { loggedIn, registeredApplicant } from '../support/applicants';
import { completeIndividualForm, newDraftId } from '../support/applications';
import { saveHistoryFixture } from '../support/histories';
import { SAMPLE_TARIFF_REGION } from '../support/invoice-input';
import { pdfPlainText } from '../support/pdf-qr';
import { useStackClients } from '../support/stack-clients';

const stack = useStackClients();
const account = (role: 'staff' | 'auditor') => DEMO_ACCOUNTS.find((a) => a.role === role)!;
const login = (role: 'staff' | 'auditor') => loggedIn(account(role).email, account(role).password);

/** The construction staff decide for the 15 kW house: an overhead line as long as the distance, a single-phase meter. */
const SCOPE = { tariffRegion: SAMPLE_TARIFF_REGION, constructionNeeded: true, overheadLineM: 120, meteringType: '1ph' } as const;
const DOCS = { tuRequirements: 'Построить ВЛ-0,4 кВ до границы участка, установить прибор учёта', connectionPoint: 'Опора № 12 ВЛ-0,4 кВ Ф-3' };

async function preparingDocuments() {
  const applicant = await registeredApplicant();
  const form = await completeIndividualForm(applicant.client);
  const app = await applicant.client.applications.submit.mutate({ draftId: newDraftId(), form });
  const operator = await login('staff');
  await operator.staffApplications.act.mutate({ id: app.id, action: 'acceptComplete', input: {} });
  return { applicant, app, form, operator };
}

async function invoicePdfText(client: ReturnType<typeof apiClient>, id: string): Promise<string> {
  const view = await client.applications.get.query({ id });
  const doc = view.documents.find((d) => d.kind === 'invoice');
  expect(doc, 'the invoice among the case documents').toBeDefined();
  const response = await fetch(`${inject('appUrl')}/api/documents/${doc!.id}`, { headers: { cookie: `${SESSION_COOKIE}=${cookiesOf(client).get(SESSION_COOKIE)}` } });
  expect(response.status).toBe(200);
  return pdfPlainText(new Uint8Array(await response.arrayBuffer()));
}

const rub = (kop: number) => (kop / 100).toLocaleString('ru-RU', { minimumFractionDigits: 2 }).replace(/[\u00a0\u202f\s]/g, ' ');

describe('the invoice is computed from the tariff', () => {
  it('a 15 kW household invoice equals the public calculator for the same inputs; the PDF prints the lines and the set’s VAT', async () => {
    const { applicant, app, form, operator } = await preparingDocuments();
    const registeredOn = moscowDate(Date.parse(app.submittedAt));
    const calculator = await applicant.client.calculator.calculate.query({
      region: SAMPLE_TARIFF_REGION,
      date: registeredOn,
      category: form.category,
      maxPowerKw: form.maxPowerKw,
      voltageKv: form.voltageKv,
      reliability: form.reliability,
      territory: form.territory,
      distanceToNetworkM: form.distanceToNetworkM,
      constructionNeeded: true,
      overheadLineM: 120,
      meteringType: '1ph',
    });

    // Staff see the computed invoice before posting.
    const preview = await operator.staffApplications.invoicePreview.query({ id: app.id, input: SCOPE });
    expect(preview.totalKop).toBe(Math.round(calculator.totalRub * 100));
    expect(preview.vatRatePercent).toBe(calculator.tariff.vatRatePercent);
    expect(preview.tariffDate).toBe(registeredOn);
    // A scope the calculator refuses is told in words, before anything is posted.
    const refused = await failure(operator.staffApplications.invoicePreview.query({ id: app.id, input: { ...SCOPE, constructionNeeded: true, overheadLineM: 0 } }));
    expect(refused.message).toMatch(/Укажите, что нужно построить/);

    expect((await operator.staffApplications.act.mutate({ id: app.id, action: 'postContractDocuments', input: { ...SCOPE, ...DOCS } })).stage).toBe('awaitingPayment');
    const view = await applicant.client.applications.get.query({ id: app.id });
    const posted = view.events.find((e) => e.type === 'documents-posted')!;
    const input = posted.data.input as { invoiceAmountRub: number; invoice: unknown };
    const invoice = asInvoice(input.invoice)!;
    expect(invoice.totalKop).toBe(Math.round(calculator.totalRub * 100));
    expect(input.invoiceAmountRub).toBe(calculator.totalRub);
    expect(invoice.lines.map((l) => l.label)).toEqual(calculator.lines.map((l) => l.label));
    expect(invoice.correction).toBeNull();

    const text = await invoicePdfText(applicant.client, app.id);
    for (const line of invoice.lines) expect(text).toContain(line.label.replace(/[\u00a0\u202f\s]+/g, ' ').slice(0, 40));
    expect(text).toContain(`НДС ${calculator.tariff.vatRatePercent} %`);
    expect(text).toContain('Приложение к счёту. Расчёт платы');
    expect(text).toContain(rub(invoice.totalKop));
    expect(text).not.toContain('Скорректировано');

    // Withdrawn, so the history is a finished case: the fixture of patch 'invoice-from-tariff'.
    await applicant.client.applications.act.mutate({ id: app.id, action: 'withdraw', input: { reason: 'Проверка записи истории' } });
    await saveHistoryFixture('application-invoice-from-tariff', await stack.temporal.workflow.getHandle(applicationWorkflowId(app.id)).fetchHistory());
  });

  it('a correction needs a reason; who made it and why are in the PDF’s annex and the audit timeline', async () => {
    const { applicant, app, operator } = await preparingDocuments();
    const computed = await operator.staffApplications.invoicePreview.query({ id: app.id, input: SCOPE });

    const noReason = await failure(operator.staffApplications.act.mutate({ id: app.id, action: 'postContractDocuments', input: { ...SCOPE, ...DOCS, correction: { amountRub: 60_000, reason: '' } } }));
    expect(noReason.message).toMatch(/Укажите причину корректировки/);
    expect((await applicant.client.applications.get.query({ id: app.id })).summary.stage).toBe('preparingDocuments');

    const reason = 'Линию строит заявитель по договору подряда';
    const corrected = await operator.staffApplications.invoicePreview.query({ id: app.id, input: { ...SCOPE, correction: { amountRub: '60 000,00', reason } } });
    expect(corrected).toMatchObject({ computedTotalKop: computed.totalKop, totalKop: 60_000_00, correction: { amountKop: 60_000_00, reason } });
    await operator.staffApplications.act.mutate({ id: app.id, action: 'postContractDocuments', input: { ...SCOPE, ...DOCS, correction: { amountRub: 60_000, reason } } });

    const staffName = corrected.correction!.by!.name;
    const text = await invoicePdfText(applicant.client, app.id);
    expect(text).toContain(`Скорректировано: ${staffName}, ${reason}`);
    expect(text).toContain(rub(60_000_00));
    expect(text).toContain(rub(computed.totalKop));
    // The fee of the contract (penalties of п.16 «в») is the final total: the payment asks for it.
    const view = await applicant.client.applications.get.query({ id: app.id });
    expect((view.events.find((e) => e.type === 'documents-posted')!.data.input as { invoiceAmountRub: number }).invoiceAmountRub).toBe(60_000);

    const auditor = await login('auditor');
    const timeline = (await auditor.audit.history.query({ workflowId: applicationWorkflowId(app.id) })).timeline;
    const entry = timeline.entries.find((e) => e.title.startsWith('Расчёт счёта по тарифу'));
    expect(entry, 'the computeInvoice activity in the timeline').toBeDefined();
    const details = Object.fromEntries(entry!.details.map((d) => [d.label, d.value]));
    expect(details).toMatchObject({ 'Кто скорректировал': staffName, 'Причина корректировки': reason });
    expect(details['Корректировка']).toContain(`Скорректировано: ${staffName}, ${reason}`);
    expect(details['Ставка НДС']).toBe(`${computed.vatRatePercent} %`);
  });
});
