// The applicant's actions on an appeal (`actions` from appeals.get): reply to
// a clarification, confirm the answer, or disagree with it (once). Each is
// checked with the schema the server applies (appealActionSchemas).
import { Show, type JSX } from 'solid-js';
import { APPEAL_APPLICANT_ACTIONS, appealActionSchemas, type AppealApplicantAction } from '../../../../domain/appeal';
import { lastQuestion, type AppealEvent, type AppealView } from '../../features/appeals/wording';
import { ActionForm, ActionForms } from '../../components/ActionForm';
import { createAttachments } from '../../components/FileUpload';
import { createForm } from '../../forms';
import { trpc } from '../../trpc';
import { Field } from '../../ui';

interface Props {
  appealId: string;
  events: readonly AppealEvent[];
  onDone: (action: AppealApplicantAction, view: AppealView) => void;
  onRefused: (action: AppealApplicantAction, message: string) => void;
}

function send(props: Props, action: AppealApplicantAction) {
  return {
    label: APPEAL_APPLICANT_ACTIONS[action].label,
    send: (input: unknown) => trpc.appeals.act.mutate({ id: props.appealId, action, input }),
    onDone: (view: AppealView) => props.onDone(action, view),
    onRefused: (message: string) => props.onRefused(action, message),
  };
}

function Reply(props: Props) {
  const attachments = createAttachments();
  const form = createForm({
    initial: { text: '' },
    schema: appealActionSchemas.reply,
    toInput: (v) => ({ text: v.text, attachments: attachments.refs() }),
  });
  const question = () => lastQuestion(props.events);
  return (
    <ActionForm
      {...send(props, 'reply')}
      hint="Пока сетевая организация ждёт вашего ответа, срок ответа на обращение приостановлен."
      form={form}
      blocked={attachments.uploading()}
      onDone={(view) => {
        attachments.clear();
        props.onDone('reply', view);
      }}
    >
      <Show when={question()}>
        {(q) => (
          <div class="stack" style={{ gap: 'var(--space-1)' }}>
            <p style={{ margin: 0 }}>Вопрос сетевой организации:</p>
            <blockquote class="quote">{q()}</blockquote>
          </div>
        )}
      </Show>
      <Field id="appeal-reply-text" label="Ваш ответ" multiline rows={4} maxLength={5000} required {...form.bindText('text')} />
      <attachments.Upload id="appeal-reply-files" label="Файлы (необязательно)" kind="other" />
    </ActionForm>
  );
}

function Confirm(props: Props) {
  const form = createForm({ initial: { comment: '' }, schema: appealActionSchemas.confirm });
  return (
    <ActionForm {...send(props, 'confirm')} hint="Обращение будет закрыто. После закрытия вы сможете оценить качество рассмотрения." form={form}>
      <Field id="appeal-confirm-comment" label="Комментарий (необязательно)" multiline rows={2} maxLength={2000} {...form.bindText('comment')} />
    </ActionForm>
  );
}

function Disagree(props: Props) {
  const form = createForm({ initial: { reason: '' }, schema: appealActionSchemas.disagree });
  return (
    <ActionForm {...send(props, 'disagree')} variant="secondary" hint="Обращение будет рассмотрено повторно с новым сроком ответа. Оспорить ответ можно один раз." form={form}>
      <Field id="appeal-disagree-reason" label="Причина несогласия" hint="С чем именно вы не согласны в ответе" multiline rows={3} maxLength={3000} required {...form.bindText('reason')} />
    </ActionForm>
  );
}

const FORMS: Record<AppealApplicantAction, (props: Props) => JSX.Element> = { reply: Reply, confirm: Confirm, disagree: Disagree };

export function AppealApplicantActions(props: Props & { actions: readonly string[] }) {
  return <ActionForms actions={props.actions} forms={FORMS} with={props} />;
}
