// The frame of one case action: a card titled with the action's label, the
// fields, the server's refusal in an Alert and a submit button with the same
// label. Applications and appeals, staff and applicant, all send through it.
import { createSignal, For, Show, type Component, type JSX } from 'solid-js';
import { Dynamic } from 'solid-js/web';
import { focusFirstInvalid, type Form } from '../forms';
import { describeApiError } from '../trpc';
import { Card, type ButtonVariant } from '../ui';
import { FormEnd } from './FormEnd';

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
        <FormEnd problem={problem()} busy={busy()} disabled={props.blocked} variant={props.variant} label={props.submitLabel ?? props.label} />
      </form>
    </Card>
  );
}

/**
 * The forms of the actions open now, in the server's order. The table of forms
 * names every action of the kind, so a new action in the procedure table cannot
 * be offered by the API without a form here (the type check says so).
 */
export function ActionForms<A extends string, P extends object>(props: { actions: readonly string[]; forms: Record<A, Component<P>>; with: P }) {
  const formOf = (action: string): Component<P> | undefined => (Object.hasOwn(props.forms, action) ? props.forms[action as A] : undefined);
  return <For each={props.actions}>{(action) => <Show when={formOf(action)}>{(form) => <Dynamic component={form()} {...props.with} />}</Show>}</For>;
}
