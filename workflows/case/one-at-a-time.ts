// The local activities of a case run one at a time. Two that run together (an
// action's projection beside the stage entry's when the action arrives in the
// case's first task, two actions in one task) resolve in an order the history
// does not keep: the first run saw one finish first, a replay resolves them in
// the order of their markers, the code after them then emits its commands in
// another order, and the replay fails («Activity machine does not handle this
// event: … WorkflowExecutionUpdateCompleted»; tests/workflow/replay-races.test.ts,
// docs/decisions/0009). One at a time, each resolution has its one place.
import { since } from './patches';

/** A queue of work: each starts when the one before it has settled. */
class OneAtATime {
  private running = 0;
  /** Settles (never rejects) once the last queued work has. */
  private last: Promise<void> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    // Free: start now, in the caller's step, so a case with nothing queued emits its commands where it always did.
    const result = this.running === 0 ? work() : this.last.then(work);
    this.running += 1;
    this.last = result.then(
      () => void (this.running -= 1),
      () => void (this.running -= 1),
    );
    return result;
  }
}

// Per case: the SDK gives every workflow its own global object (module state is shared by the
// workflows of a worker and frozen), so the queue lives there.
const QUEUE = Symbol.for('kabinet.case.localActivities');

function queue(): OneAtATime {
  const scope = globalThis as { [QUEUE]?: OneAtATime };
  return (scope[QUEUE] ??= new OneAtATime());
}

/** The local activity `call`, queued behind the case's others (since patch 'local-activities-one-at-a-time'). */
export function oneAtATime<A extends unknown[], R>(call: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return (...args) => (since('local-activities-one-at-a-time') ? queue().run(() => call(...args)) : call(...args));
}
