// The end of a form as every form in the cabinet ends: the refusal, if there is
// one, then the submit button with its neighbours (a link back, a second
// button). One piece, so the refusal always stands just above the button.
import { Show, type JSX } from 'solid-js';
import { Alert, Button, type ButtonVariant } from '../ui';

export function FormEnd(props: {
  problem: string | null;
  busy: boolean;
  label: string;
  /** While true (e.g. files still uploading) the form cannot be sent. */
  disabled?: boolean;
  variant?: ButtonVariant;
  children?: JSX.Element;
  style?: JSX.CSSProperties;
}) {
  return (
    <>
      <Show when={props.problem}>
        <Alert tone="error">{props.problem}</Alert>
      </Show>
      <div class="cluster" style={props.style}>
        <Button type="submit" variant={props.variant} loading={props.busy} disabled={props.disabled}>
          {props.label}
        </Button>
        {props.children}
      </div>
    </>
  );
}
