import { createSignal, createUniqueId, For, Show, type JSX } from 'solid-js';
import type { AttachmentKind } from '../../../domain/application';
import { Button, Spinner } from '../ui';
import { formatBytes } from '../ui/format';
import { UPLOAD_ACCEPT, UPLOAD_HINT, uploadFile, UploadError, type UploadedFile } from '../uploads';

export interface FileUploadProps {
  id: string;
  label: string;
  kind: AttachmentKind;
  files: readonly UploadedFile[];
  onAdd: (file: UploadedFile) => void;
  onRemove: (id: string) => void;
  /** A form-level message for this control (e.g. «Приложите: …»). */
  error?: string | undefined;
  hint?: JSX.Element;
  required?: boolean;
  disabled?: boolean;
  /** Told while files are being sent, so the form can wait before submitting. */
  onBusy?: (busy: boolean) => void;
}

/** One upload control: a visible label, the chosen files with size and «Удалить файл», errors in Russian under it. */
export function FileUpload(props: FileUploadProps) {
  const [uploading, setUploading] = createSignal<string | null>(null);
  const [problem, setProblem] = createSignal<string | null>(null);
  const listId = createUniqueId();
  const error = () => problem() ?? props.error;
  const describedBy = () => [`${props.id}-hint`, error() ? `${props.id}-error` : '', props.files.length ? listId : ''].filter(Boolean).join(' ');

  async function onChange(input: HTMLInputElement) {
    const chosen = [...(input.files ?? [])];
    input.value = '';
    if (!chosen.length) return;
    setProblem(null);
    props.onBusy?.(true);
    try {
      for (const file of chosen) {
        setUploading(file.name);
        try {
          props.onAdd(await uploadFile(file, props.kind));
        } catch (e) {
          setProblem(e instanceof UploadError ? e.message : 'Не удалось загрузить файл. Повторите попытку.');
          break;
        }
      }
    } finally {
      setUploading(null);
      props.onBusy?.(false);
    }
  }

  return (
    <div class="field upload">
      <label class="field__label" for={props.id}>
        {props.label}
      </label>
      <input
        type="file"
        id={props.id}
        class="upload__input"
        accept={UPLOAD_ACCEPT}
        multiple
        disabled={props.disabled || uploading() !== null}
        aria-describedby={describedBy()}
        aria-invalid={error() ? 'true' : undefined}
        aria-required={props.required ? 'true' : undefined}
        onChange={(e) => void onChange(e.currentTarget)}
      />
      <div class="field__hint" id={`${props.id}-hint`}>
        {props.hint ?? UPLOAD_HINT}
      </div>
      <Show when={uploading()}>
        {(name) => (
          <p class="upload__progress" role="status">
            <Spinner /> Загружаем «{name()}»…
          </p>
        )}
      </Show>
      <Show when={error()}>
        <p class="field__error" id={`${props.id}-error`}>
          {error()}
        </p>
      </Show>
      <Show when={props.files.length}>
        <ul class="file-list" id={listId} aria-label={`Приложенные файлы: ${props.label}`}>
          <For each={props.files}>
            {(file) => {
              const nameId = createUniqueId();
              return (
                <li class="file-list__item cluster">
                  <span class="file-list__name" id={nameId}>
                    {file.filename}
                  </span>
                  <span class="muted small">{formatBytes(file.size)}</span>
                  <Button variant="ghost" size="small" aria-describedby={nameId} disabled={props.disabled} onClick={() => props.onRemove(file.id)}>
                    Удалить файл
                  </Button>
                </li>
              );
            }}
          </For>
        </ul>
      </Show>
    </div>
  );
}

/**
 * The files a form attaches: the list, whether some are still being sent, what
 * the server is given (id and kind of each), and the upload control bound to them.
 */
export function createAttachments() {
  const [files, setFiles] = createSignal<UploadedFile[]>([]);
  const [uploading, setUploading] = createSignal(false);
  return {
    files,
    uploading,
    clear: () => setFiles([]),
    /** As the action schemas take them. */
    refs: () => files().map((f) => ({ id: f.id, kind: f.kind })),
    Upload: (props: Omit<FileUploadProps, 'files' | 'onAdd' | 'onRemove' | 'onBusy'>) => (
      <FileUpload {...props} files={files()} onAdd={(file) => setFiles((prev) => [...prev, file])} onRemove={(id) => setFiles((prev) => prev.filter((f) => f.id !== id))} onBusy={setUploading} />
    ),
  };
}
