// The buttons of a card that send something one at a time: which of them is
// busy (its spinner; the others wait) and the server's refusal in words.
import { createSignal } from 'solid-js';
import { describeApiError } from './trpc';

export function createBusy<K extends string | boolean>() {
  const [busy, setBusy] = createSignal<K | null>(null);
  const [problem, setProblem] = createSignal<string | null>(null);

  /** Runs `work` as `key`; false when it was refused (the problem says why). */
  async function run(key: K, work: () => Promise<unknown>): Promise<boolean> {
    setBusy(() => key);
    setProblem(null);
    try {
      await work();
      return true;
    } catch (error) {
      setProblem(describeApiError(error).message);
      return false;
    } finally {
      setBusy(null);
    }
  }

  return { busy, problem, run, dismiss: () => setProblem(null) };
}
