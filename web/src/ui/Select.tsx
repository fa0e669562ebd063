import { For, Show, type JSX } from 'solid-js';
import { FieldFrame } from './Field';

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectProps {
  id: string;
  label: string;
  value: string;
  options: readonly SelectOption[];
  onValue: (value: string) => void;
  onBlur?: () => void;
  /** An empty first option, e.g. «Выберите роль». */
  placeholder?: string;
  hint?: JSX.Element;
  error?: string | undefined;
  required?: boolean;
  disabled?: boolean;
  class?: string;
}

export function Select(props: SelectProps) {
  return (
    <FieldFrame id={props.id} label={props.label} hint={props.hint} error={props.error} required={props.required} class={props.class}>
      {(aria) => (
        <select
          {...aria}
          class="field__control"
          disabled={props.disabled}
          onChange={(e) => props.onValue(e.currentTarget.value)}
          onBlur={() => props.onBlur?.()}
        >
          <Show when={props.placeholder}>
            <option value="" selected={props.value === ''}>
              {props.placeholder}
            </option>
          </Show>
          <For each={props.options}>
            {(option) => (
              <option value={option.value} selected={option.value === props.value}>
                {option.label}
              </option>
            )}
          </For>
        </select>
      )}
    </FieldFrame>
  );
}
