// Who holds the application in its stage (issue 20 item 2), on the staff case
// page: the holder and since when; «Взять в работу» while nobody holds it; a
// supervisor of the stage's department (or an admin) hands it to a staff member,
// with the reason when it is taken from someone. The workflow records each.
import { createResource, createSignal, Show } from 'solid-js';
import { describeApiError, trpc } from '../../trpc';
import { Alert, Button, Card, Field, Muted, Select } from '../../ui';
import { formatDateTime } from '../../ui/format';

export function HolderCard(props: { caseId: string; number: string; holderName: string | null; heldSince: string | null; canAct: boolean; supervises: boolean; final: boolean }) {
  const [problem, setProblem] = createSignal('');
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [holderId, setHolderId] = createSignal('');
  const [reason, setReason] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [staff] = createResource(
    () => props.supervises && !props.final,
    () => trpc.departments.staff.query(),
  );

  async function run(call: () => Promise<unknown>) {
    setProblem('');
    setErrors({});
    setBusy(true);
    try {
      await call();
      setReason('');
    } catch (error) {
      const p = describeApiError(error);
      setErrors(Object.fromEntries(Object.entries(p.fieldErrors).map(([k, v]) => [k, v[0] ?? ''])));
      setProblem(p.message);
    } finally {
      setBusy(false);
    }
  }

  function assign(event: SubmitEvent) {
    event.preventDefault();
    if (!holderId()) {
      setErrors({ holderId: 'Выберите сотрудника' });
      document.getElementById('assign-holder')?.focus();
      return;
    }
    void run(() => trpc.departments.assignCase.mutate({ id: props.caseId, holderId: holderId(), reason: reason() }));
  }

  return (
    <Card title="Исполнитель">
      <div class="stack">
        <Show when={props.holderName} fallback={<Muted>{props.final ? 'Заявка закрыта.' : 'Заявку на этом этапе пока никто не взял в работу.'}</Muted>}>
          {(name) => (
            <p>
              Ведёт: <strong class="holder">{name()}</strong>
              <Show when={props.heldSince}>{(since) => <span class="muted"> — с {formatDateTime(since())}</span>}</Show>
            </p>
          )}
        </Show>
        <Show when={!props.final && props.canAct && !props.holderName}>
          <div>
            <Button type="button" disabled={busy()} onClick={() => void run(() => trpc.departments.takeCase.mutate({ id: props.caseId }))}>
              Взять в работу
            </Button>
          </div>
        </Show>
        <Show when={!props.final && props.supervises}>
          <form class="stack" novalidate onSubmit={assign} aria-label={`Передать заявку ${props.number} сотруднику`}>
            <Select
              id="assign-holder"
              label="Передать сотруднику"
              placeholder="Выберите сотрудника"
              value={holderId()}
              onValue={setHolderId}
              options={(staff() ?? []).map((u) => ({ value: u.id, label: `${u.name || u.email} (${u.email})` }))}
              error={errors().holderId}
            />
            <Field id="assign-reason" label="Причина передачи (обязательна, если заявку ведёт другой сотрудник)" maxLength={500} value={reason()} onValue={setReason} error={errors().reason} />
            <div>
              <Button type="submit" variant="secondary" disabled={busy()}>
                Передать
              </Button>
            </div>
          </form>
        </Show>
        <Show when={problem()}>
          <Alert tone="error">{problem()}</Alert>
        </Show>
      </div>
    </Card>
  );
}
