// The submit of a form, as every identity form does it: one at a time, the
// fields checked before anything is sent (focus on the first wrong one), and a
// refusal shown with the server's message and its fields marked.
import { createSignal } from 'solid-js';
import { focusFirstInvalid, type FieldErrors } from './forms';
import { describeApiError } from './trpc';

export function createSubmit<Out>(
  form: { parse(): Out | null; showServerErrors(errors: FieldErrors): string[] },
  options: {
    send: (data: Out) => Promise<void>;
    /** A new submission starts: clear the previous answer. */
    onStart?: () => void;
    /** After a refusal, e.g. empty the password. */
    onRefused?: () => void;
    /** Move focus to the first field the server marked (default); login keeps it where it is. */
    focusOnRefusal?: boolean;
    /** The words of a refusal from its message and the errors no field took (default: all of them). */
    refusal?: (message: string, stray: string[], fieldErrors: FieldErrors) => string;
  },
) {
  const [busy, setBusy] = createSignal(false);
  const [problem, setProblem] = createSignal<string | null>(null);
  let formEl: HTMLFormElement | undefined;

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (busy()) return;
    setProblem(null);
    options.onStart?.();
    const data = form.parse();
    if (!data) {
      focusFirstInvalid(formEl);
      return;
    }
    setBusy(true);
    try {
      await options.send(data);
    } catch (error) {
      const { message, fieldErrors } = describeApiError(error);
      const stray = form.showServerErrors(fieldErrors);
      setProblem(options.refusal ? options.refusal(message, stray, fieldErrors) : [message, ...stray].join(' '));
      options.onRefused?.();
      if (options.focusOnRefusal !== false) focusFirstInvalid(formEl);
    } finally {
      setBusy(false);
    }
  }

  return { busy, problem, submit, ref: (el: HTMLFormElement) => (formEl = el) };
}
