// One form per staff action open on an appeal (`actions` from
// staffAppeals.get), checked with appealActionSchemas as the server does. The
// submit button of each reads exactly the action's label from APPEAL_STAFF_ACTIONS.
import { createResource, createSignal, type JSX } from 'solid-js';
import { APPEAL_STAFF_ACTIONS, appealActionSchemas, type AppealStaffAction } from '../../../../../domain/appeal';
import type { AppealView, StaffAppeal } from '../../../features/appeals/wording';
import { ActionForm, ActionForms } from '../../../components/ActionForm';
import { createAttachments } from '../../../components/FileUpload';
import { createForm, type TextBinding } from '../../../forms';
import { trpc } from '../../../trpc';
import { Field, Select } from '../../../ui';

interface Props {
  appeal: StaffAppeal;
  onDone: (action: AppealStaffAction, view: AppealView) => void;
  onRefused: (action: AppealStaffAction, message: string) => void;
}

const HINTS: Record<AppealStaffAction, string> = {
  take: 'Вы станете исполнителем обращения; срок ответа продолжает течь со дня регистрации.',
  assign: 'Исполнитель получит уведомление и сможет запросить уточнение или дать ответ.',
  startWork: 'Заявитель увидит, что обращение рассматривается.',
  requestClarification: 'Заявитель получит вопрос в личном кабинете и по почте; до его ответа срок ответа на обращение приостановлен.',
  answer: 'Ответ увидит заявитель; он сможет подтвердить, что вопрос решён, или оспорить ответ.',
};

function common(props: Props, action: AppealStaffAction) {
  return {
    label: APPEAL_STAFF_ACTIONS[action].label,
    hint: HINTS[action],
    send: (input: unknown) => trpc.staffAppeals.act.mutate({ id: props.appeal.summary.id, action, input }),
    onDone: (view: AppealView) => props.onDone(action, view),
    onRefused: (message: string) => props.onRefused(action, message),
  };
}

function CommentField(props: { action: AppealStaffAction; binding: TextBinding }) {
  return <Field id={`appeal-act-${props.action}-comment`} label="Комментарий" hint="Необязательно. Комментарий виден в истории обращения" multiline rows={2} maxLength={2000} {...props.binding} />;
}

/** An action whose form is a comment and the button. */
function commentOnly(action: 'take' | 'startWork') {
  return (props: Props) => {
    const form = createForm({ initial: { comment: '' }, schema: appealActionSchemas[action] });
    return (
      <ActionForm {...common(props, action)} form={form}>
        <CommentField action={action} binding={form.bindText('comment')} />
      </ActionForm>
    );
  };
}

function Assign(props: Props) {
  const [assignees] = createResource(() => trpc.staffAppeals.assignees.query());
  const options = () => (assignees.state === 'ready' ? assignees().map((a) => ({ value: a.id, label: a.name })) : []);
  const form = createForm({
    initial: { assigneeId: '', comment: '' },
    schema: appealActionSchemas.assign,
    // The server takes the name from the account; the schema wants one, so the chosen option's is sent.
    toInput: (v) => ({ assigneeId: v.assigneeId, assigneeName: options().find((o) => o.value === v.assigneeId)?.label ?? '—', comment: v.comment }),
  });
  return (
    <ActionForm {...common(props, 'assign')} form={form}>
      <Select id="appeal-act-assign-assigneeId" label="Исполнитель" placeholder={assignees.loading ? 'Загружаем список…' : 'Выберите исполнителя'} options={options()} required {...form.bindText('assigneeId')} />
      <CommentField action="assign" binding={form.bindText('comment')} />
    </ActionForm>
  );
}

function RequestClarification(props: Props) {
  const form = createForm({ initial: { question: '', comment: '' }, schema: appealActionSchemas.requestClarification });
  return (
    <ActionForm {...common(props, 'requestClarification')} form={form}>
      <Field id="appeal-act-requestClarification-question" label="Вопрос заявителю" hint="Что нужно уточнить: заявитель увидит этот текст" multiline rows={3} maxLength={3000} required {...form.bindText('question')} />
      <CommentField action="requestClarification" binding={form.bindText('comment')} />
    </ActionForm>
  );
}

/** Fields of a template the staff member still has to write: «{суть ответа}». */
const PLACEHOLDER = /\{[^{}\n]{1,40}\}/g;

function Answer(props: Props) {
  const attachments = createAttachments();
  const [template, setTemplate] = createSignal('');
  const form = createForm({
    initial: { text: '', comment: '' },
    schema: appealActionSchemas.answer,
    toInput: (v) => ({ text: v.text, comment: v.comment, attachments: attachments.refs() }),
  });
  const templateOptions = () => props.appeal.templates.map((t) => ({ value: t.id, label: t.title }));

  function useTemplate(id: string) {
    setTemplate(id);
    const chosen = props.appeal.templates.find((t) => t.id === id);
    if (!chosen) return;
    // What the page knows is filled in; the rest stays in braces for the staff member to write.
    const text = chosen.text.replaceAll('{номер}', props.appeal.summary.number).replaceAll('{заявитель}', props.appeal.summary.applicantName);
    form.set('text', text);
  }

  // A template is a starting point, never an answer: its braces must be replaced before sending.
  const precheck = () => {
    const left = form.text('text').match(PLACEHOLDER);
    if (!left) return true;
    form.showServerErrors({ text: [`Замените в ответе поля шаблона: ${[...new Set(left)].join(', ')}`] });
    return false;
  };

  return (
    <ActionForm
      {...common(props, 'answer')}
      form={form}
      precheck={precheck}
      blocked={attachments.uploading()}
      onDone={(view) => {
        attachments.clear();
        setTemplate('');
        props.onDone('answer', view);
      }}
    >
      <Select id="appeal-act-answer-template" label="Шаблон ответа" placeholder="Без шаблона" hint="Выбор шаблона заменяет текст ответа; поля в фигурных скобках заполните сами" options={templateOptions()} value={template()} onValue={useTemplate} />
      <Field id="appeal-act-answer-text" label="Текст ответа" multiline rows={8} maxLength={10000} required {...form.bindText('text')} />
      <attachments.Upload id="appeal-act-answer-files" label="Файлы к ответу (необязательно)" kind="other" />
      <CommentField action="answer" binding={form.bindText('comment')} />
    </ActionForm>
  );
}

const FORMS: Record<AppealStaffAction, (props: Props) => JSX.Element> = {
  take: commentOnly('take'),
  assign: Assign,
  startWork: commentOnly('startWork'),
  requestClarification: RequestClarification,
  answer: Answer,
};

export function AppealStaffActions(props: Props) {
  return <ActionForms actions={props.appeal.actions} forms={FORMS} with={props} />;
}
