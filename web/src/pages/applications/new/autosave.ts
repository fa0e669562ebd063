// Saving the application form as a draft while it is filled in: a second after
// each change, one request at a time (the latest values win), when the tab is
// hidden, and on leaving or closing the page (a keepalive request).
import { createSignal, onCleanup } from 'solid-js';
import { describeApiError, trpc } from '../../../trpc';
import type { ApplicationFormState } from '../application-form';

const AUTOSAVE_DELAY_MS = 1000;

export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: string } | { kind: 'error'; message: string };

export function createAutosave(draftId: string, form: Pick<ApplicationFormState, 'toDraft' | 'onChange'>, savedAt: string | null) {
  const [saveState, setSaveState] = createSignal<SaveState>(savedAt ? { kind: 'saved', at: savedAt } : { kind: 'idle' });
  let timer: ReturnType<typeof setTimeout> | undefined;
  let dirty = false;
  let stopped = false;
  let queue: Promise<void> = Promise.resolve();
  const save = async () => {
    if (stopped || !dirty) return;
    dirty = false;
    setSaveState({ kind: 'saving' });
    try {
      const { savedAt } = await trpc.applications.saveDraft.mutate({ id: draftId, form: form.toDraft() });
      if (!stopped) setSaveState({ kind: 'saved', at: savedAt });
    } catch (error) {
      if (!stopped) setSaveState({ kind: 'error', message: describeApiError(error).message });
    }
  };
  const flush = () => {
    clearTimeout(timer);
    queue = queue.then(save);
    return queue;
  };
  onCleanup(
    form.onChange(() => {
      dirty = true;
      clearTimeout(timer);
      timer = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    }),
  );
  // Leaving the page within the second still keeps what was typed.
  onCleanup(() => {
    if (dirty && !stopped) void flush();
    clearTimeout(timer);
  });
  // Closing or reloading the tab: a keepalive request outlives the page (tRPC's HTTP form: the input as the JSON body).
  const saveOnExit = () => {
    if (!dirty || stopped) return;
    dirty = false;
    clearTimeout(timer);
    void fetch('/trpc/applications.saveDraft', {
      method: 'POST',
      keepalive: true,
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: draftId, form: form.toDraft() }),
    }).catch(() => undefined);
  };
  // A phone may never fire pagehide: save as soon as the tab is hidden.
  const onHidden = () => {
    if (document.visibilityState === 'hidden' && dirty && !stopped) void flush();
  };
  window.addEventListener('pagehide', saveOnExit);
  document.addEventListener('visibilitychange', onHidden);
  onCleanup(() => {
    window.removeEventListener('pagehide', saveOnExit);
    document.removeEventListener('visibilitychange', onHidden);
  });


  return {
    saveState,
    /** Before the submission: the server refuses changes to a filed draft, so stop and wait for a save under way. */
    async stop(): Promise<void> {
      clearTimeout(timer);
      stopped = true;
      await queue;
    },
    /** The submission failed: the draft is still open. */
    resume(): void {
      stopped = false;
    },
  };
}
