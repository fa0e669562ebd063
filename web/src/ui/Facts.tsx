// Text primitives: a list of facts (term and value, the `dl.dl` of summaries)
// and the small muted line under a header. Pages say what, these say how it reads.
import { For, Show, type JSX } from 'solid-js';

/** A definition list of facts; put `Fact`s (or raw dt/dd pairs) inside. */
export function Facts(props: { children: JSX.Element }) {
  return <dl class="dl">{props.children}</dl>;
}

/** One term and its value; `when` false leaves both out (a fact that does not apply). */
export function Fact(props: { term: JSX.Element; when?: unknown; class?: string; children: JSX.Element }) {
  return (
    <Show when={props.when === undefined || Boolean(props.when)}>
      <dt>{props.term}</dt>
      <dd class={props.class}>{props.children}</dd>
    </Show>
  );
}

/** Label/value lines as facts, in order (e.g. a filed form in words). */
export function FactLines(props: { lines: ReadonlyArray<readonly [string, string]>; class?: string }) {
  return (
    <For each={props.lines}>
      {([term, value]) => (
        <Fact term={term} class={props.class}>
          {value}
        </Fact>
      )}
    </For>
  );
}

/** A small muted line without margins: a back link under a header, a hint under a card. */
export function SmallNote(props: { children: JSX.Element; spaced?: boolean }) {
  return (
    <p class="muted small" style={{ margin: props.spaced ? 'var(--space-3) 0 0' : 0 }}>
      {props.children}
    </p>
  );
}

/** A muted paragraph: an empty list, a step with nothing to do. */
export function Muted(props: { children: JSX.Element }) {
  return <p class="muted">{props.children}</p>;
}
