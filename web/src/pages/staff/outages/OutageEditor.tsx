// Changing one outage in place: the same schema as a CSV row, so the form says
// exactly what the import would. Subscribers' warnings follow the new time.
import { createSignal, onMount, Show } from 'solid-js';
import { outageInputSchema } from '../../../../../domain/outages';
import { createForm, focusFirstInvalid } from '../../../forms';
import { outageFormValues, type OutageRow } from '../../../features/outages/outages';
import { describeApiError, trpc } from '../../../trpc';
import { Alert, Button, Field } from '../../../ui';

const FIELDS = ['district', 'settlement', 'streets', 'date', 'timeFrom', 'timeTo', 'reason', 'gridObject'] as const;
type FieldName = (typeof FIELDS)[number];

/** The server names nested fields «outage.timeTo»; the form knows them as «timeTo». */
function ownFieldErrors(errors: Record<string, string[]>): Record<string, string[]> {
  return Object.fromEntries(Object.entries(errors).map(([key, messages]) => [key.replace(/^outage\./, ''), messages]));
}

export function OutageEditor(props: { outage: OutageRow; onSaved: (row: OutageRow) => void; onClose: () => void }) {
  const form = createForm({ initial: outageFormValues(props.outage), schema: outageInputSchema });
  const [busy, setBusy] = createSignal(false);
  const [problem, setProblem] = createSignal<string | null>(null);
  const id = (name: FieldName) => `outage-${props.outage.id}-${name}`;
  let formEl: HTMLFormElement | undefined;
  onMount(() => formEl?.querySelector<HTMLElement>('input, textarea')?.focus());

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (busy()) return;
    setProblem(null);
    if (!form.parse()) return focusFirstInvalid(formEl);
    setBusy(true);
    try {
      // The raw text goes to the server, which parses it with the same schema.
      const outage = Object.fromEntries(FIELDS.map((f) => [f, form.text(f)])) as Record<FieldName, string>;
      props.onSaved(await trpc.outages.update.mutate({ id: props.outage.id, outage }));
    } catch (error) {
      const { message, fieldErrors } = describeApiError(error);
      const stray = form.showServerErrors(ownFieldErrors(fieldErrors));
      setProblem(Object.keys(fieldErrors).length && !stray.length ? null : [message, ...stray].join(' '));
      focusFirstInvalid(formEl);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form ref={formEl} class="stack outage-form" novalidate aria-label="Изменение отключения" onSubmit={submit}>
      <Show when={problem()}>
        <Alert tone="error" title="Изменения не сохранены">
          <p style={{ margin: 0 }}>{problem()}</p>
        </Alert>
      </Show>
      <div class="form-grid">
        <Field id={id('date')} label="Дата" hint="ДД.ММ.ГГГГ" inputMode="numeric" autocomplete="off" maxLength={10} required {...form.bindText('date')} />
        <Field id={id('timeFrom')} label="Начало" hint="ЧЧ:ММ, московское время" inputMode="numeric" autocomplete="off" maxLength={5} required {...form.bindText('timeFrom')} />
        <Field id={id('timeTo')} label="Окончание" hint="ЧЧ:ММ, московское время" inputMode="numeric" autocomplete="off" maxLength={5} required {...form.bindText('timeTo')} />
      </div>
      <div class="form-grid">
        <Field id={id('district')} label="Район" autocomplete="off" maxLength={300} required {...form.bindText('district')} />
        <Field id={id('settlement')} label="Населённый пункт или СНТ" autocomplete="off" maxLength={300} required {...form.bindText('settlement')} />
      </div>
      <Field id={id('streets')} label="Улицы и дома" hint="ул. Садовая: 1, 3, 5–9; ул. Лесная — без домов значит вся улица" multiline rows={2} maxLength={2000} required {...form.bindText('streets')} />
      <div class="form-grid">
        <Field id={id('reason')} label="Причина" autocomplete="off" maxLength={500} required {...form.bindText('reason')} />
        <Field id={id('gridObject')} label="Объект сети" autocomplete="off" maxLength={300} required {...form.bindText('gridObject')} />
      </div>
      <div class="cluster">
        <Button type="submit" loading={busy()}>
          Сохранить изменения
        </Button>
        <Button variant="ghost" disabled={busy()} onClick={() => props.onClose()}>
          Не сохранять
        </Button>
      </div>
    </form>
  );
}
