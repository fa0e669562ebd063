import { A } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { forgotPasswordSchema } from '../../../domain/account';
import { createForm } from '../forms';
import { createSubmit } from '../submit';
import { trpc } from '../trpc';
import { Alert, Card, PageHeader } from '../ui';
import { EmailField } from '../components/AccountFields';
import { FormEnd } from '../components/FormEnd';

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
          <EmailField id="forgot-email" autocomplete="email" {...form.bindText('email')} />
          <Show when={answer()}>
            <Alert tone="success">{answer()}</Alert>
          </Show>
          <FormEnd problem={sending.problem()} busy={sending.busy()} label="Отправить пароль" />
        </form>
      </Card>
      <p>
        <A href="/login">Вернуться ко входу</A>
      </p>
    </div>
  );
}
