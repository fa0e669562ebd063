// One card for every file the staff load into the cabinet (tariff sets, the
// production calendar, the outage schedule): the file picked or pasted, CSV or
// JSON, the fields a JSON file may carry itself, one submit, and the answer —
// what was loaded, or, when the server refused the whole file, the table of
// what is wrong where. Pages give the words, the fields and the call; the card
// owns the steps between them, so the three imports behave alike.
import { createSignal, Show, type JSX } from 'solid-js';
import { IMPORT_FORMATS, type ImportFormat, type ImportProblem } from '../../../domain/tariff-import';
import { focusFirstInvalid } from '../forms';
import { describeApiError } from '../trpc';
import { Alert, Button, Card, Select, type AlertTone, type Column } from '../ui';
import { FileSource, ImportErrors, readImportFile } from './ImportParts';

export type { ImportFormat };

const FORMAT_OPTIONS = IMPORT_FORMATS.map((f) => ({ value: f, label: f === 'csv' ? 'CSV (разделитель «;» или «,»)' : 'JSON' }));

/** The file as it is sent: its format and its text. */
export interface ImportFile {
  format: ImportFormat;
  content: string;
}

export interface ImportNotice {
  tone: AlertTone;
  title: string;
  text: string;
}

/** The server's answer: loaded (the card clears and the page reloads its list), or refused with the rows at fault. */
export type ImportAnswer<E> = { status: 'imported'; notice: ImportNotice } | { status: 'refused'; notice: ImportNotice; errors: readonly E[] };

/** The refusal of a file checked as a whole, in the words of the admin's imports (tariffs, calendars). */
export function refusal<E>(title: string, errors: readonly E[]): ImportAnswer<E> {
  return { status: 'refused', notice: { tone: 'error', title, text: `Найдено ошибок: ${errors.length}. Ничего не сохранено — исправьте файл и загрузите его снова.` }, errors };
}

/** The report of ImportProblem rows (tariffs, calendars): the CSV line or JSON record, the column or field, the value, the fault. */
export const problemColumns = (format: ImportFormat, columnHeader: string): Column<ImportProblem>[] => [
  { header: format === 'csv' ? 'Строка файла' : 'Запись', cell: (p) => p.row ?? 'весь файл' },
  { header: columnHeader, cell: (p) => p.column ?? '—' },
  { header: 'Значение', cell: (p) => p.value ?? '—' },
  { header: 'Что не так', cell: (p) => p.message },
];

/**
 * The failure of a card whose page has fields of its own (the set's, the version's): the server's
 * message, then the field errors no field on the page shows (those beside a field are shown there).
 */
export function failureShownOn(title: string, form: { showServerErrors(errors: Record<string, string[]>): string[] }) {
  return {
    title,
    text: (error: unknown) => {
      const { message, fieldErrors } = describeApiError(error);
      return [message, ...form.showServerErrors(fieldErrors)].join(' ');
    },
  };
}

export function FileImportCard<E>(props: {
  title: string;
  /** What loading a file does, above the picker. */
  intro: JSX.Element;
  /** The picker and the paste field. */
  source: { id: string; contentId: string; label: string; accept: string };
  /** The id of the CSV/JSON choice beside the picker; without it the file is CSV. */
  formatId?: string;
  /** The legend of a fieldset around the picker and `help`; without it they stand in the form itself. */
  sourceLegend?: string;
  /** Under the picker: the template, the columns. */
  help: JSX.Element;
  /** The fieldset of `children` (the set's or the year's parameters), which gives way to a note when the file carries them. */
  settings?: { legend: string; inFile: (file: ImportFile) => boolean; inFileNote: string };
  children?: JSX.Element;
  submitLabel: string;
  /** Beside the submit button. */
  actions?: JSX.Element;
  /** The notice when there is nothing to send. */
  empty: { title: string; text: string };
  /** The title of a failed call, and its text when the page says more than the server's message. */
  failure: { title: string; text?: (error: unknown) => string };
  /** Sends the file; null when the page's own fields are invalid (the card focuses the first). */
  send: (file: ImportFile) => Promise<ImportAnswer<E> | null>;
  errorColumns: (format: ImportFormat) => ReadonlyArray<Column<E>>;
  errorsClass?: string;
  /** A new file or an edit clears the last answer. */
  clearOnEdit?: boolean;
  /** The answer below the form rather than above the submit button. */
  answerBelow?: boolean;
  onImported: () => void;
}) {
  const [format, setFormat] = createSignal<ImportFormat>('csv');
  const [content, setContent] = createSignal('');
  const [fileName, setFileName] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [notice, setNotice] = createSignal<ImportNotice | null>(null);
  const [errors, setErrors] = createSignal<readonly E[]>([]);
  let formEl: HTMLFormElement | undefined;
  let fileInput: HTMLInputElement | undefined;
  const file = (): ImportFile => ({ format: format(), content: content() });
  const clearAnswer = () => {
    setNotice(null);
    setErrors([]);
  };

  async function onFile(picked: File | undefined) {
    if (props.clearOnEdit) clearAnswer();
    if (!picked) return;
    setFileName(picked.name);
    if (props.formatId) {
      if (/\.json$/i.test(picked.name)) setFormat('json');
      else if (/\.(csv|txt)$/i.test(picked.name)) setFormat('csv');
    }
    setContent(await readImportFile(picked));
  }

  function onContent(text: string) {
    setContent(text);
    if (props.clearOnEdit) clearAnswer();
  }

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (busy()) return;
    clearAnswer();
    if (!content().trim()) {
      setNotice({ tone: 'error', ...props.empty });
      return;
    }
    setBusy(true);
    try {
      const answer = await props.send(file());
      if (answer === null) return focusFirstInvalid(formEl);
      setNotice(answer.notice);
      if (answer.status === 'refused') return void setErrors(answer.errors);
      setContent('');
      setFileName(null);
      if (fileInput) fileInput.value = '';
      props.onImported();
    } catch (error) {
      setNotice({ tone: 'error', title: props.failure.title, text: props.failure.text ? props.failure.text(error) : describeApiError(error).message });
    } finally {
      setBusy(false);
    }
  }

  const source = () => (
    <>
      <FileSource
        ref={(input) => (fileInput = input)}
        id={props.source.id}
        contentId={props.source.contentId}
        label={props.source.label}
        accept={props.source.accept}
        fileName={fileName()}
        content={content()}
        onFile={(picked) => void onFile(picked)}
        onContent={onContent}
        before={props.formatId ? <Select id={props.formatId} label="Формат" options={FORMAT_OPTIONS} value={format()} onValue={(v) => setFormat(v === 'json' ? 'json' : 'csv')} /> : undefined}
      />
      {props.help}
    </>
  );

  const answer = () => (
    <>
      <Show when={notice()}>
        {(n) => (
          <Alert tone={n().tone} title={n().title}>
            <p style={{ margin: 0 }}>{n().text}</p>
          </Alert>
        )}
      </Show>
      <Show when={errors().length > 0}>
        <ImportErrors columns={props.errorColumns(format())} errors={errors()} class={props.errorsClass} />
      </Show>
    </>
  );

  return (
    <Card title={props.title}>
      <form ref={formEl} class="stack" novalidate onSubmit={submit}>
        <p class="muted" style={{ margin: 0 }}>
          {props.intro}
        </p>
        <Show when={props.sourceLegend} fallback={source()}>
          <fieldset class="fieldset stack">
            <legend class="fieldset__legend">{props.sourceLegend}</legend>
            {source()}
          </fieldset>
        </Show>
        <Show when={props.settings}>
          {(settings) => (
            <Show when={!settings().inFile(file())} fallback={<Alert tone="info">{settings().inFileNote}</Alert>}>
              <fieldset class="fieldset stack">
                <legend class="fieldset__legend">{settings().legend}</legend>
                {props.children}
              </fieldset>
            </Show>
          )}
        </Show>
        <Show when={!props.answerBelow}>{answer()}</Show>
        <div class="cluster">
          <Button type="submit" loading={busy()}>
            {props.submitLabel}
          </Button>
          {props.actions}
        </div>
      </form>
      <Show when={props.answerBelow && notice()}>
        <div class="stack" style={{ 'margin-top': 'var(--space-4)' }}>
          {answer()}
        </div>
      </Show>
    </Card>
  );
}
