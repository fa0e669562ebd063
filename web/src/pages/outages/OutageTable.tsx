// The schedule as a table; on a phone each row becomes a card (outages.css).
import { For, Show } from 'solid-js';
import { CancelledNote, StreetsList } from '../../features/outages/OutageParts';
import { outageWindow, type OutageRow } from '../../features/outages/outages';
import { formatDate } from '../../ui/format';

export function OutageTable(props: { outages: OutageRow[] }) {
  return (
    <div class="table-wrap">
      <table class="table table--compact outage-table">
        <caption class="visually-hidden">Плановые отключения электроэнергии</caption>
        <thead>
          <tr>
            <th scope="col">Дата</th>
            <th scope="col">Время</th>
            <th scope="col">Район</th>
            <th scope="col">Населённый пункт, СНТ</th>
            <th scope="col">Улицы и дома</th>
            <th scope="col">Причина</th>
            <th scope="col">Объект сети</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.outages}>
            {(o) => (
              <tr classList={{ 'is-cancelled': o.status === 'cancelled' }}>
                <td data-label="Дата">
                  <div class="outage-table__date">
                    <span class="nowrap">{formatDate(o.startsAt)}</span>
                    <CancelledNote outage={o} />
                  </div>
                </td>
                <td data-label="Время" class="nowrap">
                  {outageWindow(o)}
                </td>
                <td data-label="Район">{o.district}</td>
                <td data-label="Населённый пункт, СНТ">
                  <span class="outage-table__place">{o.settlement}</span>
                </td>
                <td data-label="Улицы и дома">
                  <StreetsList streets={o.streets} />
                </td>
                <td data-label="Причина">
                  {o.reason}
                  <Show when={o.status === 'cancelled' && o.cancelReason}>
                    <div class="muted small">Отменено: {o.cancelReason}</div>
                  </Show>
                </td>
                <td data-label="Объект сети">{o.gridObject}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
