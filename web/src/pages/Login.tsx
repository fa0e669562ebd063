import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { loginSchema } from '../../../domain/account';
import { takeFlash } from '../flash';
import { createForm } from '../forms';
import { createSubmit } from '../submit';
import { session } from '../session';
import { trpc } from '../trpc';
import { Alert, Button, Card, Field, PageHeader } from '../ui';

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
          <Field id="login-email" label="Адрес электронной почты" type="email" autocomplete="username" inputMode="email" spellcheck={false} maxLength={254} required {...form.bindText('email')} />
          <Field id="login-password" label="Пароль" type="password" autocomplete="current-password" maxLength={128} required {...form.bindText('password')} />
          <Show when={sending.problem()}>
            <Alert tone="error">{sending.problem()}</Alert>
          </Show>
          <div class="cluster" style={{ 'justify-content': 'space-between' }}>
            <Button type="submit" loading={sending.busy()}>
              Войти
            </Button>
            <A href="/forgot-password">Забыли пароль?</A>
          </div>
        </form>
      </Card>
      <p>
        Ещё нет учётной записи? <A href="/register">Регистрация</A>
      </p>
    </div>
  );
}
