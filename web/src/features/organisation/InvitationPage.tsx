// Accepting an invitation to an organisation: the link's token comes in the
// address's fragment (never sent to servers or logs by the browser); the
// invitee sees whose invitation it is, sets a password and is logged in.
import { A } from '@solidjs/router';
import { createResource, createSignal, Show } from 'solid-js';
import { CONSENT_TEXT, PASSWORD_MIN_LENGTH } from '../../../../domain/account';
import { acceptInvitationSchema } from '../../../../domain/organisation';
import { PasswordField } from '../../components/AccountFields';
import { FormEnd } from '../../components/FormEnd';
import { Loaded } from '../../components/Loaded';
import { showFlash } from '../../flash';
import { createForm } from '../../forms';
import { session } from '../../session';
import { createSubmit } from '../../submit';
import { trpc } from '../../trpc';
import { Button, Card, Checkbox, Fact, Facts, Field, PageHeader } from '../../ui';
import { formatDate } from '../../ui/format';

export default function InvitationPage() {
  const token = window.location.hash.replace(/^#/, '');
  const [invitation] = createResource(() => trpc.organisation.invitation.query({ token }));
  const form = createForm({
    initial: { token, phone: '', newPassword: '', confirmPassword: '', consent: false },
    schema: acceptInvitationSchema,
    toInput: (v) => ({ ...v, consent: v.consent === true }),
  });
  const [consentOpen, setConsentOpen] = createSignal(false);
  const sending = createSubmit(form, {
    send: async (data) => {
      const user = await trpc.organisation.acceptInvitation.mutate(data);
      showFlash('Приглашение принято. Заявки и обращения организации — в разделах «Поданные заявки» и «Обращения».');
      // The public-only section sends a logged-in user home.
      session.setUser(user);
    },
  });

  return (
    <div class="stack stack--lg form">
      <PageHeader title="Приглашение в организацию" description="Задайте пароль, чтобы работать с заявками и обращениями организации в личном кабинете." />
      <Loaded resource={invitation} loadError="Приглашение не открылось" loading="Проверяем приглашение…">
        {(i) => (
          <Card>
            <form ref={sending.ref} class="stack stack--lg" novalidate onSubmit={sending.submit}>
              <Facts>
                <Fact term="Организация">{i().organisationName}</Fact>
                <Fact term="Сотрудник">{i().name}</Fact>
                <Fact term="Логин">{i().email}</Fact>
                <Fact term="Приглашение действует до">{formatDate(i().expiresAt)}</Fact>
              </Facts>
              <Field id="inv-phone" label="Телефон" hint="Если хотите, чтобы вам звонили по заявкам организации" type="tel" autocomplete="tel" maxLength={32} {...form.bindText('phone')} />
              <PasswordField id="inv-password" label="Пароль" autocomplete="new-password" hint={`Не короче ${PASSWORD_MIN_LENGTH} символов, не из списка распространённых; удобно взять несколько не связанных слов.`} {...form.bindText('newPassword')} />
              <PasswordField id="inv-confirm" label="Повторите пароль" autocomplete="new-password" {...form.bindText('confirmPassword')} />
              <Checkbox
                id="inv-consent"
                required
                {...form.bindCheck('consent')}
                extra={
                  <>
                    <Button variant="ghost" size="small" aria-expanded={consentOpen()} aria-controls="inv-consent-text" onClick={() => setConsentOpen(!consentOpen())}>
                      {consentOpen() ? 'Скрыть текст согласия' : 'Прочитать текст согласия'}
                    </Button>
                    <Show when={consentOpen()}>
                      <div class="disclosure" id="inv-consent-text">
                        <p>{CONSENT_TEXT}</p>
                      </div>
                    </Show>
                  </>
                }
              >
                Я даю согласие на обработку персональных данных
              </Checkbox>
              <FormEnd problem={sending.problem()} busy={sending.busy()} label="Принять приглашение" />
              <p class="muted" style={{ margin: 0 }}>
                Уже есть учётная запись? <A href="/login">Войти</A>
              </p>
            </form>
          </Card>
        )}
      </Loaded>
    </div>
  );
}
