import { A } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { forgotPasswordSchema } from '../../../domain/account';
import { createForm, focusFirstInvalid } from '../forms';
import { describeApiError, trpc } from '../trpc';
import { Alert, Button, Card, Field, PageHeader } from '../ui';

export default function ForgotPasswordPage() {
  const form = createForm({ initial: { email: '' }, schema: forgotPasswordSchema });
  const [busy, setBusy] = createSignal(false);
  const [problem, setProblem] = createSignal<string | null>(null);
  const [answer, setAnswer] = createSignal<string | null>(null);
  let formEl: HTMLFormElement | undefined;

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (busy()) return;
    setProblem(null);
    setAnswer(null);
    const data = form.parse();
    if (!data) {
      focusFirstInvalid(formEl);
      return;
    }
    setBusy(true);
    try {
      // The answer is the same for any address, so it never tells who is registered.
      setAnswer((await trpc.auth.forgotPassword.mutate(data)).message);
    } catch (error) {
      const { message, fieldErrors } = describeApiError(error);
      const stray = form.showServerErrors(fieldErrors);
      setProblem([message, ...stray].join(' '));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="stack stack--lg form">
      <PageHeader
        title="Восстановление пароля"
        description="Укажите адрес электронной почты, с которым вы регистрировались. На него придёт временный пароль для входа; после входа задайте новый пароль."
      />
      <Card>
        <form ref={formEl} class="stack" novalidate onSubmit={submit}>
          <Field id="forgot-email" label="Адрес электронной почты" type="email" autocomplete="email" inputMode="email" spellcheck={false} maxLength={254} required {...form.bindText('email')} />
          <Show when={answer()}>
            <Alert tone="success">{answer()}</Alert>
          </Show>
          <Show when={problem()}>
            <Alert tone="error">{problem()}</Alert>
          </Show>
          <div class="cluster">
            <Button type="submit" loading={busy()}>
              Отправить пароль
            </Button>
          </div>
        </form>
      </Card>
      <p>
        <A href="/login">Вернуться ко входу</A>
      </p>
    </div>
  );
}
