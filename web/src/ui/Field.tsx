import { Show, splitProps, type JSX } from 'solid-js';

/** What every control needs to be tied to its label, hint and error. */
export interface ControlAria {
  readonly id: string;
  readonly 'aria-describedby': string | undefined;
  readonly 'aria-invalid': 'true' | undefined;
  readonly 'aria-required': 'true' | undefined;
}

interface FrameProps {
  id: string;
  label: string;
  hint?: JSX.Element;
  error?: string | undefined;
  required?: boolean;
  class?: string;
  children: (aria: ControlAria) => JSX.Element;
}

/** Label above, hint and error below, all wired with for/aria-describedby. */
export function FieldFrame(props: FrameProps) {
  const hintId = () => `${props.id}-hint`;
  const errorId = () => `${props.id}-error`;
  const aria: ControlAria = {
    get id() {
      return props.id;
    },
    get 'aria-describedby'() {
      const ids = [props.hint ? hintId() : '', props.error ? errorId() : ''].filter(Boolean);
      return ids.length ? ids.join(' ') : undefined;
    },
    get 'aria-invalid'() {
      return props.error ? 'true' : undefined;
    },
    get 'aria-required'() {
      return props.required ? 'true' : undefined;
    },
  };
  return (
    <div class={props.class ? `field ${props.class}` : 'field'}>
      <label class="field__label" for={props.id}>
        {props.label}
      </label>
      {props.children(aria)}
      <Show when={props.hint}>
        <div class="field__hint" id={hintId()}>
          {props.hint}
        </div>
      </Show>
      <Show when={props.error}>
        <p class="field__error" id={errorId()}>
          {props.error}
        </p>
      </Show>
    </div>
  );
}

type InputAttributes = Omit<JSX.InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onInput' | 'onBlur' | 'class' | 'children' | 'required'>;

export interface FieldProps extends InputAttributes {
  id: string;
  label: string;
  value: string;
  onValue: (value: string) => void;
  onBlur?: () => void;
  hint?: JSX.Element;
  error?: string | undefined;
  required?: boolean;
  /** A multi-line text area instead of a one-line input. */
  multiline?: boolean;
  rows?: number;
  class?: string;
}

export function Field(props: FieldProps) {
  const [local, rest] = splitProps(props, ['id', 'label', 'value', 'onValue', 'onBlur', 'hint', 'error', 'required', 'multiline', 'rows', 'class']);
  return (
    <FieldFrame id={local.id} label={local.label} hint={local.hint} error={local.error} required={local.required} class={local.class}>
      {(aria) =>
        local.multiline ? (
          <textarea
            {...aria}
            class="field__control"
            rows={local.rows ?? 3}
            value={local.value}
            maxLength={rest.maxLength}
            autocomplete={rest.autocomplete}
            onInput={(e) => local.onValue(e.currentTarget.value)}
            onBlur={() => local.onBlur?.()}
          />
        ) : (
          <input
            type="text"
            {...rest}
            {...aria}
            class="field__control"
            value={local.value}
            onInput={(e) => local.onValue(e.currentTarget.value)}
            onBlur={() => local.onBlur?.()}
          />
        )
      }
    </FieldFrame>
  );
}
