// The payable invoice's pure parts: the control keys of bank accounts, the
// requisites schema's Russian messages, the ГОСТ Р 56042-2014 payload and its
// parser, and the invoice PDF itself: its QR decoded from the rendered page
// (pdftoppm + jsQR) carries the payee, the accounts and the sum; without
// requisites the invoice says they are not configured and has no QR.
import { describe, expect, it } from 'vitest';
import { buildPaymentQrPayload, parsePaymentQrPayload, PaymentQrError, qrValue } from '../../domain/payment-qr';
import { isValidCorrespondentAccount, isValidSettlementAccount, paymentRequisitesSchema, withControlKey, type PaymentRequisites } from '../../domain/payment-requisites';
import { renderDocument } from '../../documents/pdf';
import type { DocumentData } from '../../documents/templates';
import { pdfPlainText, qrCodesInPdf } from '../support/pdf-qr';

// A real bank's published pair (ПАО Сбербанк, Москва): the correspondent account's key holds for its БИК.
const SBER_BIK = '044525225';
const SBER_CORRESP = '30101810400000000225';

// A settlement account built the way a bank numbers one: balance account 40702 (commercial organisation),
// currency 810 (rouble), the key computed by the algorithm, branch 3800 and the client's number 0000042.
const BIK = SBER_BIK;
const ACCOUNT = withControlKey('40702810038000000042', BIK, 'settlement');

const requisites: PaymentRequisites = {
  name: 'АО «Северная сетевая компания»',
  inn: '5000999991',
  kpp: '500001001',
  address: '143500, Московская обл., г. Истра, ул. Примерная, д. 1',
  bankName: 'ПАО Сбербанк',
  bik: BIK,
  correspondentAccount: SBER_CORRESP,
  account: ACCOUNT,
};

/** The same account with its 9th digit (the key) changed: one wrong digit the key must catch. */
const wrongKey = (account: string) => `${account.slice(0, 8)}${(Number(account[8]) + 1) % 10}${account.slice(9)}`;

describe('control key of bank accounts (weights 7, 1, 3)', () => {
  it('accepts a real correspondent account for its БИК and an account with the computed key', () => {
    expect(isValidCorrespondentAccount(SBER_CORRESP, SBER_BIK)).toBe(true);
    expect(ACCOUNT).toMatch(/^40702810\d38000000042$/);
    expect(isValidSettlementAccount(ACCOUNT, BIK)).toBe(true);
    // The key follows the БИК: the same account is wrong at a bank whose last three БИК digits differ.
    expect(isValidSettlementAccount(ACCOUNT, '044525974')).toBe(false);
  });

  it('rejects a changed key and a swap of two digits', () => {
    expect(isValidSettlementAccount(wrongKey(ACCOUNT), BIK)).toBe(false);
    expect(isValidCorrespondentAccount(wrongKey(SBER_CORRESP), SBER_BIK)).toBe(false);
    const swapped = `${ACCOUNT.slice(0, 18)}${ACCOUNT[19]}${ACCOUNT[18]}`;
    expect(swapped).not.toBe(ACCOUNT);
    expect(isValidSettlementAccount(swapped, BIK)).toBe(false);
  });
});

describe('requisites schema', () => {
  const messages = (input: Partial<Record<keyof PaymentRequisites, string>>) => {
    const result = paymentRequisitesSchema.safeParse({ ...requisites, ...input });
    return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [String(i.path[0]), i.message]));
  };

  it('accepts good requisites, normalising spaces in numbers', () => {
    const parsed = paymentRequisitesSchema.parse({ ...requisites, account: ACCOUNT.replace(/(\d{5})/g, '$1 '), bik: ' 04 45 25 225 ' });
    expect(parsed.account).toBe(ACCOUNT);
    expect(parsed.bik).toBe(BIK);
  });

  it('says in Russian what is wrong with each field', () => {
    expect(messages({ account: wrongKey(ACCOUNT) }).account).toBe(`Расчётный счёт не сходится с БИК ${BIK} по контрольному ключу (9-я цифра счёта): проверьте счёт и БИК`);
    expect(messages({ correspondentAccount: wrongKey(SBER_CORRESP) }).correspondentAccount).toMatch(/^Корреспондентский счёт не сходится с БИК/);
    expect(messages({ bik: '04452522' }).bik).toBe('БИК должен содержать 9 цифр');
    expect(messages({ account: '4070281093800000004' }).account).toBe('Расчётный счёт должен содержать 20 цифр');
    expect(messages({ account: '4070281093800000004A' }).account).toBe('Расчётный счёт: только цифры');
    expect(messages({ inn: '5000999992' }).inn).toBe('Неверное контрольное число ИНН организации: проверьте цифры');
    expect(messages({ kpp: '50000100' }).kpp).toBe('КПП должен содержать 9 символов');
    expect(messages({ name: 'ООО «А|Б»' }).name).toMatch(/«\|» не допускается/);
    expect(messages({ bankName: 'Б'.repeat(46) }).bankName).toMatch(/не длиннее 45 символов/);
    expect(messages({ address: '' }).address).toBe('Укажите адрес сетевой организации');
  });
});

describe('ГОСТ Р 56042-2014 payload', () => {
  const input = { requisites, sumKopecks: 12_345_678, purpose: 'Оплата по счёту № ТП-2026-000123 за ТП | НДС', docNo: 'ТП-2026-000123' };

  it('puts the mandatory fields first, in order, then the optional ones; «|» never inside a value', () => {
    const text = buildPaymentQrPayload(input);
    expect(text).toBe(
      `ST00012|Name=АО «Северная сетевая компания»|PersonalAcc=${ACCOUNT}|BankName=ПАО Сбербанк|BIC=044525225|CorrespAcc=30101810400000000225` +
        '|Sum=12345678|Purpose=Оплата по счёту № ТП-2026-000123 за ТП / НДС|PayeeINN=5000999991|KPP=500001001|DocNo=ТП-2026-000123',
    );
    expect(parsePaymentQrPayload(text)).toEqual({
      encoding: '2',
      fields: {
        Name: requisites.name,
        PersonalAcc: ACCOUNT,
        BankName: 'ПАО Сбербанк',
        BIC: BIK,
        CorrespAcc: SBER_CORRESP,
        Sum: '12345678',
        Purpose: 'Оплата по счёту № ТП-2026-000123 за ТП / НДС',
        PayeeINN: '5000999991',
        KPP: '500001001',
        DocNo: 'ТП-2026-000123',
      },
    });
  });

  it('keeps to the lengths of the standard: a long purpose is cut to 210, a long document number left out', () => {
    const fields = parsePaymentQrPayload(buildPaymentQrPayload({ ...input, purpose: 'Оплата\nпо счёту '.repeat(40), docNo: 'ТП-2026-000123-ДОП' })).fields;
    expect(Array.from(fields.Purpose!).length).toBe(210);
    expect(fields.Purpose).not.toMatch(/\n/);
    expect(fields.DocNo).toBeUndefined();
    expect(qrValue(' a |\tb ')).toBe('a / b');
  });

  it('refuses a sum that is not whole kopecks, and the parser refuses what a bank app would', () => {
    expect(() => buildPaymentQrPayload({ ...input, sumKopecks: 10.5 })).toThrow(PaymentQrError);
    expect(() => buildPaymentQrPayload({ ...input, sumKopecks: 0 })).toThrow(PaymentQrError);
    expect(() => parsePaymentQrPayload('ST00022|Name=x')).toThrow(/must start with ST0001/);
    expect(() => parsePaymentQrPayload('ST00012|PersonalAcc=1|Name=x|BankName=b|BIC=1|CorrespAcc=2')).toThrow(/must be the mandatory Name/);
    expect(() => parsePaymentQrPayload(`${buildPaymentQrPayload(input).replace('Sum=12345678', 'Sum=123,45')}`)).toThrow(/Sum/);
    // A trailing separator, which some generators write, is read.
    expect(parsePaymentQrPayload(`${buildPaymentQrPayload(input)}|`).fields.DocNo).toBe('ТП-2026-000123');
  });
});

// Rendering pages and scanning them for a code takes a few seconds per page.
describe('the invoice PDF', { timeout: 60_000 }, () => {
  const invoice = (printed: DocumentData['requisites']): DocumentData => ({
    number: 'ТП-2026-000123',
    issuedAt: '2026-11-02T09:30:00.000Z',
    applicant: { name: 'Иванов Иван Иванович', kind: 'individual', email: 'ivanov@example.ru' },
    object: { name: 'Жилой дом', address: 'Московская обл., г. Истра, ул. Садовая, д. 5', cadastralNumber: '50:08:0040229:123', maxPowerKw: 15, voltageKv: 0.4, reliability: 'III', category: 'individual15' },
    supplierName: 'АО «Центральная энергосбытовая компания» (образец)',
    fields: { invoiceAmountRub: 123_456.78, vatRatePercent: 22, deadline: '2026-11-09', applicationNumber: 'ТП-2026-000123' },
    requisites: printed,
  });

  it('prints the requisites and a QR that decodes from the rendered page to the payee, accounts and sum', async () => {
    const pdf = await renderDocument('invoice', invoice({ ...requisites, sample: false }));
    const [payload, ...more] = qrCodesInPdf(pdf);
    expect(more).toEqual([]);
    const { encoding, fields } = parsePaymentQrPayload(payload!);
    expect(encoding).toBe('2');
    expect(fields).toMatchObject({ Name: requisites.name, PersonalAcc: ACCOUNT, BankName: 'ПАО Сбербанк', BIC: BIK, CorrespAcc: SBER_CORRESP, PayeeINN: '5000999991', KPP: '500001001', Sum: '12345678', DocNo: 'ТП-2026-000123' });
    // 22 % VAT inside 123 456,78 ₽ is 22 262,70 ₽.
    expect(fields.Purpose).toBe('Оплата по счёту № ТП-2026-000123 от 02.11.2026 за технологическое присоединение по заявке ТП-2026-000123, в т. ч. НДС 22% 22262,70 руб.');
    const text = pdfPlainText(pdf);
    for (const phrase of ['Реквизиты для оплаты', requisites.name, '5000999991 / 500001001', ACCOUNT, SBER_CORRESP, 'Оплата по QR-коду', '123 456,78 ₽']) expect(text).toContain(phrase);
    expect(text).not.toContain('образец для демонстрации');
  });

  it('marks sample requisites as a sample', async () => {
    expect(pdfPlainText(await renderDocument('invoice', invoice({ ...requisites, sample: true })))).toContain('Реквизиты — образец для демонстрации кабинета: по ним не платят.');
  });

  it('says plainly that requisites are not configured, and has no QR, when none are', async () => {
    const pdf = await renderDocument('invoice', invoice(null));
    expect(qrCodesInPdf(pdf)).toEqual([]);
    const text = pdfPlainText(pdf);
    expect(text).toContain('Платёжные реквизиты сетевой организации не настроены администратором, поэтому в счёте нет реквизитов и QR-кода для оплаты.');
    expect(text).not.toContain('Расчётный счёт');
  });
});
