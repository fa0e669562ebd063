// «Переписка по делу» (issue 20 item 5): the messages of a case between its
// applicant and the grid, with files and read marks, on the applicant's and
// the staff's case pages. Opening it marks the reader's side as read; live
// events of the case refetch it, so the other side's message and «прочитано»
// appear without reloading. Staff may leave internal notes, which the server
// never sends to the applicant.
import { createEffect, createResource, createSignal, createUniqueId, For, Show } from 'solid-js';
import { MESSAGE_MAX_CHARS, MESSAGE_MAX_FILES, type MessageView } from '../../../../domain/conversation';
import { concernsCase, onLive } from '../../live';
import { describeApiError, trpc } from '../../trpc';
import { Alert, Button, Card, Checkbox, Field, Loading } from '../../ui';
import { formatDateTime } from '../../ui/format';
import { UPLOAD_ACCEPT, UPLOAD_HINT, uploadFile, UploadError } from '../../uploads';
import { unreadMessages } from './unread';
import './conversation.css';

function readMark(message: MessageView, side: 'applicant' | 'grid'): string | null {
  if (message.internal || message.side !== side) return null;
  return message.read ? (side === 'applicant' ? 'Прочитано сетевой организацией' : 'Прочитано заявителем') : 'Не прочитано';
}

function MessageItem(props: { message: MessageView; side: 'applicant' | 'grid' }) {
  const m = () => props.message;
  const own = () => m().side === props.side;
  return (
    <li class="message" classList={{ 'message--own': own(), 'message--note': m().internal }} data-testid="message">
      <p class="message__meta">
        <span class="message__author">{m().side === 'applicant' ? (props.side === 'applicant' ? 'Вы' : `Заявитель: ${m().authorName}`) : `Сетевая организация: ${m().authorName}`}</span>
        {' · '}
        <time datetime={m().at}>{formatDateTime(m().at)}</time>
        <Show when={m().internal}>
          {' · '}
          <strong>Внутренняя заметка — видна только сотрудникам</strong>
        </Show>
      </p>
      <p class="message__text">{m().text}</p>
      <Show when={m().attachments.length > 0}>
        <ul class="message__files" aria-label="Файлы сообщения">
          <For each={m().attachments}>
            {(file) => (
              <li>
                <a href={`/api/documents/${file.id}`} download="">
                  {file.filename || 'Файл'}
                </a>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={readMark(m(), props.side)}>{(mark) => <p class="message__read" data-testid="read-mark">{mark()}</p>}</Show>
    </li>
  );
}

export function ConversationCard(props: { caseId: string }) {
  const id = createUniqueId();
  const [page, { refetch }] = createResource(() => props.caseId, (caseId) => trpc.conversations.get.query({ caseId }));
  const [text, setText] = createSignal('');
  const [internal, setInternal] = createSignal(false);
  const [files, setFiles] = createSignal<File[]>([]);
  const [error, setError] = createSignal('');
  const [problem, setProblem] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  let fileInput: HTMLInputElement | undefined;

  onLive((event) => {
    if (concernsCase(event, props.caseId)) void refetch();
  });

  // What is on screen is read: mark it once something unread of the other side shows.
  createEffect(() => {
    const p = page.latest;
    if (!p) return;
    const unread = p.messages.some((m) => m.side !== p.side && !m.internal && !m.read);
    if (unread && p.mayMarkRead) {
      void trpc.conversations.markRead
        .mutate({ caseId: props.caseId })
        .then(() => unreadMessages.refresh())
        .catch(() => undefined);
    }
  });

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    setProblem('');
    const body = text().trim();
    if (!body) return setError('Напишите текст сообщения');
    if (body.length > MESSAGE_MAX_CHARS) return setError(`Сообщение: не длиннее ${MESSAGE_MAX_CHARS} символов`);
    if (files().length > MESSAGE_MAX_FILES) return setError(`Не больше ${MESSAGE_MAX_FILES} файлов в одном сообщении`);
    if (internal() && files().length > 0) return setError('Внутренняя заметка — только текст: файлы прикладываются к сообщениям заявителю');
    setError('');
    setBusy(true);
    try {
      const uploaded = [];
      for (const file of files()) uploaded.push(await uploadFile(file, 'other'));
      await trpc.conversations.post.mutate({ caseId: props.caseId, text: body, internal: internal(), attachmentIds: uploaded.map((u) => u.id) });
      setText('');
      setFiles([]);
      setInternal(false);
      if (fileInput) fileInput.value = '';
      await refetch();
    } catch (failure) {
      setProblem(failure instanceof UploadError ? failure.message : describeApiError(failure).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title="Переписка по делу" class="conversation">
      <div id="conversation" class="stack">
        <Show when={page.latest} fallback={<Show when={page.error} fallback={<Loading inline label="Загрузка переписки…" />}><Alert tone="error">Не удалось загрузить переписку. Обновите страницу.</Alert></Show>}>
          {(p) => (
            <>
              <Show when={p().messages.length > 0} fallback={<p class="muted">Сообщений пока нет.{p().mayWrite ? ' Напишите, если у вас есть вопрос по делу.' : ''}</p>}>
                <ol class="messages" aria-label="Сообщения">
                  <For each={p().messages}>{(m) => <MessageItem message={m} side={p().side} />}</For>
                </ol>
              </Show>
              <Show when={p().closed}>
                <p class="muted">Дело закрыто: переписка доступна только для чтения.</p>
              </Show>
              <Show when={p().mayWrite}>
                <form class="stack" novalidate onSubmit={(e) => void submit(e)} aria-label="Новое сообщение">
                  <Field id={`message-${id}`} label={internal() ? 'Текст заметки' : 'Сообщение'} multiline rows={3} maxLength={MESSAGE_MAX_CHARS} required value={text()} onValue={setText} error={error() || undefined} />
                  <div class="field">
                    <label class="field__label" for={`message-files-${id}`}>
                      Файлы (необязательно)
                    </label>
                    <input
                      ref={fileInput}
                      id={`message-files-${id}`}
                      class="field__control"
                      type="file"
                      multiple
                      accept={UPLOAD_ACCEPT}
                      aria-describedby={`message-files-${id}-hint`}
                      onChange={(e) => setFiles([...(e.currentTarget.files ?? [])])}
                    />
                    <p class="field__hint" id={`message-files-${id}-hint`}>
                      {UPLOAD_HINT}; до {MESSAGE_MAX_FILES} файлов
                    </p>
                  </div>
                  <Show when={p().mayNote}>
                    <Checkbox id={`message-internal-${id}`} checked={internal()} onChange={setInternal} hint="Заметку видят только сотрудники; заявитель её не получит">
                      Внутренняя заметка
                    </Checkbox>
                  </Show>
                  <Show when={problem()}>
                    <Alert tone="error">{problem()}</Alert>
                  </Show>
                  <div>
                    <Button type="submit" variant="primary" loading={busy()}>
                      {internal() ? 'Сохранить заметку' : 'Отправить'}
                    </Button>
                  </div>
                </form>
              </Show>
            </>
          )}
        </Show>
      </div>
    </Card>
  );
}
