// Live status: one EventSource on /api/live while someone is logged in. The
// server only says *which* case changed; pages refetch from the API. A page
// that comes back into view, or a stream that reconnects, may have missed
// events, so they are told to resync everything they show.
import { createEffect, createMemo, createRoot, onCleanup } from 'solid-js';
import { session } from './session';

export type LiveEvent = { kind: 'case' | 'notification'; caseId: string | null } | { kind: 'resync'; caseId: null };

type Listener = (event: LiveEvent) => void;

const listeners = new Set<Listener>();
/** After the server refused the stream (e.g. the session ended), try again this much later. */
const REOPEN_AFTER_MS = 15_000;

function emit(event: LiveEvent): void {
  for (const listener of [...listeners]) listener(event);
}

function caseIdOf(message: MessageEvent): string | null {
  try {
    const data: unknown = JSON.parse(String(message.data));
    if (data && typeof data === 'object' && 'caseId' in data && typeof data.caseId === 'string') return data.caseId;
  } catch {
    // A malformed event still means "something changed".
  }
  return null;
}

function connect(): () => void {
  let source: EventSource | undefined;
  let reopen: ReturnType<typeof setTimeout> | undefined;
  let hadError = false;

  const open = () => {
    source = new EventSource('/api/live');
    source.addEventListener('case', (m) => emit({ kind: 'case', caseId: caseIdOf(m) }));
    source.addEventListener('notification', (m) => emit({ kind: 'notification', caseId: caseIdOf(m) }));
    source.addEventListener('open', () => {
      // Events sent while the stream was down are lost: refetch what is on screen.
      if (hadError) emit({ kind: 'resync', caseId: null });
      hadError = false;
    });
    source.addEventListener('error', () => {
      hadError = true;
      // A network drop is retried by the browser itself; a refused stream (401) is closed for good.
      if (source?.readyState === EventSource.CLOSED) {
        source = undefined;
        clearTimeout(reopen);
        reopen = setTimeout(() => {
          void session.recheck();
          open();
        }, REOPEN_AFTER_MS);
      }
    });
  };

  const onVisible = () => {
    if (document.visibilityState === 'visible') emit({ kind: 'resync', caseId: null });
  };

  open();
  document.addEventListener('visibilitychange', onVisible);
  return () => {
    clearTimeout(reopen);
    source?.close();
    document.removeEventListener('visibilitychange', onVisible);
  };
}

createRoot(() => {
  // One stream per logged-in user (reconnected when another user logs in).
  const userId = createMemo(() => {
    const user = session.user();
    return user && !user.mustChangePassword ? user.id : null;
  });
  createEffect(() => {
    if (!userId() || typeof EventSource === 'undefined') return;
    onCleanup(connect());
  });
});

/**
 * Calls `listener` on every live event while the calling component lives.
 * Call it inside a component (it registers its own cleanup).
 */
export function onLive(listener: Listener): void {
  listeners.add(listener);
  onCleanup(() => listeners.delete(listener));
}

/** Whether an event may concern the given case (a resync concerns everything). */
export function concernsCase(event: LiveEvent, caseId: string): boolean {
  return event.kind === 'resync' || event.caseId === null || event.caseId === caseId;
}
