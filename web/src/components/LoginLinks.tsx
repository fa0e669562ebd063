// «Войти» and «Регистрация» side by side, for the public pages that offer more
// to a signed-in user (the calculator, the outage subscriptions).
import { A } from '@solidjs/router';
import type { JSX } from 'solid-js';
import { buttonClass } from '../ui';

export function LoginLinks(props: { style?: JSX.CSSProperties }) {
  return (
    <div class="cluster" style={props.style}>
      <A href="/login" class={buttonClass('primary', 'small')}>
        Войти
      </A>
      <A href="/register" class={buttonClass('secondary', 'small')}>
        Регистрация
      </A>
    </div>
  );
}
