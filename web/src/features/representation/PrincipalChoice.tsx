// «Подать от имени» on the application and appeal forms of a representative: on their
// own behalf, or for a principal whose power of attorney is in force.
import { Show } from 'solid-js';
import type { RouterOutputs } from '../../trpc';
import { Card, Select } from '../../ui';

/** A power of attorney in force naming the user as representative (api/representation/service.ts). */
export type Principal = RouterOutputs['representation']['get']['inForce'][number];

/**
 * «Подать от имени»: shown to a representative with powers of attorney in force — on their own behalf or
 * for a principal (the application form keeps the choice in the address, ?for=…, like the draft).
 */
export function PrincipalChoice(props: { idPrefix: string; principals: Principal[]; value: string; onValue: (poaId: string) => void }) {
  return (
    <Show when={props.principals.length > 0}>
      <Card class="application-form">
        <Select
          id={`${props.idPrefix}-for`}
          label="Подать от имени"
          hint="Вы представитель по доверенности: подайте от своего имени или от имени доверителя. Доверенность приложится автоматически."
          value={props.value}
          onValue={props.onValue}
          options={[{ value: '', label: 'Своего (я заявитель)' }, ...props.principals.map((p) => ({ value: p.poaId, label: `${p.principalName} (доверенность № ${p.number})` }))]}
        />
      </Card>
    </Show>
  );
}

