// The settlement on termination of a concluded contract (domain/termination.ts): costs against what was paid, to the kopeck.
import { describe, expect, it } from 'vitest';
import { recordTerminationCostsSchema, settlementText, terminationSettlement } from '../../domain/termination';

describe('termination settlement', () => {
  it('refunds what was paid above the costs, asks for the rest of costs above it, in kopecks', () => {
    expect(terminationSettlement([{ amountRub: 0.1 }, { amountRub: 0.2 }], 1)).toEqual({ costsKop: 30, paidKop: 100, toPayKop: 0, refundKop: 70 });
    const over = terminationSettlement([{ amountRub: 12_000.55 }], 5_520);
    expect(over).toEqual({ costsKop: 1_200_055, paidKop: 552_000, toPayKop: 648_055, refundKop: 0 });
    expect(settlementText(over)).toContain('К доплате заявителем: 6\u00a0480,55\u00a0₽');
    expect(settlementText(terminationSettlement([], 5_520))).toContain('К возврату заявителю: 5\u00a0520,00\u00a0₽');
    expect(settlementText(terminationSettlement([{ amountRub: 100 }], 100))).toContain('Взаимных обязательств по оплате нет');
  });

  it('each cost line names its document; a negative or sub-kopeck sum is refused in words', () => {
    const bad = recordTerminationCostsSchema.safeParse({ items: [{ title: 'Проект', amountRub: -1, document: '' }, { title: 'Опора', amountRub: 1.005, document: 'Акт № 1' }] });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['items.0.amountRub', 'Сумма не может быть отрицательной'],
      ['items.0.document', 'Укажите документ, подтверждающий расход'],
      ['items.1.amountRub', 'Сумма — в рублях с точностью до копейки'],
    ]);
    expect(recordTerminationCostsSchema.parse({})).toEqual({ items: [], comment: '' });
  });
});
