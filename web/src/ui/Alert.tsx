import { Show, type JSX } from 'solid-js';

export type AlertTone = 'info' | 'success' | 'warning' | 'error';

const ICONS: Record<AlertTone, string> = { info: 'i', success: '✓', warning: '!', error: '×' };

export interface AlertProps {
  tone?: AlertTone;
  title?: string;
  children?: JSX.Element;
  class?: string;
}

/** Problems interrupt (role=alert); news waits its turn (role=status). */
export function Alert(props: AlertProps) {
  const tone = () => props.tone ?? 'info';
  return (
    <div class={`alert alert--${tone()}${props.class ? ` ${props.class}` : ''}`} role={tone() === 'error' || tone() === 'warning' ? 'alert' : 'status'}>
      <span class="alert__icon" aria-hidden="true">
        {ICONS[tone()]}
      </span>
      <div class="alert__body">
        <Show when={props.title}>
          <p class="alert__title">{props.title}</p>
        </Show>
        {props.children}
      </div>
    </div>
  );
}
