// «График платежей»: the schedule of a case that pays in parts, on both case
// pages — each part with its amount, due date, status and payment record. An
// overdue part is the applicant's debt, said so plainly; it is never shown as
// the grid's lateness. The rule is ◐ (DOMAIN §9), and the page says so.
import { Show } from 'solid-js';
import { formatKop } from '../../../../domain/money';
import { PART_STATUS_LABELS, SCHEDULE_OPTION_TITLES, type PartStatus, type ScheduleState, type TrackedPart } from '../../../../domain/payment-schedule';
import { formatTerm } from '../../../../domain/regulations';
import { Alert, Card, DataTable, SmallNote, StatusChip, type ChipTone } from '../../ui';
import { formatDate, formatDateTime } from '../../ui/format';

const TONE: Record<PartStatus, ChipTone> = { waiting: 'neutral', due: 'info', overdue: 'danger', paid: 'success', cancelled: 'neutral' };

function due(p: TrackedPart) {
  if (p.dueAt !== null) return formatDate(p.dueAt);
  return `${formatTerm(p.term)} после акта о ТП`;
}

export function PaymentScheduleCard(props: { schedule: ScheduleState | null | undefined; viewer: 'applicant' | 'staff' }) {
  return (
    <Show when={props.schedule}>
      {(s) => (
        <Card title="График платежей">
          <div class="stack">
            <p style={{ margin: 0 }}>
              {SCHEDULE_OPTION_TITLES[s().option]}: всего {formatKop(s().totalKop)}
              <Show when={s().interest}>{(i) => <> плюс проценты {String(i().annualPercent).replace('.', ',')} % годовых (ключевая ставка {String(i().keyRatePercent).replace('.', ',')} % + 4 п.п.)</>}</Show>. Договор заключается
              первым платежом.
            </p>
            <Show when={s().parts.some((p) => p.status === 'overdue')}>
              <Alert tone="warning" title={props.viewer === 'applicant' ? 'Платёж по графику просрочен' : 'Задолженность заявителя по графику платежей'}>
                <p style={{ margin: 0 }}>
                  {props.viewer === 'applicant'
                    ? 'Внесите просроченный платёж: это ваша задолженность по договору. Сроки сетевой организации от неё не меняются.'
                    : 'Заявитель не внёс платёж в срок. Это задолженность заявителя, а не просрочка сетевой организации.'}
                </p>
              </Alert>
            </Show>
            <DataTable
              caption="Платежи по графику"
              columns={[
                { header: '№', cell: (p: TrackedPart) => p.no },
                { header: 'Платёж', cell: (p) => p.title },
                { header: 'Сумма', class: 'num', cell: (p) => (p.interestKop > 0 ? `${formatKop(p.amountKop)} (в т. ч. проценты ${formatKop(p.interestKop)})` : formatKop(p.amountKop)) },
                { header: 'Срок оплаты', cell: due },
                { header: 'Статус', cell: (p) => <StatusChip tone={TONE[p.status]}>{PART_STATUS_LABELS[p.status]}</StatusChip> },
                { header: 'Оплата', cell: (p) => (p.payment ? `${formatDateTime(p.payment.at)}, ${p.payment.by.name}; ${p.payment.reference}` : '—') },
              ]}
              rows={s().parts}
              rowClass={(p) => ({ 'row--danger': p.status === 'overdue' })}
            />
            <SmallNote>
              Порядок оплаты частями — по действующим формам заявок (◐, вторичный источник): {s().source}.{s().option === 'instalments' ? ' Ключевая ставка — значение кабинета, проверьте действующее на дату договора (❓).' : ''}
            </SmallNote>
          </div>
        </Card>
      )}
    </Show>
  );
}
