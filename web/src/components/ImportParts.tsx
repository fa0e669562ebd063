// The parts of the import card (FileImportCard: tariffs, the production
// calendar, the outage schedule): a file picker with the name of the chosen
// file, the text field to paste the file into, the help on the file's columns,
// and the table of what is wrong where.
import { For, Show, type JSX } from 'solid-js';
import { DataTable, Field, type Column } from '../ui';

/** Spreadsheets in Russia often save CSV in Windows-1251: UTF-8 is tried first, strictly. */
export async function readImportFile(file: File): Promise<string> {
  const bytes = await file.arrayBuffer();
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1251').decode(bytes);
  }
}

export function FileSource(props: {
  id: string;
  /** The id of the paste field. */
  contentId: string;
  label: string;
  accept: string;
  fileName: string | null;
  content: string;
  onFile: (file: File | undefined) => void;
  onContent: (text: string) => void;
  ref?: (input: HTMLInputElement) => void;
  /** Put the picker beside another field (the format) in a grid. */
  before?: JSX.Element;
}) {
  const hintId = () => `${props.id}-hint`;
  return (
    <>
      <div classList={{ 'form-grid': Boolean(props.before) }}>
        {props.before}
        <div class="field">
          <label class="field__label" for={props.id}>
            {props.label}
          </label>
          <input
            ref={props.ref}
            id={props.id}
            class="field__control"
            type="file"
            accept={props.accept}
            aria-describedby={props.fileName ? hintId() : undefined}
            onChange={(e) => props.onFile(e.currentTarget.files?.[0])}
          />
          <Show when={props.fileName}>
            <div class="field__hint" id={hintId()}>
              Выбран файл: {props.fileName}
            </div>
          </Show>
        </div>
      </div>
      <Field id={props.contentId} label="Или вставьте содержимое файла" multiline rows={6} spellcheck={false} value={props.content} onValue={props.onContent} />
    </>
  );
}

/** «Столбцы файла»: each column with what it holds. */
export function ColumnsHelp<C extends string>(props: { columns: readonly C[]; help: Record<C, string>; code?: boolean; children?: JSX.Element }) {
  return (
    <details>
      <summary>Столбцы файла</summary>
      <ul class="rules">
        <For each={props.columns}>
          {(c) => (
            <li>
              {props.code ? <code>{c}</code> : <strong>{c}</strong>} — {props.help[c]}
            </li>
          )}
        </For>
      </ul>
      {props.children}
    </details>
  );
}

/** The rows of a refused file: where, and what is wrong. */
export function ImportErrors<T>(props: { columns: ReadonlyArray<Column<T>>; errors: readonly T[]; class?: string }) {
  return <DataTable caption="Ошибки в файле" columns={props.columns} rows={props.errors} class={props.class} />;
}
