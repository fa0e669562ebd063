// A payable invoice (issue 18, item 2) on the real stack: an admin saves the grid's
// bank requisites (a wrong control key is refused with a Russian message and saves
// nothing), a case is driven to its posted invoice, the applicant downloads the
// invoice PDF through the API, its pages are rendered with pdftoppm at 150 dpi and
// the QR code is decoded with jsQR: every field of the ГОСТ Р 56042-2014 payload is
// checked against the requisites the invoice recorded and the invoice's total.
// A later change of requisites leaves the issued invoice as it was.
import { randomInt } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { SESSION_COOKIE } from '../../api/http/cookies';
import { DEMO_ACCOUNTS } from '../../db/seed-demo';
import { parsePaymentQrPayload } from '../../domain/payment-qr';
import { withControlKey, type PaymentRequisitesInput } from '../../domain/payment-requisites';
import { cookiesOf, failure } from '../support/api-client';
import { loggedIn, registeredApplicant } from '../support/applicants';
import { completeIndividualForm, newDraftId } from '../support/applications';
import { fakeInn10, fakeKpp } from '../support/fake-identifiers';
import { NO_CONSTRUCTION } from '../support/invoice-input';
import { pdfPlainText, qrCodesInPdf } from '../support/pdf-qr';
import { useStackClients } from '../support/stack-clients';

const stack = useStackClients();
const account = (role: 'staff' | 'admin') => DEMO_ACCOUNTS.find((a) => a.role === role)!;

// ПАО Сбербанк's published БИК and correspondent account; the settlement account is
// numbered as a bank numbers one (40702 810, key, branch, client) with the key computed.
const BIK = '044525225';
const requisitesInput = (): PaymentRequisitesInput => ({
  name: `АО «Проверочная сетевая компания ${randomInt(1000, 9999)}»`,
  inn: fakeInn10(),
  kpp: fakeKpp(),
  address: '143500, Московская обл., г. Истра, ул. Примерная, д. 1',
  bankName: 'ПАО Сбербанк',
  bik: BIK,
  correspondentAccount: '30101810400000000225',
  account: withControlKey(`407028100380${String(randomInt(0, 1e8)).padStart(8, '0')}`, BIK, 'settlement'),
});

/** The account with its control key (9th digit) changed. */
const wrongKey = (a: string) => `${a.slice(0, 8)}${(Number(a[8]) + 1) % 10}${a.slice(9)}`;

async function download(client: object, id: string): Promise<Uint8Array> {
  const response = await fetch(`${inject('appUrl')}/api/documents/${id}`, { headers: { cookie: `${SESSION_COOKIE}=${cookiesOf(client).get(SESSION_COOKIE)}` } });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('application/pdf');
  return new Uint8Array(await response.arrayBuffer());
}

/** «Итого к оплате 50 000,00 ₽» (the first one: the invoice's own, before any annex) read back from the PDF, in kopecks. */
function printedTotalKopecks(text: string): number {
  const m = /Итого к оплате ([\d ]+),(\d{2}) ₽/.exec(text);
  if (!m) throw new Error(`no «Итого к оплате» in the invoice: ${text.slice(0, 400)}`);
  return Number(m[1]!.replace(/ /g, '')) * 100 + Number(m[2]);
}

describe('payable invoice', () => {
  it('an admin saves requisites; the posted invoice carries them and a QR that decodes to every field', async () => {
    const admin = await loggedIn(account('admin').email, account('admin').password);
    const mine = requisitesInput();

    const refused = await failure(admin.paymentRequisites.save.mutate({ ...mine, account: wrongKey(mine.account) }));
    expect(refused.httpStatus).toBe(400);
    expect(refused.fieldErrors.account).toEqual([`Расчётный счёт не сходится с БИК ${BIK} по контрольному ключу (9-я цифра счёта): проверьте счёт и БИК`]);
    expect((await admin.paymentRequisites.history.query()).some((v) => v.name === mine.name)).toBe(false);

    const saved = await admin.paymentRequisites.save.mutate(mine);
    expect(saved).toMatchObject({ ...mine, sample: false, changedBy: 'Орлова Мария' });
    expect((await admin.paymentRequisites.history.query())[0]).toEqual(saved);

    // The case up to its invoice.
    const applicant = await registeredApplicant();
    const filed = await applicant.client.applications.submit.mutate({ draftId: newDraftId(), form: await completeIndividualForm(applicant.client) });
    const operator = await loggedIn(account('staff').email, account('staff').password);
    await operator.staffApplications.act.mutate({ id: filed.id, action: 'acceptComplete', input: {} });
    await operator.staffApplications.act.mutate({
      id: filed.id,
      action: 'postContractDocuments',
      input: { ...NO_CONSTRUCTION, tuRequirements: 'Установить прибор учёта', connectionPoint: 'Опора № 1' },
    });
    const view = await applicant.client.applications.get.query({ id: filed.id });
    expect(view.summary.stage).toBe('awaitingPayment');
    const invoiceDoc = view.documents.find((d) => d.kind === 'invoice');
    expect(invoiceDoc, 'the invoice among the case documents').toBeDefined();

    const pdf = await download(applicant.client, invoiceDoc!.id);
    const text = pdfPlainText(pdf);
    const codes = qrCodesInPdf(pdf);
    expect(codes).toHaveLength(1);
    const { encoding, fields } = parsePaymentQrPayload(codes[0]!);

    // The requisites the invoice recorded: the version in force at its issue, which is ours unless
    // another test's admin saved one in the seconds between (the fuzz test may), then that one.
    const row = (await stack.db.Document.findByPk(invoiceDoc!.id))!;
    const recorded = (await admin.paymentRequisites.history.query()).find((v) => v.id === row.paymentRequisitesId);
    expect(recorded, 'the invoice row records the requisites version it printed').toBeDefined();
    expect(Date.parse(recorded!.createdAt)).toBeGreaterThanOrEqual(Date.parse(saved.createdAt));
    if (recorded!.id === saved.id) expect(recorded).toMatchObject(mine);

    expect(encoding).toBe('2');
    expect(fields).toEqual({
      Name: recorded!.name,
      PersonalAcc: recorded!.account,
      BankName: recorded!.bankName,
      BIC: recorded!.bik,
      CorrespAcc: recorded!.correspondentAccount,
      Sum: String(printedTotalKopecks(text)),
      Purpose: expect.stringContaining(`за технологическое присоединение по заявке ${filed.number}`),
      PayeeINN: recorded!.inn,
      KPP: recorded!.kpp,
      DocNo: filed.number,
    });
    // The computed invoice's total (paid at once: the whole of it), to the kopeck; the purpose names the invoice and its VAT.
    expect(view.invoice, 'the computed invoice of the case').not.toBeNull();
    expect(fields.Sum).toBe(String(view.invoice!.totalKop));
    expect(fields.Purpose).toMatch(new RegExp(`^Оплата по счёту № ${filed.number} от \\d{2}\\.\\d{2}\\.\\d{4} за технологическое присоединение по заявке ${filed.number}, (в т\\. ч\\. НДС \\d+% [\\d,]+ руб\\.|НДС не облагается)$`));
    for (const phrase of ['Реквизиты для оплаты', recorded!.name, `${recorded!.inn} / ${recorded!.kpp}`, recorded!.account, recorded!.correspondentAccount, recorded!.bik]) expect(text).toContain(phrase);

    // A later change of requisites: the issued invoice is downloaded as it was issued.
    const next = await admin.paymentRequisites.save.mutate({ ...requisitesInput(), name: 'АО «Переименованная сетевая компания»' });
    expect((await admin.paymentRequisites.history.query())[0]!.id).toBe(next.id);
    const again = await download(applicant.client, invoiceDoc!.id);
    expect(Buffer.from(again).equals(Buffer.from(pdf))).toBe(true);
    expect((await stack.db.Document.findByPk(invoiceDoc!.id))!.paymentRequisitesId).toBe(recorded!.id);
  });

  it('staff and auditors read the versions, only an admin saves one', async () => {
    const operator = await loggedIn(account('staff').email, account('staff').password);
    expect(Array.isArray(await operator.paymentRequisites.history.query())).toBe(true);
    expect((await failure(operator.paymentRequisites.save.mutate(requisitesInput()))).code).toBe('FORBIDDEN');
  });
});
