import { Show, type JSX } from 'solid-js';

export interface PageHeaderProps {
  /** Text, or text with markup such as a number that must not break. */
  title: JSX.Element;
  description?: JSX.Element;
  actions?: JSX.Element;
}

/** The page's h1. It takes focus after a navigation (see App), hence tabindex -1. */
export function PageHeader(props: PageHeaderProps) {
  return (
    <header class="page-header">
      <div>
        <h1 class="page-header__title" tabIndex={-1}>
          {props.title}
        </h1>
        <Show when={props.description}>
          <p class="page-header__description">{props.description}</p>
        </Show>
      </div>
      <Show when={props.actions}>
        <div class="cluster">{props.actions}</div>
      </Show>
    </header>
  );
}
