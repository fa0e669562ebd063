import { A, useNavigate } from '@solidjs/router';
import { createSignal, Show, untrack } from 'solid-js';
import { changePasswordSchema, PASSWORD_MIN_LENGTH, setInitialPasswordSchema } from '../../../domain/account';
import { showFlash } from '../flash';
import { createForm, focusFirstInvalid } from '../forms';
import { session } from '../session';
import { describeApiError, trpc, type PublicUser } from '../trpc';
import { Alert, Button, Card, Field, PageHeader } from '../ui';

function PasswordRules(props: { id: string; withCurrent: boolean }) {
  return (
    <ul class="rules" id={props.id}>
      <li>не короче {PASSWORD_MIN_LENGTH} символов;</li>
      <li>не из списка распространённых паролей и не похож на ваши имя или адрес почты;</li>
      <Show when={props.withCurrent}>
        <li>отличается от текущего пароля;</li>
      </Show>
      <li>удобно взять несколько не связанных между собой слов.</li>
    </ul>
  );
}

export default function ChangePasswordPage() {
  const navigate = useNavigate();
  // Decided once: after a forced change the user flips to "no longer forced" just before leaving.
  const forced = untrack(() => session.user()?.mustChangePassword ?? false);

  const form = createForm({
    initial: { currentPassword: '', newPassword: '', confirmPassword: '' },
    schema: forced ? setInitialPasswordSchema : changePasswordSchema,
  });
  const [busy, setBusy] = createSignal(false);
  const [problem, setProblem] = createSignal<string | null>(null);
  const [changed, setChanged] = createSignal(false);
  let formEl: HTMLFormElement | undefined;

  async function save(): Promise<PublicUser | null> {
    const data = form.parse();
    if (!data) return null;
    const { newPassword, confirmPassword } = data;
    if (forced) return trpc.auth.setInitialPassword.mutate({ newPassword, confirmPassword });
    return trpc.auth.changePassword.mutate({ currentPassword: form.text('currentPassword'), newPassword, confirmPassword });
  }

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (busy()) return;
    setProblem(null);
    setChanged(false);
    setBusy(true);
    try {
      const user = await save();
      if (!user) {
        focusFirstInvalid(formEl);
        return;
      }
      session.setUser(user);
      if (forced) {
        showFlash('Пароль сохранён. Теперь входите с ним.');
        navigate('/', { replace: true });
        return;
      }
      form.reset();
      setChanged(true);
    } catch (error) {
      const { message, fieldErrors } = describeApiError(error);
      const stray = form.showServerErrors(fieldErrors);
      setProblem(stray.length || !Object.keys(fieldErrors).length ? [message, ...stray].join(' ') : 'Исправьте отмеченные поля.');
      focusFirstInvalid(formEl);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="stack stack--lg form">
      <PageHeader
        title="Смена пароля"
        description={forced ? 'Вы вошли по паролю из письма. Придумайте свой пароль, чтобы продолжить работу в личном кабинете.' : 'После смены пароля сеансы на других устройствах завершатся.'}
      />
      <Show when={changed()}>
        <Alert tone="success">Пароль изменён. На других устройствах нужно будет войти заново.</Alert>
      </Show>
      <Card>
        <form ref={formEl} class="stack" novalidate onSubmit={submit}>
          <Show when={!forced}>
            <Field id="pw-current" label="Текущий пароль" type="password" autocomplete="current-password" maxLength={128} required {...form.bindText('currentPassword')} />
          </Show>
          <Field
            id="pw-new"
            label="Новый пароль"
            type="password"
            autocomplete="new-password"
            maxLength={128}
            required
            hint={
              <>
                Требования к паролю:
                <PasswordRules id="pw-rules" withCurrent={!forced} />
              </>
            }
            {...form.bindText('newPassword')}
          />
          <Field id="pw-confirm" label="Повторите пароль" type="password" autocomplete="new-password" maxLength={128} required {...form.bindText('confirmPassword')} />
          <Show when={problem()}>
            <Alert tone="error">{problem()}</Alert>
          </Show>
          <div class="cluster">
            <Button type="submit" loading={busy()}>
              Сменить пароль
            </Button>
            <Show when={!forced}>
              <A href="/profile">Вернуться в профиль</A>
            </Show>
          </div>
        </form>
      </Card>
    </div>
  );
}
