// The skeleton every case page shares — an application or an appeal, the
// applicant's or the staff's: load the case by the route's id, refresh it on
// live events, show «not found», a load failure or the loading state, and keep
// what the last action said (done, or refused with the server's reason).
import { A, useParams } from '@solidjs/router';
import { createResource, createSignal, Match, Show, Switch, type JSX } from 'solid-js';
import { LoadError } from '../../components/LoadError';
import { concernsCase, onLive } from '../../live';
import { describeApiError } from '../../trpc';
import { Alert, EmptyState, Loading, PageHeader, SmallNote } from '../../ui';

/** What a page says of its case when there is none to show. */
export interface CaseWords {
  /** «Заявка», «Обращение»: the header while the case cannot be shown. */
  noun: string;
  notFoundTitle: string;
  notFoundLead: string;
  notFoundHint: string;
  /** Where the list of such cases is, and the link's words. */
  listHref: string;
  listLabel: string;
  loadError: string;
  loading: string;
}

/** An action the server refused; its reason stays until the next action. */
export interface Refusal {
  action: string;
  message: string;
}

/** What the page passes to its body: the last action's outcome and how to report one. */
export interface CaseOutcome {
  notice: string | null;
  refusal: Refusal | null;
  /** The action went through: say so (only while the case is still at `stage`, when given) and reload. */
  done: (text: string, stage?: string) => void;
  refused: (action: string, message: string) => void;
  reload: () => void;
}

export function CasePage<T extends { summary: { stage: string } }>(props: {
  load: (id: string) => Promise<T>;
  words: CaseWords;
  /** Called on a live resync (the connection was lost): other data of the page may be stale too. */
  onResync?: () => void;
  /** The page's body; read `data()` inside JSX so a refresh re-renders it. */
  children: (data: () => T, outcome: CaseOutcome) => JSX.Element;
}) {
  const params = useParams();
  const [data, { refetch }] = createResource(() => params.id, (id) => props.load(id));
  // A notice speaks of the stage the action led to; once the case has moved on (live), it would mislead.
  const [notice, setNotice] = createSignal<{ text: string; stage?: string } | null>(null);
  const [refusal, setRefusal] = createSignal<Refusal | null>(null);
  const reload = () => void refetch();

  onLive((event) => {
    if (!concernsCase(event, params.id ?? '')) return;
    reload();
    if (event.kind === 'resync') props.onResync?.();
  });

  const outcome = (stage: () => string): CaseOutcome => ({
    get notice() {
      const n = notice();
      return n && (n.stage === undefined || n.stage === stage()) ? n.text : null;
    },
    get refusal() {
      return refusal();
    },
    done: (text, atStage) => {
      setRefusal(null);
      setNotice({ text, stage: atStage });
      reload();
    },
    refused: (action, message) => {
      setNotice(null);
      setRefusal({ action, message });
      reload();
    },
    reload,
  });

  const current = () => (data.state === 'ready' || data.state === 'refreshing' ? data.latest : undefined);
  const missing = () => {
    if (data.state !== 'errored') return false;
    const code = describeApiError(data.error).code;
    return code === 'NOT_FOUND' || code === 'BAD_REQUEST';
  };

  return (
    <Switch>
      <Match when={missing()}>
        <div class="stack stack--lg">
          <PageHeader title={props.words.notFoundTitle} />
          <EmptyState icon="search" title={props.words.notFoundLead} action={<A href={props.words.listHref}>{props.words.listLabel}</A>}>
            {props.words.notFoundHint}
          </EmptyState>
        </div>
      </Match>
      <Match when={data.state === 'errored'}>
        <div class="stack stack--lg">
          <PageHeader title={props.words.noun} />
          <LoadError title={props.words.loadError} error={data.error} onRetry={refetch} />
        </div>
      </Match>
      <Match when={current()}>{(d) => props.children(d, outcome(() => d().summary.stage))}</Match>
      <Match when={true}>
        <Loading label={props.words.loading} />
      </Match>
    </Switch>
  );
}

/** The header of a case: its number, what it is about, its status; a link back to the list. */
/** A case page whose body needs nothing but the case: the route's component. */
export function casePage<T extends { summary: { stage: string } }>(load: (id: string) => Promise<T>, words: CaseWords, Body: (props: { data: T; outcome: CaseOutcome }) => JSX.Element) {
  return () => (
    <CasePage load={load} words={words}>
      {(data, outcome) => <Body data={data()} outcome={outcome} />}
    </CasePage>
  );
}

export function CaseHeader(props: { title: JSX.Element; description: string; status: JSX.Element; backHref: string; backLabel: string }) {
  return (
    <>
      <PageHeader title={props.title} description={props.description} actions={props.status} />
      <SmallNote>
        <A href={props.backHref}>{props.backLabel}</A>
      </SmallNote>
    </>
  );
}

/**
 * The «Действия» section: what the last action said, then the forms of the
 * actions open now (or why there are none). A refused action whose form is gone
 * (the case moved on) still says why.
 */
export function CaseActions(props: { titleId: string; outcome: CaseOutcome; open: readonly string[]; children: JSX.Element }) {
  return (
    <section class="stack" aria-labelledby={props.titleId}>
      <h2 id={props.titleId} class="section-title">
        Действия
      </h2>
      <Show when={props.outcome.notice}>
        <Alert tone="success">{props.outcome.notice}</Alert>
      </Show>
      <Show when={props.outcome.refusal && !props.open.includes(props.outcome.refusal.action) ? props.outcome.refusal : null}>
        {(r) => <Alert tone="error">{r().message}</Alert>}
      </Show>
      {props.children}
    </section>
  );
}
