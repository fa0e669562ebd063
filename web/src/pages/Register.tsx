import { A } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { CONSENT_TEXT, CONSENT_VERSION, registrationSchema } from '../../../domain/account';
import { EMPTY_IDENTITY, IdentityFields, identityInput } from '../components/IdentityFields';
import { FormEnd } from '../components/FormEnd';
import { createForm } from '../forms';
import { createSubmit } from '../submit';
import { trpc } from '../trpc';
import { Alert, Button, buttonClass, Card, Checkbox, PageHeader } from '../ui';
import { formatDateLong } from '../ui/format';

export default function RegisterPage() {
  const form = createForm({
    initial: { ...EMPTY_IDENTITY, consent: false },
    schema: registrationSchema,
    toInput: (values) => ({ ...identityInput(values), consent: values.consent === true }),
  });
  const [done, setDone] = createSignal<{ message: string; email: string } | null>(null);
  const [consentOpen, setConsentOpen] = createSignal(false);
  const sending = createSubmit(form, { send: async (data) => void setDone(await trpc.auth.register.mutate(data)) });

  return (
    <div class="stack stack--lg form">
      <PageHeader
        title="Регистрация"
        description="Заполните форму: логин и пароль для входа в личный кабинет придут на указанный адрес электронной почты. Физическим лицам нужен СНИЛС, организациям — ИНН и КПП."
      />

      <Show
        when={done()}
        fallback={
          <Card>
            <form ref={sending.ref} class="stack stack--lg" novalidate onSubmit={sending.submit} aria-describedby="register-required-note">
              <p class="muted small" id="register-required-note">
                Все поля, кроме отчества и телефона, обязательны.
              </p>
              <IdentityFields form={form} idPrefix="reg" emailHint="Он станет логином; на него придут логин и пароль." />

              <Checkbox
                id="reg-consent"
                required
                {...form.bindCheck('consent')}
                extra={
                  <>
                    <Button variant="ghost" size="small" aria-expanded={consentOpen()} aria-controls="reg-consent-text" onClick={() => setConsentOpen(!consentOpen())}>
                      {consentOpen() ? 'Скрыть текст согласия' : 'Прочитать текст согласия'}
                    </Button>
                    <Show when={consentOpen()}>
                      <div class="disclosure" id="reg-consent-text">
                        <p>{CONSENT_TEXT}</p>
                        <p class="muted" style={{ margin: 0 }}>
                          Редакция от {formatDateLong(CONSENT_VERSION)}
                        </p>
                      </div>
                    </Show>
                  </>
                }
              >
                Я даю согласие на обработку персональных данных
              </Checkbox>

              <FormEnd problem={sending.problem()} busy={sending.busy()} label="Зарегистрироваться" />
              <p class="muted" style={{ margin: 0 }}>
                Уже зарегистрированы? <A href="/login">Войти</A>
              </p>
            </form>
          </Card>
        }
      >
        {(result) => (
          <Card>
            <div class="stack">
              <Alert tone="success">
                <p>{result().message}</p>
              </Alert>
              <p style={{ margin: 0 }}>
                Логином служит адрес <strong>{result().email}</strong>. После первого входа по паролю из письма личный кабинет попросит задать свой пароль.
              </p>
              <div class="cluster">
                <A href="/login" class={buttonClass('primary')}>
                  Войти
                </A>
              </div>
            </div>
          </Card>
        )}
      </Show>
    </div>
  );
}
