// The supplier of last resort's stage on a case page (issue 18 item 5): its
// clock runs beside the grid's procedure, from the handover of the application,
// for the draft supply contract (п.105 of Rules 861 ◐). The draft itself is in
// the case's documents.
import { Show } from 'solid-js';
import type { SupplierTrackState } from '../../../../domain/supply-contract';
import { REGULATIONS } from '../../../../domain/regulations';
import { Card, Fact, Facts, StatusChip } from '../../ui';
import { formatDateTime } from '../../ui/format';

export function SupplierStageCard(props: { track: SupplierTrackState | null | undefined; viewer: 'applicant' | 'staff' }) {
  const term = REGULATIONS.supplierDraftContract;
  return (
    <Show when={props.track}>
      {(t) => (
        <Card title="Договор энергоснабжения с гарантирующим поставщиком" level={3}>
          <div class="cluster">
            <Show when={t().stage === 'contractPosted'} fallback={<StatusChip tone={t().stage === 'cancelled' ? 'neutral' : t().late ? 'danger' : 'info'}>{t().stage === 'cancelled' ? 'Этап прекращён' : 'Ожидается проект договора'}</StatusChip>}>
              <StatusChip tone="success">Проект договора размещён</StatusChip>
            </Show>
            <Show when={t().late}>
              <StatusChip tone="danger">Просрочка гарантирующего поставщика</StatusChip>
            </Show>
          </div>
          <Facts>
            <Fact term="Гарантирующий поставщик">{t().supplierName}</Fact>
            <Fact term="Заявка передана">{formatDateTime(t().handedOverAt)}</Fact>
            <Fact term="Срок размещения проекта договора">
              до {formatDateTime(t().deadlineAt)} ({term.amount} рабочих дней, {term.source}, {term.mark})
            </Fact>
            <Show when={t().posted}>
              {(p) => (
                <>
                  <Fact term="Проект договора размещён">{`${formatDateTime(p().at)} — файл «${p().filename}» в документах заявки`}</Fact>
                  <Fact term="Номер лицевого счёта">{p().accountNumber}</Fact>
                  <Fact term="Платёжные реквизиты">{p().paymentRequisites}</Fact>
                </>
              )}
            </Show>
          </Facts>
          <Show when={props.viewer === 'applicant' && t().stage === 'draftContract'}>
            <p class="muted">Срок гарантирующего поставщика идёт параллельно с рассмотрением заявки сетевой организацией и его не задерживает.</p>
          </Show>
        </Card>
      )}
    </Show>
  );
}
