// The invoice of a case paying in parts (issue 18 item 3): the schedule is
// printed part by part with amounts and due dates, and the payment QR — decoded
// from the rendered page — asks for the first payment, which concludes the contract.
import { describe, expect, it } from 'vitest';
import { parsePaymentQrPayload } from '../../domain/payment-qr';
import { withControlKey } from '../../domain/payment-requisites';
import { planSchedule } from '../../domain/payment-schedule';
import { resolveTerms } from '../../domain/regulations';
import { renderDocument } from '../../documents/pdf';
import type { DocumentData } from '../../documents/templates';
import { pdfPlainText, qrCodesInPdf } from '../support/pdf-qr';

const BIK = '044525225';
const requisites = {
  name: 'АО «Северная сетевая компания»',
  inn: '5000999991',
  kpp: '500001001',
  address: '143500, Московская обл., г. Истра, ул. Примерная, д. 1',
  bankName: 'ПАО Сбербанк',
  bik: BIK,
  correspondentAccount: '30101810400000000225',
  account: withControlKey('40702810038000000042', BIK, 'settlement'),
  sample: false,
};
// Posted on Monday 2 Nov 2026, 12:30 Moscow.
const posted = Date.parse('2026-11-02T09:30:00.000Z');

function invoice(schedule: DocumentData['paymentSchedule']): DocumentData {
  return {
    number: 'ТП-2026-000124',
    issuedAt: '2026-11-02T09:30:00.000Z',
    applicant: { name: 'ООО «Ромашка»', kind: 'legal', email: 'romashka@example.ru' },
    object: { name: 'Склад', address: 'г. Тверь, ул. Лесная, 1', cadastralNumber: '69:40:0100100:12', maxPowerKw: 100, voltageKv: 10, reliability: 'III', category: 'upTo150' },
    supplierName: 'АО «Центральная энергосбытовая компания» (образец)',
    fields: { invoiceAmountRub: 100_000, vatRatePercent: 22, deadline: '2026-11-09', applicationNumber: 'ТП-2026-000124', paymentOption: 'parts' },
    requisites,
    paymentSchedule: schedule,
  };
}

describe('the invoice with a payment schedule', { timeout: 30_000 }, () => {
  it('prints the staged schedule and its QR asks for the first payment (15 %)', async () => {
    const schedule = planSchedule({ option: 'staged', totalKop: 100_000_00, invoicePostedAt: posted, actAt: null, terms: resolveTerms() });
    const pdf = await renderDocument('invoice', invoice(schedule));
    const [payload] = qrCodesInPdf(pdf);
    expect(parsePaymentQrPayload(payload!).fields.Sum).toBe('1500000');
    const text = pdfPlainText(pdf);
    for (const phrase of [
      'График платежей: поэтапная оплата',
      '№ 1. 1-й платёж, 15 %, до 10 ноября 2026 г.',
      '15 000,00 ₽',
      '№ 2. 2-й платёж, 30 %, до 23 ноября 2026 г.',
      '30 000,00 ₽',
      '№ 4. 4-й платёж, 20 %, срок — 10 календарных дней после акта',
      'договор считается заключённым в день оплаты первого платежа',
      'Внесите первый платёж по графику',
      'Итого к оплате',
    ]) expect(text).toContain(phrase);
  });

  it('prints the instalments with their interest', async () => {
    const schedule = planSchedule({ option: 'instalments', quarters: 4, keyRatePercent: 16, totalKop: 100_000_00, invoicePostedAt: posted, actAt: null, terms: resolveTerms() });
    const pdf = await renderDocument('invoice', invoice(schedule));
    expect(parsePaymentQrPayload(qrCodesInPdf(pdf)[0]!).fields.Sum).toBe('500000');
    const text = pdfPlainText(pdf);
    for (const phrase of ['Аванс, 5 %', '28 500,00 ₽ (в т. ч. проценты 4 750,00 ₽)', 'срок — 3 месяца после акта', '20 % годовых: ключевая ставка Банка России 16 % + 4 п.п.']) expect(text).toContain(phrase);
  });
});
