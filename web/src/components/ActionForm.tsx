// The frame of one case action: a card titled with the action's label, the
// fields, the server's refusal in an Alert and a submit button with the same
// label. Applications and appeals, staff and applicant, all send through it.
import { createSignal, Show, type JSX } from 'solid-js';
import { focusFirstInvalid, type Form } from '../forms';
import { describeApiError } from '../trpc';
import { Alert, Button, Card, type ButtonVariant } from '../ui';

export interface ActionFormProps<K extends string, O, V> {
  /** The action's label: the card title and, unless `submitLabel` says otherwise, the button. */
  label: string;
  submitLabel?: string;
  variant?: ButtonVariant;
  hint?: JSX.Element;
  form: Form<K, O>;
  toInput?: (data: O) => unknown;
  /** A check the schema cannot make (e.g. an unchosen radio); returns whether to go on. */
  precheck?: () => boolean;
  /** While true (files still uploading) the action cannot be sent. */
  blocked?: boolean;
  send: (input: unknown) => Promise<V>;
  /** Called with the server's answer after the form has been cleared. */
  onDone: (view: V) => void;
  /** The server refused: the case may have moved on, so the page refetches it. */
  onRefused: (message: string) => void;
  children: JSX.Element;
}

export function ActionForm<K extends string, O, V>(props: ActionFormProps<K, O, V>) {
  const [busy, setBusy] = createSignal(false);
  const [problem, setProblem] = createSignal<string | null>(null);
  let formEl: HTMLFormElement | undefined;

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (busy() || props.blocked) return;
    setProblem(null);
    const data = props.form.parse();
    // After parse, which replaces the shown messages, so a precheck's own message stays.
    const ok = props.precheck ? props.precheck() : true;
    if (!ok || data === null) {
      focusFirstInvalid(formEl);
      return;
    }
    setBusy(true);
    try {
      const view = await props.send(props.toInput ? props.toInput(data) : data);
      props.form.reset();
      props.onDone(view);
    } catch (error) {
      const { message, fieldErrors } = describeApiError(error);
      setProblem([message, ...props.form.showServerErrors(fieldErrors)].join(' '));
      props.onRefused(message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title={props.label} level={3} class="action-card">
      <form ref={formEl} class="stack" novalidate onSubmit={submit}>
        <Show when={props.hint}>
          <p class="muted small" style={{ margin: 0 }}>
            {props.hint}
          </p>
        </Show>
        {props.children}
        <Show when={problem()}>
          <Alert tone="error">{problem()}</Alert>
        </Show>
        <div class="cluster">
          <Button type="submit" variant={props.variant} loading={busy()} disabled={props.blocked}>
            {props.submitLabel ?? props.label}
          </Button>
        </div>
      </form>
    </Card>
  );
}
