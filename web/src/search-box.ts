// The search field of a filtered list: what is typed shows at once, the address
// (and so the list) follows a moment after the typing stops.
import { useBeforeLeave, useLocation } from '@solidjs/router';
import { createSignal, onCleanup } from 'solid-js';

const SEARCH_DELAY_MS = 300;

export function createSearchBox(initial: unknown, apply: (query: string | undefined) => void) {
  const [text, setText] = createSignal(typeof initial === 'string' ? initial : '');
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));
  // Typing then following a link at once: the router merges a query set during a
  // navigation onto its target, so the waiting search would land on the next page
  // (the case opened as «…?q=…»). Leaving the list drops it.
  const here = useLocation().pathname;
  useBeforeLeave((leave) => {
    if (typeof leave.to === 'number' || new URL(leave.to, window.location.href).pathname !== here) clearTimeout(timer);
  });
  return {
    text,
    onInput(value: string) {
      setText(value);
      clearTimeout(timer);
      timer = setTimeout(() => apply(value.trim() || undefined), SEARCH_DELAY_MS);
    },
  };
}

/** The query of the address, trimmed; none when empty. */
export const queryOf = (q: unknown): string | undefined => (typeof q === 'string' && q.trim() ? q.trim() : undefined);
