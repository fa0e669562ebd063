// Cancelling an outage is final, so it takes a reason and a deliberate second
// click on the page itself. The outage stays in the schedule marked «Отменено».
import { createSignal, onMount, Show } from 'solid-js';
import type { OutageRow } from '../../../features/outages/outages';
import { describeApiError, trpc } from '../../../trpc';
import { Alert, Button, Field } from '../../../ui';

export function CancelForm(props: { outage: OutageRow; onCancelled: (row: OutageRow) => void; onClose: () => void }) {
  const [reason, setReason] = createSignal('');
  const [error, setError] = createSignal<string | undefined>();
  const [problem, setProblem] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const fieldId = () => `outage-${props.outage.id}-cancel-reason`;
  let formEl: HTMLFormElement | undefined;
  onMount(() => formEl?.querySelector<HTMLElement>('textarea')?.focus());

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (busy()) return;
    setError(undefined);
    setProblem(null);
    setBusy(true);
    try {
      props.onCancelled(await trpc.outages.cancel.mutate({ id: props.outage.id, reason: reason() }));
    } catch (e) {
      // The rule for the reason lives on the server; its message is shown at the field.
      const { message, fieldErrors } = describeApiError(e);
      if (fieldErrors.reason?.[0]) {
        setError(fieldErrors.reason[0]);
        formEl?.querySelector<HTMLElement>('textarea')?.focus();
      } else setProblem(message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form ref={formEl} class="stack outage-form outage-form--cancel" novalidate aria-label="Отмена отключения" onSubmit={submit}>
      <Alert tone="warning" title="Отменить это отключение?">
        <p style={{ margin: 0 }}>
          Отмену нельзя вернуть. Отключение останется в графике с отметкой «Отменено»; подписчикам, которые уже получили предупреждение, придёт сообщение об отмене.
        </p>
      </Alert>
      <Show when={problem()}>
        <Alert tone="error">{problem()}</Alert>
      </Show>
      <Field id={fieldId()} label="Причина отмены" hint="Её увидят жители в графике" multiline rows={2} maxLength={500} required value={reason()} onValue={setReason} error={error()} />
      <div class="cluster">
        <Button type="submit" variant="danger" loading={busy()}>
          Подтвердить отмену
        </Button>
        <Button variant="ghost" disabled={busy()} onClick={() => props.onClose()}>
          Не отменять
        </Button>
      </div>
    </form>
  );
}
