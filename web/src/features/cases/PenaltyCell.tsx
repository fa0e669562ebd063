// The «Неустойка» cell of staff lists: the sum accrued as of today and whose
// delay it is, with the ❓ mark (the rate is configurable data, not a verified rule).
import { Show } from 'solid-js';
import type { PenaltyAssessment } from '../../../../domain/penalties';
import { formatRub } from '../../ui/format';

export function PenaltyCell(props: { penalty: PenaltyAssessment | null }) {
  return (
    <Show when={props.penalty} fallback={<span class="muted">—</span>}>
      {(p) => (
        <span title={`${p().formula}. ${p().source}`}>
          {formatRub(p().sumRub)} <span class="muted small">{p().mark}</span>
          <div class="muted small">{p().party === 'grid' ? 'с сетевой организации' : 'с заявителя'}</div>
        </span>
      )}
    </Show>
  );
}
