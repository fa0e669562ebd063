import type { JSX } from 'solid-js';

export type ChipTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

/** A short status label; the colour repeats what the text already says. */
export function StatusChip(props: { tone?: ChipTone; children: JSX.Element }) {
  return <span class={`chip chip--${props.tone ?? 'neutral'}`}>{props.children}</span>;
}
