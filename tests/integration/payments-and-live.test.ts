import { inject, describe, expect, it } from 'vitest';
import { signBankNotification, BANK_NOTIFICATION_PATH } from '../../api/payments/bank-notification';
import { SESSION_COOKIE } from '../../api/http/cookies';
import { DEMO_ACCOUNTS } from '../../db/seed-demo';
import { cookiesOf } from '../support/api-client';
import { loggedIn, registeredApplicant } from '../support/applicants';
import { completeIndividualForm, newDraftId } from '../support/applications';
import { TEST_BANK_SECRET } from '../support/test-env';
import { invoiceOf } from '../support/invoice-input';

const staffAccount = DEMO_ACCOUNTS.find((a) => a.role === 'staff')!;

async function applicationAwaitingPayment() {
  const applicant = await registeredApplicant();
  const form = await completeIndividualForm(applicant.client);
  const app = await applicant.client.applications.submit.mutate({ draftId: newDraftId(), form });
  const operator = await loggedIn(staffAccount.email, staffAccount.password);
  await operator.staffApplications.act.mutate({ id: app.id, action: 'acceptComplete', input: {} });
  await operator.staffApplications.act.mutate({
    id: app.id,
    action: 'postContractDocuments',
    input: { ...invoiceOf(50_000), tuRequirements: 'Установить прибор учёта', connectionPoint: 'Опора № 1', constructionNeeded: false },
  });
  return { applicant, app };
}

function notifyBank(body: object, signature?: string) {
  const text = JSON.stringify(body);
  return fetch(`${inject('appUrl')}${BANK_NOTIFICATION_PATH}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-signature': signature ?? signBankNotification(text, TEST_BANK_SECRET) },
    body: text,
  });
}

describe('bank payment notification', () => {
  it('confirms payment with a valid signature and refuses a forged one', async () => {
    const { app, applicant } = await applicationAwaitingPayment();
    const body = { applicationNumber: app.number, amountRub: 50_000, paymentReference: 'ПП-7781' };
    expect((await notifyBank(body, 'sha256=' + '0'.repeat(64))).status).toBe(401);
    expect((await applicant.client.applications.get.query({ id: app.id })).summary.stage).toBe('awaitingPayment');

    const response = await notifyBank(body);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, stage: 'tuFulfilment' });
    const view = await applicant.client.applications.get.query({ id: app.id });
    expect(view.events.at(-1)).toMatchObject({ type: 'paid', actorRole: 'bank' });
    // A repeated notification does not pay twice: the stage no longer accepts it.
    expect((await notifyBank(body)).status).toBe(409);
  });
});

describe('live status', () => {
  it('pushes a case event to the applicant page when the stage changes', async () => {
    const applicant = await registeredApplicant();
    const form = await completeIndividualForm(applicant.client);
    const app = await applicant.client.applications.submit.mutate({ draftId: newDraftId(), form });
    const controller = new AbortController();
    const stream = await fetch(`${inject('appUrl')}/api/live`, {
      headers: { cookie: `${SESSION_COOKIE}=${cookiesOf(applicant.client).get(SESSION_COOKIE)}` },
      signal: controller.signal,
    });
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    const reader = stream.body!.getReader();
    const operator = await loggedIn(staffAccount.email, staffAccount.password);
    await operator.staffApplications.act.mutate({ id: app.id, action: 'acceptComplete', input: {} });
    let text = '';
    const decoder = new TextDecoder();
    while (!text.includes(`"caseId":"${app.id}"`)) text += decoder.decode((await reader.read()).value);
    expect(text).toContain('event: case');
    controller.abort();
    expect((await fetch(`${inject('appUrl')}/api/live`)).status).toBe(401);
  });
});
