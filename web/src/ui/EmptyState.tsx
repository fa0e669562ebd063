import { Show, type JSX } from 'solid-js';

export type EmptyIcon = 'construction' | 'inbox' | 'search' | 'lock';

const PATHS: Record<EmptyIcon, JSX.Element> = {
  construction: (
    <>
      <path d="M4 20h16" />
      <path d="M6 20V10l6-5 6 5v10" />
      <path d="M10 20v-5h4v5" />
    </>
  ),
  inbox: (
    <>
      <path d="M4 13l2.5-7h11L20 13v6H4z" />
      <path d="M4 13h5l1 2h4l1-2h5" />
    </>
  ),
  search: (
    <>
      <circle cx="11" cy="11" r="6" />
      <path d="M20 20l-4.5-4.5" />
    </>
  ),
  lock: (
    <>
      <rect x="5" y="11" width="14" height="9" rx="2" />
      <path d="M8 11V8a4 4 0 0 1 8 0v3" />
    </>
  ),
};

export interface EmptyStateProps {
  title: string;
  children?: JSX.Element;
  icon?: EmptyIcon;
  action?: JSX.Element;
}

export function EmptyState(props: EmptyStateProps) {
  return (
    <div class="empty">
      <svg class="empty__icon" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">
        {PATHS[props.icon ?? 'inbox']}
      </svg>
      <h2 class="empty__title">{props.title}</h2>
      <Show when={props.children}>
        <p class="empty__text">{props.children}</p>
      </Show>
      <Show when={props.action}>
        <div class="empty__action">{props.action}</div>
      </Show>
    </div>
  );
}
