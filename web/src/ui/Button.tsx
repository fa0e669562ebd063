import { Show, splitProps, type JSX } from 'solid-js';
import { Spinner } from './Spinner';

export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger';
export type ButtonSize = 'normal' | 'small';

export function buttonClass(variant: ButtonVariant = 'primary', size: ButtonSize = 'normal', extra?: string): string {
  return ['btn', `btn--${variant}`, size === 'small' ? 'btn--small' : '', extra ?? ''].filter(Boolean).join(' ');
}

export interface ButtonProps extends Omit<JSX.ButtonHTMLAttributes<HTMLButtonElement>, 'type'> {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** Shows a spinner and blocks repeated clicks while a request is under way. */
  loading?: boolean;
  /** Defaults to "button" so that a button inside a form never submits it by accident. */
  type?: 'button' | 'submit' | 'reset';
}

export function Button(props: ButtonProps) {
  const [local, rest] = splitProps(props, ['variant', 'size', 'loading', 'type', 'class', 'disabled', 'children']);
  return (
    <button
      {...rest}
      type={local.type ?? 'button'}
      class={buttonClass(local.variant, local.size, local.class)}
      disabled={local.disabled || local.loading}
      aria-busy={local.loading ? 'true' : undefined}
    >
      <Show when={local.loading}>
        <Spinner />
      </Show>
      {local.children}
    </button>
  );
}
