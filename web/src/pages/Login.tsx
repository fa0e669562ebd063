import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { loginSchema } from '../../../domain/account';
import { takeFlash } from '../flash';
import { createForm } from '../forms';
import { createSubmit } from '../submit';
import { session } from '../session';
import { trpc } from '../trpc';
import { Alert, Card, PageHeader } from '../ui';
import { EmailField, PasswordField } from '../components/AccountFields';
import { FormEnd } from '../components/FormEnd';

export default function LoginPage() {
  const notice = takeFlash();
  const form = createForm({ initial: { email: '', password: '' }, schema: loginSchema });
  const sending = createSubmit(form, {
    // The public-page guard sends the user on: to the forced password change or home.
    send: async (data) => session.setUser(await trpc.auth.login.mutate(data)),
    onRefused: () => form.set('password', ''),
    focusOnRefusal: false,
  });

  return (
    <div class="stack stack--lg form">
      <PageHeader title="Вход" description="Логином служит адрес электронной почты, указанный при регистрации." />
      <Show when={notice}>{(n) => <Alert tone={n().tone}>{n().text}</Alert>}</Show>
      <Card>
        <form ref={sending.ref} class="stack" novalidate onSubmit={sending.submit}>
          <EmailField id="login-email" autocomplete="username" {...form.bindText('email')} />
          <PasswordField id="login-password" label="Пароль" autocomplete="current-password" {...form.bindText('password')} />
          <FormEnd problem={sending.problem()} busy={sending.busy()} label="Войти" style={{ 'justify-content': 'space-between' }}>
            <A href="/forgot-password">Забыли пароль?</A>
          </FormEnd>
        </form>
      </Card>
      <p>
        Ещё нет учётной записи? <A href="/register">Регистрация</A>
      </p>
    </div>
  );
}
