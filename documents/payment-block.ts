// What makes an invoice payable: the grid company's bank requisites in force when
// it was issued and a payment QR code (ГОСТ Р 56042-2014, domain/payment-qr.ts)
// for the amount to pay now. The invoice template calls paymentBlocks(); without
// configured requisites it says so plainly and prints no QR, rather than a payee
// nobody can pay.
import { buildPaymentQrPayload } from '../domain/payment-qr';
import { PAYMENT_REQUISITES_LABELS, type PaymentRequisites } from '../domain/payment-requisites';
import { formatMoney, parseInstant } from './format';
import type { Block } from './layout';

/** The requisites an invoice prints: a saved version's fields and whether it is a sample (demo or test stack). */
export type PrintedRequisites = PaymentRequisites & { sample: boolean };

export interface PaymentBlockInput {
  /** The version in force at issue; null when no admin has configured requisites yet. */
  requisites: PrintedRequisites | null;
  invoiceNumber: string;
  /** ISO instant of issue (the invoice's date). */
  issuedAt: string;
  applicationNumber: string;
  /** The amount to pay now, roubles with VAT: the invoice total, or the first payment of a schedule. */
  payNowRub: number;
  /** VAT rate of the invoice, percent; 0 prints «НДС не облагается». */
  vatRatePercent: number;
}

const NO = '№\u00a0';
const shortDate = new Intl.DateTimeFormat('ru-RU', { timeZone: 'Europe/Moscow', day: '2-digit', month: '2-digit', year: 'numeric' });

/** Roubles as a payment order writes them in its purpose: «9016,39 руб.» (no group spaces, no ₽ sign a bank may not print). */
const purposeRub = (rub: number) => `${rub.toFixed(2).replace('.', ',')} руб.`;

export const toKopecks = (rub: number) => Math.round(rub * 100);

/** The VAT inside an amount that includes it, to the kopeck. */
function vatOf(rub: number, ratePercent: number): number {
  return Math.round((toKopecks(rub) * ratePercent) / (100 + ratePercent)) / 100;
}

/** «Оплата по счёту № … от 04.12.2026 за технологическое присоединение по заявке ТП-2026-000123, в т. ч. НДС 22% 9016,39 руб.» */
export function paymentPurpose(p: Omit<PaymentBlockInput, 'requisites'>): string {
  const date = shortDate.format(parseInstant(p.issuedAt, 'invoice: issuedAt'));
  const vat = p.vatRatePercent > 0 ? `в т. ч. НДС ${p.vatRatePercent}% ${purposeRub(vatOf(p.payNowRub, p.vatRatePercent))}` : 'НДС не облагается';
  return `Оплата по счёту ${NO}${p.invoiceNumber} от ${date} за технологическое присоединение по заявке ${p.applicationNumber}, ${vat}`;
}

export function paymentBlocks(p: PaymentBlockInput): Block[] {
  const r = p.requisites;
  if (!r) {
    return [
      { type: 'heading', text: 'Реквизиты для оплаты' },
      {
        type: 'paragraph',
        text: 'Платёжные реквизиты сетевой организации не настроены администратором, поэтому в счёте нет реквизитов и QR-кода для оплаты. Оплатите счёт в личном кабинете (действие «Оплатить счёт») или запросите реквизиты в сетевой организации.',
      },
    ];
  }
  const purpose = paymentPurpose(p);
  const label = PAYMENT_REQUISITES_LABELS;
  const blocks: Block[] = [
    { type: 'heading', text: 'Реквизиты для оплаты' },
    ...(r.sample ? [{ type: 'note', text: 'Реквизиты — образец для демонстрации кабинета: по ним не платят. Настоящие реквизиты задаёт администратор.' } as const] : []),
    {
      type: 'fields',
      rows: [
        [label.name, r.name],
        ['ИНН / КПП', `${r.inn} / ${r.kpp}`],
        [label.address, r.address],
        [label.bankName, r.bankName],
        [label.bik, r.bik],
        [label.correspondentAccount, r.correspondentAccount],
        [label.account, r.account],
        ['Сумма к оплате', formatMoney(toKopecks(p.payNowRub) / 100)],
        ['Назначение платежа', purpose],
      ],
    },
    {
      type: 'qr',
      payload: buildPaymentQrPayload({ requisites: r, sumKopecks: toKopecks(p.payNowRub), purpose, docNo: p.invoiceNumber }),
      title: 'Оплата по QR-коду',
      caption: `Отсканируйте код в приложении банка: получатель, счёт, сумма ${formatMoney(toKopecks(p.payNowRub) / 100)} и назначение платежа заполнятся сами. Проверьте их перед оплатой. Код соответствует ГОСТ Р 56042-2014.`,
    },
  ];
  return blocks;
}
