import { A } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { forgotPasswordSchema } from '../../../domain/account';
import { createForm } from '../forms';
import { createSubmit } from '../submit';
import { trpc } from '../trpc';
import { Alert, Button, Card, Field, PageHeader } from '../ui';

export default function ForgotPasswordPage() {
  const form = createForm({ initial: { email: '' }, schema: forgotPasswordSchema });
  const [answer, setAnswer] = createSignal<string | null>(null);
  const sending = createSubmit(form, {
    // The answer is the same for any address, so it never tells who is registered.
    send: async (data) => void setAnswer((await trpc.auth.forgotPassword.mutate(data)).message),
    onStart: () => setAnswer(null),
    focusOnRefusal: false,
  });

  return (
    <div class="stack stack--lg form">
      <PageHeader
        title="Восстановление пароля"
        description="Укажите адрес электронной почты, с которым вы регистрировались. На него придёт временный пароль для входа; после входа задайте новый пароль."
      />
      <Card>
        <form ref={sending.ref} class="stack" novalidate onSubmit={sending.submit}>
          <Field id="forgot-email" label="Адрес электронной почты" type="email" autocomplete="email" inputMode="email" spellcheck={false} maxLength={254} required {...form.bindText('email')} />
          <Show when={answer()}>
            <Alert tone="success">{answer()}</Alert>
          </Show>
          <Show when={sending.problem()}>
            <Alert tone="error">{sending.problem()}</Alert>
          </Show>
          <div class="cluster">
            <Button type="submit" loading={sending.busy()}>
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
