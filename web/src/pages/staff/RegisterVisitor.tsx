import { createSignal, Show } from 'solid-js';
import { inPersonRegistrationSchema } from '../../../../domain/account';
import { EMPTY_IDENTITY, IdentityFields, identityInput } from '../../components/IdentityFields';
import { FormEnd } from '../../components/FormEnd';
import { createForm } from '../../forms';
import { createSubmit } from '../../submit';
import { trpc } from '../../trpc';
import { Alert, Card, Checkbox, PageHeader } from '../../ui';

interface Outcome {
  status: 'created' | 'exists';
  message: string;
}

export default function RegisterVisitorPage() {
  const form = createForm({
    initial: { ...EMPTY_IDENTITY, consentOnPaper: false },
    schema: inPersonRegistrationSchema,
    toInput: (values) => ({ ...identityInput(values), consentOnPaper: values.consentOnPaper === true }),
  });
  const [outcome, setOutcome] = createSignal<Outcome | null>(null);
  let outcomeEl: HTMLDivElement | undefined;
  const sending = createSubmit(form, {
    onStart: () => setOutcome(null),
    send: async (data) => {
      const result = await trpc.staff.registerVisitor.mutate(data);
      setOutcome({ status: result.status, message: result.message });
      // A fresh form for the next visitor; a refused one stays to be corrected.
      if (result.status === 'created') form.reset({ kind: form.text('kind') });
      queueMicrotask(() => outcomeEl?.scrollIntoView({ block: 'nearest' }));
    },
  });

  return (
    <div class="stack stack--lg form">
      <PageHeader
        title="Регистрация посетителя"
        description="Регистрация заявителя при личном обращении в офис. Сверьте реквизиты с документами посетителя; логин и пароль уйдут на его адрес электронной почты."
      />
      <div ref={outcomeEl}>
        <Show when={outcome()}>{(o) => <Alert tone={o().status === 'created' ? 'success' : 'warning'}>{o().message}</Alert>}</Show>
      </div>
      <Card>
        <form ref={sending.ref} class="stack stack--lg" novalidate onSubmit={sending.submit}>
          <IdentityFields form={form} idPrefix="visitor" emailHint="Логин посетителя; на него придут логин и пароль." />
          <Checkbox id="visitor-consent" required hint="Подписанный бланк согласия хранится в офисе." {...form.bindCheck('consentOnPaper')}>
            Посетитель подписал согласие на обработку персональных данных
          </Checkbox>
          <FormEnd problem={sending.problem()} busy={sending.busy()} label="Зарегистрировать" />
        </form>
      </Card>
    </div>
  );
}
