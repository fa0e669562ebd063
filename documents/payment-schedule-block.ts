// The payment schedule on the invoice (issue 18 item 3): a case paying in parts
// prints each part with its amount and due date, says that the first payment
// concludes the contract, and asks the payment QR for the first payment only.
// The schedule is the one the workflow recorded (domain/payment-schedule.ts).
import { formatKop as formatKopAny } from '../domain/money';
import { SCHEDULE_OPTION_TITLES, SCHEDULE_OPTIONS, type PaymentSchedule, type SchedulePart } from '../domain/payment-schedule';
import { formatTerm } from '../domain/regulations';
import { formatDate } from './format';
import type { Block } from './layout';

const formatKop = (kop: number) => formatKopAny(kop, { kopecks: 'always' });

/** The schedule the workflow passed with the documents, or null (an invoice paid at once, or an older case). */
export function asPaymentSchedule(value: unknown): PaymentSchedule | null {
  if (!value || typeof value !== 'object') return null;
  const s = value as Partial<PaymentSchedule>;
  return (SCHEDULE_OPTIONS as readonly unknown[]).includes(s.option) && Array.isArray(s.parts) && s.parts.length > 0 && typeof s.totalKop === 'number' ? (s as PaymentSchedule) : null;
}

/** What the QR asks for and the applicant pays first, in roubles. */
export const firstPaymentRub = (schedule: PaymentSchedule): number => schedule.parts[0]!.amountKop / 100;

function due(p: SchedulePart): string {
  if (p.dueAt !== null) return `до ${formatDate(new Date(p.dueAt).toISOString())}`;
  return `срок — ${formatTerm(p.term)} после акта об осуществлении технологического присоединения`;
}

export function paymentScheduleBlocks(schedule: PaymentSchedule): Block[] {
  const rows = schedule.parts.map((p) => [`№ ${p.no}. ${p.title}, ${due(p)}`, p.interestKop > 0 ? `${formatKop(p.amountKop)} (в т. ч. проценты ${formatKop(p.interestKop)})` : formatKop(p.amountKop)] as const);
  const blocks: Block[] = [
    { type: 'heading', text: `График платежей: ${SCHEDULE_OPTION_TITLES[schedule.option].toLowerCase()}` },
    { type: 'fields', rows },
    {
      type: 'paragraph',
      text: `Договор считается заключённым в день оплаты первого платежа (${formatKop(schedule.parts[0]!.amountKop)}); сумма в QR-коде — первый платёж. Следующие платежи вносятся по графику; напоминание придёт в личный кабинет до срока каждого платежа.`,
    },
  ];
  if (schedule.interest) {
    blocks.push({ type: 'note', text: `Проценты начисляются ежеквартально на остаток долга по ставке ${String(schedule.interest.annualPercent).replace('.', ',')} % годовых: ключевая ставка Банка России ${String(schedule.interest.keyRatePercent).replace('.', ',')} % + 4 п.п.` });
  }
  blocks.push({ type: 'note', text: `Основание: ${schedule.source} (вторичный источник, ◐).` });
  return blocks;
}
