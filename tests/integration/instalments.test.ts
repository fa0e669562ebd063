// Paying in parts through the real API, worker, Postgres and bank webhook
// (issue 18 item 3): an ineligible choice is refused in words; a 100 kW legal
// entity's first payment concludes the contract; the later parts are offered,
// paid by the applicant (test payments), the bank's notice and staff, each with
// its record on the case page; the case closes once the schedule is settled.
import { inject, describe, expect, it } from 'vitest';
import { BANK_NOTIFICATION_PATH, signBankNotification } from '../../api/payments/bank-notification';
import { applicationWorkflowId } from '../../api/applications/service';
import { DEMO_ACCOUNTS } from '../../db/seed-demo';
import { failure } from '../support/api-client';
import { legalRegistration, loggedIn, registeredApplicant } from '../support/applicants';
import { individualForm, newDraftId, upload } from '../support/applications';
import { saveHistoryFixture } from '../support/histories';
import { invoiceOf } from '../support/invoice-input';
import { useStackClients } from '../support/stack-clients';
import { TEST_BANK_SECRET } from '../support/test-env';

const stack = useStackClients();
const staffAccount = DEMO_ACCOUNTS.find((a) => a.role === 'staff')!;

function notifyBank(body: object) {
  const text = JSON.stringify(body);
  return fetch(`${inject('appUrl')}${BANK_NOTIFICATION_PATH}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-signature': signBankNotification(text, TEST_BANK_SECRET) }, body: text });
}

async function legalEntity() {
  const applicant = await registeredApplicant(legalRegistration());
  const attachments = [];
  for (const kind of ['sitePlan', 'titleDocument', 'registryExtract'] as const) attachments.push({ id: (await upload(applicant.client, kind)).id, kind });
  const form = individualForm({
    category: 'upTo150',
    passport: undefined,
    objectName: 'Склад',
    objectAddress: 'г. Тверь, ул. Лесная, 1',
    cadastralNumber: '69:40:0100100:12',
    maxPowerKw: 100,
    voltageKv: 10,
    distanceToNetworkM: 400,
    paymentOption: 'parts',
    attachments,
  });
  return { applicant, form };
}

describe('paying in parts through the API', () => {
  it('refuses an ineligible choice in Russian, on the field', async () => {
    const { applicant, form } = await legalEntity();
    const refused = await failure(applicant.client.applications.submit.mutate({ draftId: newDraftId(), form: { ...form, voltageKv: 0.4, distanceToNetworkM: 150, paymentOption: 'instalments' } }));
    expect(refused.httpStatus).toBe(400);
    expect(JSON.stringify([refused.message, refused.fieldErrors])).toMatch(/При напряжении до 0,4 кВ и расстоянии до сетей не более 200 м \(город\) оплата частями не предоставляется/);
  });

  it('first payment concludes the contract; later parts paid by the applicant, the bank and staff; the case closes when settled', async () => {
    const { applicant, form } = await legalEntity();
    const app = await applicant.client.applications.submit.mutate({ draftId: newDraftId(), form });
    const operator = await loggedIn(staffAccount.email, staffAccount.password);
    const act = (action: Parameters<typeof operator.staffApplications.act.mutate>[0]['action'], input: unknown) => operator.staffApplications.act.mutate({ id: app.id, action, input });
    const page = () => applicant.client.applications.get.query({ id: app.id });

    await act('acceptComplete', {});
    await act('postContractDocuments', { ...invoiceOf(100_000), tuRequirements: 'Построить ЛЭП 10 кВ до границы участка', connectionPoint: 'ПС 110/10 кВ «Южная», яч. 7' });
    let view = await page();
    expect(view.summary.paymentSchedule!.parts.map((p) => [p.amountKop, p.status])).toEqual([
      [15_000_00, 'due'],
      [30_000_00, 'due'],
      [35_000_00, 'due'],
      [20_000_00, 'waiting'],
    ]);
    expect(view.actions).toContain('payInvoice');
    expect(view.actions).not.toContain('payInstalment');

    // The first payment is the acceptance: the contract is concluded, the ТУ stage begins.
    expect((await applicant.client.applications.act.mutate({ id: app.id, action: 'payInvoice', input: {} })).stage).toBe('tuFulfilment');
    view = await page();
    expect(view.summary.contractConcludedAt).not.toBeNull();
    expect(view.events.find((e) => e.type === 'paid')!.title).toBe('Внесён первый платёж по графику, договор заключён');
    expect(view.actions).toContain('payInstalment');

    // Part 2 by the applicant (test payments), part 3 by the bank's notice; a repeated notice pays nothing more.
    await applicant.client.applications.act.mutate({ id: app.id, action: 'payInstalment', input: { part: 2 } });
    const refused = await failure(applicant.client.applications.act.mutate({ id: app.id, action: 'payInstalment', input: { part: 2 } }));
    expect(refused.message).toMatch(/Платёж № 2 уже внесён/);
    const notice = { applicationNumber: app.number, amountRub: 35_000, paymentReference: 'ПП-3535' };
    expect((await notifyBank(notice)).status).toBe(200);
    expect((await notifyBank(notice)).status).toBe(409);
    view = await page();
    expect(view.summary.paymentSchedule!.parts.map((p) => p.status)).toEqual(['paid', 'paid', 'paid', 'waiting']);
    expect(view.summary.paymentSchedule!.parts[2]!.payment).toMatchObject({ reference: 'ПП-3535', by: { role: 'bank' } });
    expect(view.events.filter((e) => e.type === 'instalment-paid').map((e) => e.actorRole)).toEqual(['applicant', 'bank']);

    // The procedure runs on to the act; the last part is dated from it and the case waits for it.
    await applicant.client.applications.act.mutate({ id: app.id, action: 'reportTuDone', input: {} });
    await act('recordGridTuDone', {});
    await act('recordInspection', { passed: true });
    await act('recordConnection', { meterNumber: '011552123456789' });
    expect((await act('issueAct', {})).stage).toBe('completed');
    // The dates follow the act's answer by one recorded event.
    await expect.poll(async () => (await operator.staffApplications.get.query({ id: app.id })).summary.paymentSchedule!.parts[3]!.dueAt, { timeout: 10_000 }).not.toBeNull();
    expect((await operator.staffApplications.get.query({ id: app.id })).actions).toContain('confirmInstalment');
    const handle = stack.temporal.workflow.getHandle(applicationWorkflowId(app.id));
    expect((await handle.describe()).status.name).toBe('RUNNING');

    await act('confirmInstalment', { part: 4, paymentReference: 'ПП-4444', comment: 'Последний платёж' });
    expect(await handle.result()).toBe('completed');
    view = await page();
    expect(view.summary.paymentSchedule!.settled).toBe(true);
    expect(view.actions).toEqual([]);

    await saveHistoryFixture('application-payment-schedule', await handle.fetchHistory());
  });
});
