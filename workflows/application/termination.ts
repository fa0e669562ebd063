// Withdrawal after the contract is concluded (since patch 'contract-termination'):
// the applicant's refusal terminates the contract (расторжение), and the grid
// is owed the costs it actually incurred (domain/termination.ts). Staff record
// them with a breakdown and the documents behind them, within their term; the
// applicant is told the sum to pay or to be refunded, a termination notice is
// published, and the case ends as «Договор расторгнут».
import { settlementText, terminationSettlement } from '../../domain/termination';
import type { ApplicationAction } from '../../domain/procedures/application';
import { formatKop, rubToKop } from '../../domain/money';
import type { Ticket } from '../case/machine';
import type { ConnectionCase } from './connection-case';
import type { ApplicationOutcome } from './contract';

export const terminationEvents = {
  requested: 'Заявитель отказался от договора: договор расторгается с возмещением фактически понесённых расходов',
  terminated: 'Договор расторгнут по инициативе заявителя',
} as const;

/** What the applicant paid under the contract: the paid parts of a schedule, else the invoice paid at once. */
function paidRub(run: ConnectionCase): number {
  const schedule = run.snapshot.paymentSchedule;
  if (schedule) return schedule.parts.filter((p) => p.status === 'paid').reduce((sum, p) => sum + p.amountKop, 0) / 100;
  return run.feeRub;
}

export async function terminate(run: ConnectionCase, ticket: Ticket<ApplicationAction, unknown>): Promise<ApplicationOutcome> {
  const input = run.input;
  const paid = paidRub(run);
  // The schedule ends with the contract; what was paid is settled against the costs below.
  run.instalments?.cancel();
  await run.enterStage(
    'terminating',
    { ticket, type: 'termination-requested', title: terminationEvents.requested },
    {
      tell: `Вы отказались от договора по заявке ${input.number}. Договор расторгается: сетевая организация рассчитает фактически понесённые ею расходы и сообщит сумму к доплате или к возврату.`,
      tellStaff: `По заявке ${input.number} заявитель отказался от заключённого договора: внесите фактически понесённые расходы с подтверждающими документами.`,
    },
  );
  const costs = await run.awaitGrid('terminating');
  costs.name satisfies 'recordTerminationCosts'; // a new action of this stage needs its step here
  const settlement = terminationSettlement(costs.request.input.items, paid);
  const items = costs.request.input.items.map((i) => `${i.title} — ${formatKop(rubToKop(i.amountRub) ?? 0, { kopecks: 'always' })} (${i.document})`);
  await run.enterStage('terminated', { ticket: costs, type: 'contract-terminated', title: terminationEvents.terminated }, {
    docs: ['terminationNotice'],
    docFields: {
      costItems: items,
      costsRub: settlement.costsKop / 100,
      paidRub: settlement.paidKop / 100,
      toPayRub: settlement.toPayKop / 100,
      refundRub: settlement.refundKop / 100,
      settlement: settlementText(settlement),
    },
    tell: `Договор по заявке ${input.number} расторгнут. ${settlementText(settlement)}`,
    supplier: `По заявке ${input.number} договор об осуществлении технологического присоединения расторгнут по инициативе заявителя.`,
  });
  await run.close();
  return 'terminated';
}
