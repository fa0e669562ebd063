// Pieces of an outage shown alike to visitors and to staff.
import { For, Show } from 'solid-js';
import type { OutageRow } from './outages';
import { StatusChip } from '../../ui';

/** One street a line; a street without houses is off as a whole, and says so. */
export function StreetsList(props: { streets: OutageRow['streets'] }) {
  return (
    <ul class="outage-streets">
      <For each={props.streets}>
        {(s) => (
          <li>
            <span class="outage-streets__street">{s.street}</span>
            <Show when={s.houses.length} fallback={<span class="muted"> — вся улица</span>}>
              : {s.houses.join(', ')}
            </Show>
          </li>
        )}
      </For>
    </ul>
  );
}

export function CancelledNote(props: { outage: OutageRow }) {
  return (
    <Show when={props.outage.status === 'cancelled'}>
      <StatusChip tone="danger">Отменено</StatusChip>
    </Show>
  );
}
