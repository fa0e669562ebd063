// The application form of one draft: autosaved while filled in, checked on
// submission (the first invalid field takes focus), then the registration notice.
import { A } from '@solidjs/router';
import { createSignal, Show, untrack } from 'solid-js';
import type { ApplicantKind } from '../../../../../domain/account';
import { takeTyped } from '../../../features/visitor/carry';
import { focusFirstInvalid } from '../../../forms';
import { describeApiError, trpc, type PublicUser, type RouterOutputs } from '../../../trpc';
import { Alert, Button, buttonClass, Card } from '../../../ui';
import { formatDate, formatTime } from '../../../ui/format';
import { createApplicationForm } from '../application-form';
import type { Principal } from '../../../features/representation/PrincipalChoice';
import { ApplicantCard, Attachments } from './ApplicantFiles';
import { createAutosave } from './autosave';
import { FormSections } from './FormSections';

export type Draft = NonNullable<RouterOutputs['applications']['draft']>;
type Submitted = RouterOutputs['applications']['submit'];

function registeredText(result: Submitted): string {
  return `Заявка ${result.number} зарегистрирована ${formatDate(result.submittedAt)} в ${formatTime(result.submittedAt)} (мск)`;
}

export function ApplicationEditor(props: { draftId: string; user: PublicUser; principal: Principal | null; kind: ApplicantKind; initial: Draft | null; onSubmitted: () => void }) {
  const form = createApplicationForm(props.kind);
  const initial = untrack(() => props.initial);
  // A new application starts with what the applicant typed as a visitor (calculator, outage address), if anything.
  const typed = initial ? null : takeTyped();
  if (initial) form.fromDraft(initial.form);
  else if (typed) form.fromDraft({ ...typed });

  const [submitting, setSubmitting] = createSignal(false);
  const [uploads, setUploads] = createSignal(0);
  const [problem, setProblem] = createSignal<string | null>(null);
  const [submitted, setSubmitted] = createSignal<Submitted | null>(null);
  let formEl: HTMLFormElement | undefined;
  let successEl: HTMLDivElement | undefined;

  const autosave = createAutosave(props.draftId, form, initial?.updatedAt ?? null);

  const saveText = (): string => {
    if (submitting()) return 'Отправляем заявку…';
    const state = autosave.saveState();
    switch (state.kind) {
      case 'saving':
        return 'Сохраняем черновик…';
      case 'saved':
        return `Черновик сохранён ${formatTime(state.at)}`;
      case 'error':
        return `Черновик не сохранён: ${state.message}`;
      default:
        return 'Черновик сохраняется автоматически';
    }
  };

  const onBusy = (busy: boolean) => setUploads((n) => Math.max(0, n + (busy ? 1 : -1)));

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (submitting()) return;
    setProblem(null);
    if (uploads() > 0) {
      setProblem('Дождитесь окончания загрузки файлов.');
      return;
    }
    const data = form.parse();
    if (!data) {
      setProblem('Проверьте заявку: исправьте отмеченные поля.');
      focusFirstInvalid(formEl);
      return;
    }
    setSubmitting(true);
    try {
      await autosave.stop();
      const result = await trpc.applications.submit.mutate({ draftId: props.draftId, form: data, ...(props.principal ? { forPoaId: props.principal.poaId } : {}) });
      setSubmitted(result);
      props.onSubmitted();
      queueMicrotask(() => {
        successEl?.scrollIntoView({ block: 'start' });
        successEl?.querySelector<HTMLElement>('a')?.focus();
      });
    } catch (error) {
      autosave.resume();
      const { message, fieldErrors } = describeApiError(error);
      const stray = form.showServerErrors(fieldErrors);
      const fieldCount = Object.keys(fieldErrors).length;
      setProblem(stray.length || !fieldCount ? [message, ...stray].join(' ') : 'Проверьте заявку: исправьте отмеченные поля.');
      focusFirstInvalid(formEl);
    } finally {
      setSubmitting(false);
    }
  }


  return (
    <Show
      when={submitted()}
      fallback={
        <form ref={formEl} class="stack stack--lg application-form" novalidate onSubmit={submit} aria-label="Заявка на технологическое присоединение">
          <ApplicantCard user={props.user} kind={props.kind} principal={props.principal} />

          <FormSections form={form} kind={props.kind} />

          <Card>
            <Attachments form={form} onBusy={onBusy} disabled={submitting()} />
          </Card>

          <div class="submit-bar">
            <Show when={problem()}>
              <Alert tone="error">{problem()}</Alert>
            </Show>
            <div class="cluster">
              <Button type="submit" loading={submitting()} disabled={uploads() > 0}>
                Подать заявку
              </Button>
              <p class="muted small autosave" role="status">
                {saveText()}
              </p>
            </div>
          </div>
        </form>
      }
    >
      {(result) => (
        <div ref={successEl} class="stack">
          <Alert tone="success" title={registeredText(result())}>
            <p>Заявка передана на проверку полноты сведений. О ходе рассмотрения мы сообщим в разделе «Уведомления» и по электронной почте.</p>
            <div class="cluster">
              <A href={`/applications/${result().id}`} class={buttonClass('primary', 'small')}>
                Перейти к заявке
              </A>
              <A href="/applications/new">Подать ещё одну заявку</A>
            </div>
          </Alert>
        </div>
      )}
    </Show>
  );
}
