import { createUniqueId, Show, type JSX } from 'solid-js';

export interface CardProps {
  title?: string;
  /** Heading level of the title: h2 on a page under its h1, h3 inside a section. */
  level?: 2 | 3;
  actions?: JSX.Element;
  class?: string;
  children: JSX.Element;
}

export function Card(props: CardProps) {
  const titleId = createUniqueId();
  return (
    <section class={props.class ? `card ${props.class}` : 'card'} aria-labelledby={props.title ? titleId : undefined}>
      <Show when={props.title}>
        <div class="cluster" style={{ 'justify-content': 'space-between', 'margin-bottom': 'var(--space-3)' }}>
          <Show when={props.level === 3} fallback={<h2 class="card__title" id={titleId} style={{ margin: 0 }}>{props.title}</h2>}>
            <h3 class="card__title" id={titleId} style={{ margin: 0 }}>
              {props.title}
            </h3>
          </Show>
          {props.actions}
        </div>
      </Show>
      {props.children}
    </section>
  );
}
