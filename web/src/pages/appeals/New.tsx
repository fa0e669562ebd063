// «Подать обращение»: a complaint, request or question to the grid company
// (Order 186). The appeal's id is made once per form, so a repeated click or a
// retry after a network error finds the same appeal instead of filing twice.
import { A } from '@solidjs/router';
import { createResource, createSignal, Show } from 'solid-js';
import { appealFormSchema } from '../../../../domain/appeal';
import { MAX_PAGE_SIZE } from '../../../../domain/lists';
import { formatTerm, REGULATIONS } from '../../../../domain/regulations';
import { ANSWER_CHANNEL_OPTIONS, KIND_OPTIONS, TOPIC_OPTIONS } from '../../features/appeals/wording';
import { FileUpload } from '../../components/FileUpload';
import { createForm, focusFirstInvalid } from '../../forms';
import { newId } from '../../ids';
import { session } from '../../session';
import { describeApiError, trpc, type RouterOutputs } from '../../trpc';
import { Alert, Button, buttonClass, Card, Field, PageHeader, Select } from '../../ui';
import { formatDate, formatTime } from '../../ui/format';
import type { UploadedFile } from '../../uploads';
import '../../features/appeals/appeals.css';
import { PrincipalChoice } from '../../features/representation/PrincipalChoice';

type Filed = RouterOutputs['appeals']['create'];

const FIELDS = ['topic', 'kind', 'text', 'applicationId', 'answerChannel', 'contractNumber', 'problemTime', 'attachments'] as const;
const FIELDS_PROBLEM = 'Проверьте обращение: исправьте отмеченные поля.';

function registeredText(result: Filed): string {
  return `Обращение ${result.number} зарегистрировано ${formatDate(result.registeredAt)} в ${formatTime(result.registeredAt)} (мск)`;
}

/** The user's applications to link the appeal to; the form works without them. */
function useApplicationOptions() {
  // An appeal may concern any of the applicant's applications: the newest MAX_PAGE_SIZE are offered.
  const [apps] = createResource(() => trpc.applications.list.query({ limit: MAX_PAGE_SIZE }).then((page) => page.items));
  const options = () => (apps.state === 'ready' ? apps().map((a) => ({ value: a.id, label: `${a.number} — ${a.objectName}` })) : []);
  const hint = () => {
    if (apps.state === 'errored') return 'Не удалось загрузить ваши заявки; обращение можно подать и без связи с заявкой.';
    if (apps.state === 'ready' && apps().length === 0) return 'У вас нет поданных заявок на технологическое присоединение.';
    return 'Необязательно. Укажите, если обращение касается поданной заявки на технологическое присоединение.';
  };
  return { options, hint };
}

function AppealForm(props: { onFiled: (result: Filed) => void; forPoaId: string }) {
  const id = newId();
  const [files, setFiles] = createSignal<UploadedFile[]>([]);
  const [uploading, setUploading] = createSignal(0);
  const [submitting, setSubmitting] = createSignal(false);
  const [problem, setProblem] = createSignal<string | null>(null);
  // «Исправьте отмеченные поля» stays only while a field is still marked.
  const [aboutFields, setAboutFields] = createSignal(false);
  const applications = useApplicationOptions();
  let formEl: HTMLFormElement | undefined;

  const form = createForm({
    // `attachments` holds no value of its own: it is here so the schema's and the server's message for the files has a place.
    initial: { topic: '', kind: '', text: '', applicationId: '', answerChannel: 'cabinet', contractNumber: '', problemTime: '', attachments: '' },
    schema: appealFormSchema,
    toInput: (v) => ({
      topic: v.topic || undefined,
      kind: v.kind || undefined,
      text: v.text,
      applicationId: v.applicationId || null,
      answerChannel: v.answerChannel,
      contractNumber: v.contractNumber,
      problemTime: v.problemTime,
      attachments: files().map((f) => ({ id: f.id, kind: f.kind })),
    }),
  });
  const t = form.bindText;
  const shownProblem = () => (aboutFields() && !FIELDS.some((f) => form.error(f)) ? null : problem());
  const quality = () => form.text('topic') === 'serviceQuality';

  const channelHint = () => {
    const user = session.user();
    switch (form.text('answerChannel')) {
      case 'email':
        return `Ответ придёт на адрес ${user?.email ?? 'из профиля'} и будет виден в личном кабинете.`;
      case 'post':
        return user?.postalAddress ? `Ответ будет направлен по адресу: ${user.postalAddress}.` : 'Почтовый адрес не указан: добавьте его в разделе «Профиль».';
      default:
        return 'Ответ появится на странице обращения; уведомление придёт на электронную почту.';
    }
  };

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (submitting()) return;
    setProblem(null);
    setAboutFields(false);
    if (uploading() > 0) {
      setProblem('Дождитесь окончания загрузки файлов.');
      return;
    }
    const data = form.parse();
    if (!data) {
      setProblem(FIELDS_PROBLEM);
      setAboutFields(true);
      focusFirstInvalid(formEl);
      return;
    }
    setSubmitting(true);
    try {
      props.onFiled(await trpc.appeals.create.mutate({ id, form: data, ...(props.forPoaId ? { forPoaId: props.forPoaId } : {}) }));
    } catch (error) {
      const { message, fieldErrors } = describeApiError(error);
      const stray = form.showServerErrors(fieldErrors);
      const onlyFields = !stray.length && Object.keys(fieldErrors).length > 0;
      setProblem(onlyFields ? FIELDS_PROBLEM : [message, ...stray].join(' '));
      setAboutFields(onlyFields);
      focusFirstInvalid(formEl);
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <form ref={formEl} class="stack stack--lg application-form" novalidate onSubmit={submit} aria-label="Обращение в сетевую организацию">
      <Card>
        <fieldset class="fieldset stack">
          <legend class="fieldset__legend">Суть обращения</legend>
          <Select id="appeal-topic" label="Тема обращения" placeholder="Выберите тему" options={TOPIC_OPTIONS} required {...t('topic')} />
          <Select id="appeal-kind" label="Вид обращения" placeholder="Выберите вид" hint="Жалоба — на нарушение; заявление — просьба что-то сделать; запрос — вопрос" options={KIND_OPTIONS} required {...t('kind')} />
          <Field id="appeal-text" label="Текст обращения" hint="Опишите ситуацию: что произошло, где и когда, чего вы ждёте от сетевой организации" multiline rows={7} maxLength={5000} required {...t('text')} />
          <Select id="appeal-applicationId" label="Связанная заявка" placeholder="Не связано с заявкой" hint={applications.hint()} options={applications.options()} {...t('applicationId')} />
        </fieldset>
      </Card>

      <Card>
        <fieldset class="fieldset stack">
          <legend class="fieldset__legend">Качество электрической энергии</legend>
          <p class="muted small" style={{ margin: 0 }}>
            {quality()
              ? 'Для жалобы на качество электроэнергии укажите договор и время, когда возникла проблема: это ускорит проверку.'
              : 'Необязательно. Заполните, если обращение касается качества электроэнергии (скачки или низкое напряжение, перерывы).'}
          </p>
          <div class="form-grid">
            <Field id="appeal-contractNumber" label="Номер договора" hint="Договор энергоснабжения или технологического присоединения" autocomplete="off" maxLength={50} {...t('contractNumber')} />
            <Field id="appeal-problemTime" label="Время возникновения проблемы" hint="Например, «с 12.11, по вечерам с 18 до 22 часов»" autocomplete="off" maxLength={100} {...t('problemTime')} />
          </div>
        </fieldset>
      </Card>

      <Card>
        <fieldset class="fieldset stack">
          <legend class="fieldset__legend">Ответ и файлы</legend>
          <Select id="appeal-answerChannel" label="Способ получения ответа" hint={channelHint()} options={ANSWER_CHANNEL_OPTIONS} required {...t('answerChannel')} />
          <FileUpload
            id="appeal-files"
            label="Файлы (необязательно)"
            hint="Фотографии, акты, переписка. PDF, JPEG или PNG, не больше 10 МБ, до 10 файлов"
            kind="other"
            files={files()}
            error={form.error('attachments')}
            disabled={submitting()}
            onAdd={(file) => setFiles((prev) => [...prev, file])}
            onRemove={(fileId) => setFiles((prev) => prev.filter((f) => f.id !== fileId))}
            onBusy={(busy) => setUploading((n) => Math.max(0, n + (busy ? 1 : -1)))}
          />
        </fieldset>
      </Card>

      <div class="submit-bar">
        <Show when={shownProblem()}>
          <Alert tone="error">{shownProblem()}</Alert>
        </Show>
        <div class="cluster">
          <Button type="submit" loading={submitting()} disabled={uploading() > 0}>
            Подать обращение
          </Button>
          <p class="muted small" style={{ margin: 0 }}>
            Срок ответа — {formatTerm(REGULATIONS.appealAnswer)} {REGULATIONS.appealAnswer.from}.
          </p>
        </div>
      </div>
    </form>
  );
}

export default function NewAppealPage() {
  const [filed, setFiled] = createSignal<Filed | null>(null);
  // A representative may file for a principal (pages/applications/New.tsx PrincipalChoice).
  const [representation] = createResource(() => trpc.representation.get.query());
  const principals = () => representation.latest?.inForce ?? [];
  const [forPoaId, setForPoaId] = createSignal('');
  // A new form (and a new id) for each appeal: «Подать ещё одно обращение» must not find the previous one.
  const [round, setRound] = createSignal(0);
  let successEl: HTMLDivElement | undefined;

  function onFiled(result: Filed) {
    setFiled(result);
    queueMicrotask(() => {
      successEl?.scrollIntoView({ block: 'start' });
      successEl?.querySelector<HTMLElement>('a')?.focus();
    });
  }

  return (
    <div class="stack stack--lg">
      <PageHeader title="Подать обращение" description="Жалоба, заявление или вопрос в сетевую организацию. Обращение регистрируется сразу, номер и дата регистрации появятся на этой странице." />
      <Show
        when={filed()}
        fallback={
          <Show when={round() + 1} keyed>
            <PrincipalChoice idPrefix="appeal" principals={principals()} value={forPoaId()} onValue={setForPoaId} />
            <AppealForm onFiled={onFiled} forPoaId={forPoaId()} />
          </Show>
        }
      >
        {(result) => (
          <div ref={successEl} class="stack">
            <Alert tone="success" title={registeredText(result())}>
              <p>О ходе рассмотрения мы сообщим в разделе «Уведомления» и по электронной почте.</p>
              <div class="cluster">
                <A href={`/appeals/${result().id}`} class={buttonClass('primary', 'small')}>
                  Перейти к обращению
                </A>
                <Button
                  variant="ghost"
                  size="small"
                  onClick={() => {
                    setRound((n) => n + 1);
                    setFiled(null);
                  }}
                >
                  Подать ещё одно обращение
                </Button>
              </div>
            </Alert>
          </div>
        )}
      </Show>
    </div>
  );
}
