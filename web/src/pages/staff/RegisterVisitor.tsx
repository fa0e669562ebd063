import { createSignal, Show } from 'solid-js';
import { inPersonRegistrationSchema } from '../../../../domain/account';
import { EMPTY_IDENTITY, IdentityFields, identityInput } from '../../components/IdentityFields';
import { createForm, focusFirstInvalid } from '../../forms';
import { describeApiError, trpc } from '../../trpc';
import { Alert, Button, Card, Checkbox, PageHeader } from '../../ui';

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
  const [busy, setBusy] = createSignal(false);
  const [problem, setProblem] = createSignal<string | null>(null);
  const [outcome, setOutcome] = createSignal<Outcome | null>(null);
  let formEl: HTMLFormElement | undefined;
  let outcomeEl: HTMLDivElement | undefined;

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (busy()) return;
    setProblem(null);
    setOutcome(null);
    const data = form.parse();
    if (!data) {
      focusFirstInvalid(formEl);
      return;
    }
    setBusy(true);
    try {
      const result = await trpc.staff.registerVisitor.mutate(data);
      setOutcome({ status: result.status, message: result.message });
      // A fresh form for the next visitor; a refused one stays to be corrected.
      if (result.status === 'created') form.reset({ kind: form.text('kind') });
      queueMicrotask(() => outcomeEl?.scrollIntoView({ block: 'nearest' }));
    } catch (error) {
      const { message, fieldErrors } = describeApiError(error);
      setProblem([message, ...form.showServerErrors(fieldErrors)].join(' '));
      focusFirstInvalid(formEl);
    } finally {
      setBusy(false);
    }
  }

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
        <form ref={formEl} class="stack stack--lg" novalidate onSubmit={submit}>
          <IdentityFields form={form} idPrefix="visitor" emailHint="Логин посетителя; на него придут логин и пароль." />
          <Checkbox id="visitor-consent" required hint="Подписанный бланк согласия хранится в офисе." {...form.bindCheck('consentOnPaper')}>
            Посетитель подписал согласие на обработку персональных данных
          </Checkbox>
          <Show when={problem()}>
            <Alert tone="error">{problem()}</Alert>
          </Show>
          <div class="cluster">
            <Button type="submit" loading={busy()}>
              Зарегистрировать
            </Button>
          </div>
        </form>
      </Card>
    </div>
  );
}
