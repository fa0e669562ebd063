import { A } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { CONSENT_TEXT, CONSENT_VERSION, registrationSchema } from '../../../domain/account';
import { EMPTY_IDENTITY, IdentityFields, identityInput } from '../components/IdentityFields';
import { createForm, focusFirstInvalid } from '../forms';
import { describeApiError, trpc } from '../trpc';
import { Alert, Button, buttonClass, Card, Checkbox, PageHeader } from '../ui';
import { formatDateLong } from '../ui/format';

export default function RegisterPage() {
  const form = createForm({
    initial: { ...EMPTY_IDENTITY, consent: false },
    schema: registrationSchema,
    toInput: (values) => ({ ...identityInput(values), consent: values.consent === true }),
  });
  const [busy, setBusy] = createSignal(false);
  const [problem, setProblem] = createSignal<string | null>(null);
  const [done, setDone] = createSignal<{ message: string; email: string } | null>(null);
  const [consentOpen, setConsentOpen] = createSignal(false);
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
      setDone(await trpc.auth.register.mutate(data));
    } catch (error) {
      const { message, fieldErrors } = describeApiError(error);
      const stray = form.showServerErrors(fieldErrors);
      setProblem([message, ...stray].join(' '));
      focusFirstInvalid(formEl);
    } finally {
      setBusy(false);
    }
  }

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
            <form ref={formEl} class="stack stack--lg" novalidate onSubmit={submit} aria-describedby="register-required-note">
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

              <Show when={problem()}>
                <Alert tone="error">{problem()}</Alert>
              </Show>

              <div class="cluster">
                <Button type="submit" loading={busy()}>
                  Зарегистрироваться
                </Button>
              </div>
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
