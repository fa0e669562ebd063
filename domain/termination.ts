// Termination of a concluded connection contract at the applicant's request
// (DOMAIN §9): not a plain withdrawal. The applicant may refuse the contract
// (ГК РФ ст. 782) but pays the costs the grid actually incurred (фактически
// понесённые расходы); staff record them with a breakdown and the documents
// behind each line, and the applicant is told what is left to pay, or what is
// refunded of what was paid. Pure: the workflow, the API, the documents and
// the web share it.
import { z } from 'zod';
import './zod-ru';
import { formatKop, rubToKop, type Kop } from './money';

const rub = z.coerce
  .number({ error: 'Укажите сумму числом, в рублях' })
  .min(0, 'Сумма не может быть отрицательной')
  .max(1e11, 'Слишком большая сумма')
  // A negative sum already has its message.
  .refine((v) => v < 0 || rubToKop(v) !== null, 'Сумма — в рублях с точностью до копейки');

export const terminationCostItemSchema = z.object({
  title: z.string().trim().min(1, 'Укажите, что это за расход').max(300, 'Не более 300 символов'),
  amountRub: rub,
  /** The document that proves the cost: its name, number and date (смета, акт, накладная). */
  document: z.string().trim().min(1, 'Укажите документ, подтверждающий расход').max(300, 'Не более 300 символов'),
});
export type TerminationCostItem = z.infer<typeof terminationCostItemSchema>;

/** Staff's action in the termination stage: the costs actually incurred, line by line. None incurred: an empty list. */
export const recordTerminationCostsSchema = z.object({
  items: z.array(terminationCostItemSchema).max(50, 'Не более 50 строк расходов').default([]),
  comment: z.string().trim().max(2000, 'Комментарий не длиннее 2000 символов').default(''),
});
export type RecordTerminationCosts = z.infer<typeof recordTerminationCostsSchema>;

export interface TerminationSettlement {
  costsKop: Kop;
  paidKop: Kop;
  /** What the applicant still owes (costs above what was paid), or 0. */
  toPayKop: Kop;
  /** What the grid returns (paid above the costs), or 0. */
  refundKop: Kop;
}

/** Costs against what was paid under the contract, to the kopeck. */
export function terminationSettlement(items: readonly Pick<TerminationCostItem, 'amountRub'>[], paidRub: number): TerminationSettlement {
  const costsKop = items.reduce((sum, i) => sum + (rubToKop(i.amountRub) ?? 0), 0);
  const paidKop = rubToKop(paidRub) ?? 0;
  return { costsKop, paidKop, toPayKop: Math.max(0, costsKop - paidKop), refundKop: Math.max(0, paidKop - costsKop) };
}

/** «К доплате 1 200 ₽» / «К возврату 3 000 ₽» / «Расчёты завершены: …». */
export function settlementText(s: TerminationSettlement): string {
  const head = `Фактически понесённые расходы сетевой организации: ${formatKop(s.costsKop, { kopecks: 'always' })}; оплачено по договору: ${formatKop(s.paidKop, { kopecks: 'always' })}.`;
  if (s.toPayKop > 0) return `${head} К доплате заявителем: ${formatKop(s.toPayKop, { kopecks: 'always' })}.`;
  if (s.refundKop > 0) return `${head} К возврату заявителю: ${formatKop(s.refundKop, { kopecks: 'always' })}.`;
  return `${head} Взаимных обязательств по оплате нет.`;
}
