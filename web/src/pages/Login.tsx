import { A } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { loginSchema } from '../../../domain/account';
import { takeFlash } from '../flash';
import { createForm, focusFirstInvalid } from '../forms';
import { session } from '../session';
import { describeApiError, trpc } from '../trpc';
import { Alert, Button, Card, Field, PageHeader } from '../ui';

export default function LoginPage() {
  const notice = takeFlash();
  const form = createForm({ initial: { email: '', password: '' }, schema: loginSchema });
  const [busy, setBusy] = createSignal(false);
  const [problem, setProblem] = createSignal<string | null>(null);
  let formEl: HTMLFormElement | undefined;

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (busy()) return;
    setProblem(null);
    const data = form.parse();
    if (!data) {
      focusFirstInvalid(formEl);
      return;
    }
    setBusy(true);
    try {
      // The public-page guard sends the user on: to the forced password change or home.
      session.setUser(await trpc.auth.login.mutate(data));
    } catch (error) {
      const { message, fieldErrors } = describeApiError(error);
      const stray = form.showServerErrors(fieldErrors);
      setProblem([message, ...stray].join(' '));
      form.set('password', '');
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="stack stack--lg form">
      <PageHeader title="Вход" description="Логином служит адрес электронной почты, указанный при регистрации." />
      <Show when={notice}>{(n) => <Alert tone={n().tone}>{n().text}</Alert>}</Show>
      <Card>
        <form ref={formEl} class="stack" novalidate onSubmit={submit}>
          <Field id="login-email" label="Адрес электронной почты" type="email" autocomplete="username" inputMode="email" spellcheck={false} maxLength={254} required {...form.bindText('email')} />
          <Field id="login-password" label="Пароль" type="password" autocomplete="current-password" maxLength={128} required {...form.bindText('password')} />
          <Show when={problem()}>
            <Alert tone="error">{problem()}</Alert>
          </Show>
          <div class="cluster" style={{ 'justify-content': 'space-between' }}>
            <Button type="submit" loading={busy()}>
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
