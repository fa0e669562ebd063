import { Show, type JSX } from 'solid-js';

export interface CheckboxProps {
  id: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** The label text; the label wraps the box so the whole text is clickable. */
  children: JSX.Element;
  hint?: JSX.Element;
  error?: string | undefined;
  required?: boolean;
  /** Shown under the label, outside it (e.g. a button that opens the full consent text). */
  extra?: JSX.Element;
}

export function Checkbox(props: CheckboxProps) {
  const describedBy = () => [props.hint ? `${props.id}-hint` : '', props.error ? `${props.id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class="checkbox">
      <label class="checkbox__label">
        <input
          type="checkbox"
          class="checkbox__input"
          id={props.id}
          checked={props.checked}
          aria-describedby={describedBy()}
          aria-invalid={props.error ? 'true' : undefined}
          aria-required={props.required ? 'true' : undefined}
          onChange={(e) => props.onChange(e.currentTarget.checked)}
        />
        <span>{props.children}</span>
      </label>
      <Show when={props.extra}>
        <div class="checkbox__extra">{props.extra}</div>
      </Show>
      <Show when={props.hint}>
        <p class="field__hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      </Show>
      <Show when={props.error}>
        <p class="field__error" id={`${props.id}-error`}>
          {props.error}
        </p>
      </Show>
    </div>
  );
}
