import { A, useNavigate } from '@solidjs/router';
import { createSignal, Show, untrack } from 'solid-js';
import { changePasswordSchema, PASSWORD_MIN_LENGTH, setInitialPasswordSchema } from '../../../domain/account';
import { showFlash } from '../flash';
import { PasswordField } from '../components/AccountFields';
import { FormEnd } from '../components/FormEnd';
import { createForm } from '../forms';
import { createSubmit } from '../submit';
import { session } from '../session';
import { trpc } from '../trpc';
import { Alert, Card, PageHeader } from '../ui';

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
  const [changed, setChanged] = createSignal(false);
  const sending = createSubmit(form, {
    onStart: () => setChanged(false),
    send: async ({ newPassword, confirmPassword }) => {
      const user = forced
        ? await trpc.auth.setInitialPassword.mutate({ newPassword, confirmPassword })
        : await trpc.auth.changePassword.mutate({ currentPassword: form.text('currentPassword'), newPassword, confirmPassword });
      session.setUser(user);
      if (forced) {
        showFlash('Пароль сохранён. Теперь входите с ним.');
        navigate('/', { replace: true });
        return;
      }
      form.reset();
      setChanged(true);
    },
    // The marked fields say what is wrong; the message alone would repeat them.
    refusal: (message, stray, fieldErrors) => (stray.length || !Object.keys(fieldErrors).length ? [message, ...stray].join(' ') : 'Исправьте отмеченные поля.'),
  });

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
        <form ref={sending.ref} class="stack" novalidate onSubmit={sending.submit}>
          <Show when={!forced}>
            <PasswordField id="pw-current" label="Текущий пароль" autocomplete="current-password" {...form.bindText('currentPassword')} />
          </Show>
          <PasswordField
            id="pw-new"
            label="Новый пароль"
            autocomplete="new-password"
            hint={
              <>
                Требования к паролю:
                <PasswordRules id="pw-rules" withCurrent={!forced} />
              </>
            }
            {...form.bindText('newPassword')}
          />
          <PasswordField id="pw-confirm" label="Повторите пароль" autocomplete="new-password" {...form.bindText('confirmPassword')} />
          <FormEnd problem={sending.problem()} busy={sending.busy()} label="Сменить пароль">
            <Show when={!forced}>
              <A href="/profile">Вернуться в профиль</A>
            </Show>
          </FormEnd>
        </form>
      </Card>
    </div>
  );
}
