// Form state validated by the shared zod schemas (domain/account.ts), the same
// ones the API applies. A field shows its first message: on submit, on blur
// once it has been edited, and live while it is wrong so the fix is seen.
import { batch, createSignal } from 'solid-js';
import { createStore } from 'solid-js/store';
import type { z } from 'zod';

export type FormValue = string | boolean;
export type FieldErrors = Record<string, string[] | undefined>;

export function issuesByField(error: z.ZodError): FieldErrors {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? String(issue.path[0]) : '';
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

export interface TextBinding {
  readonly value: string;
  readonly error: string | undefined;
  onValue(value: string): void;
  onBlur(): void;
}

export interface CheckBinding {
  readonly checked: boolean;
  readonly error: string | undefined;
  onChange(checked: boolean): void;
}

export interface Form<K extends string, Out> {
  readonly values: Readonly<Record<K, FormValue>>;
  text(name: K): string;
  checked(name: K): boolean;
  set(name: K, value: FormValue): void;
  error(name: K): string | undefined;
  bindText(name: K): TextBinding;
  bindCheck(name: K): CheckBinding;
  /** Validates everything; shows every field's message and returns the parsed data, or null. */
  parse(): Out | null;
  /** Shows server field errors; returns the messages that belong to no field of this form. */
  showServerErrors(errors: Record<string, string[]>): string[];
  clearErrors(): void;
  reset(values?: Partial<Record<K, FormValue>>): void;
}

export function createForm<K extends string, S extends z.ZodType>(options: {
  initial: Record<K, FormValue>;
  schema: S;
  /** Builds the schema input from the form values (e.g. only the fields of the chosen kind). */
  toInput?: (values: Readonly<Record<K, FormValue>>) => unknown;
}): Form<K, z.output<S>> {
  const [values, setValues] = createStore<Record<string, FormValue>>({ ...options.initial });
  const [shown, setShown] = createStore<Record<string, string | undefined>>({});
  const [edited, setEdited] = createSignal<ReadonlySet<string>>(new Set());
  const typed = values as Readonly<Record<K, FormValue>>;

  const input = () => (options.toInput ? options.toInput(typed) : { ...values });
  const currentErrors = (): FieldErrors => {
    const result = options.schema.safeParse(input());
    return result.success ? {} : issuesByField(result.error);
  };
  const revalidate = (name: string) => setShown(name, currentErrors()[name]?.[0]);

  const form: Form<K, z.output<S>> = {
    values: typed,
    text: (name) => {
      const v = values[name];
      return typeof v === 'string' ? v : '';
    },
    checked: (name) => values[name] === true,
    set(name, value) {
      batch(() => {
        setValues(name, value);
        setEdited((prev) => new Set(prev).add(name));
        if (shown[name] !== undefined) revalidate(name);
      });
    },
    error: (name) => shown[name],
    bindText(name) {
      return {
        get value() {
          return form.text(name);
        },
        get error() {
          return shown[name];
        },
        onValue: (value) => form.set(name, value),
        onBlur: () => {
          // Checked once focus has settled. If it went to the submit button, the submit checks
          // everything; a message appearing now would shift the button from under the pointer
          // between mousedown and mouseup, and the click would be lost.
          setTimeout(() => {
            const active = document.activeElement;
            if (active instanceof HTMLButtonElement && active.type === 'submit') return;
            if (edited().has(name) || shown[name] !== undefined) revalidate(name);
          }, 0);
        },
      };
    },
    bindCheck(name) {
      return {
        get checked() {
          return form.checked(name);
        },
        get error() {
          return shown[name];
        },
        onChange: (checked) => form.set(name, checked),
      };
    },
    parse() {
      const result = options.schema.safeParse(input());
      if (result.success) {
        clearAll();
        return result.data;
      }
      const errors = issuesByField(result.error);
      batch(() => {
        clearAll();
        for (const [field, messages] of Object.entries(errors)) setShown(field, messages?.[0]);
      });
      return null;
    },
    showServerErrors(errors) {
      const stray: string[] = [];
      batch(() => {
        for (const [field, messages] of Object.entries(errors)) {
          if (field in values) setShown(field, messages[0]);
          else stray.push(...messages);
        }
      });
      return stray;
    },
    clearErrors: () => clearAll(),
    reset(next) {
      batch(() => {
        setValues({ ...options.initial, ...next });
        setEdited(new Set<string>());
        clearAll();
      });
    },
  };

  function clearAll() {
    for (const key of Object.keys(shown)) setShown(key, undefined);
  }

  return form;
}

/** Moves focus to the first field marked invalid, so keyboard and screen-reader users land on it. */
export function focusFirstInvalid(container: HTMLElement | undefined): void {
  queueMicrotask(() => container?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}
