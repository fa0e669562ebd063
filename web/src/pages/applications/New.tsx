// «Подать заявку»: the application for technological connection. A draft id
// is made on first open and kept in the address (?draft=…); the form is
// saved as a draft a second after each change and can be resumed later.
// The form's parts live in new/.
import { A, useSearchParams } from '@solidjs/router';
import { createEffect, createResource, createSignal, Match, Show, Switch } from 'solid-js';
import type { ApplicantKind } from '../../../../domain/account';
import { newId as newDraftId, UUID_RE } from '../../ids';
import { session } from '../../session';
import { LoadError } from '../../components/LoadError';
import { trpc, type PublicUser } from '../../trpc';
import { Alert, buttonClass, Loading, PageHeader } from '../../ui';
import { PrincipalChoice, type Principal } from '../../features/representation/PrincipalChoice';

import { ApplicationEditor } from './new/ApplicationEditor';
import { DraftsList } from './new/DraftsList';

function DraftEditor(props: { draftId: string; user: PublicUser; principal: Principal | null; onSubmitted: () => void }) {
  // Filing for a principal, the form follows the principal's kind (its categories, its documents).
  const kind = (): ApplicantKind => props.principal?.principalKind ?? props.user.kind ?? 'individual';
  const [draft, { refetch }] = createResource(
    () => props.draftId,
    (id) => trpc.applications.draft.query({ id }),
  );
  return (
    <Switch>
      <Match when={draft.state === 'errored'}>
        <LoadError title="Не удалось открыть черновик" error={draft.error} onRetry={refetch} />
      </Match>
      <Match when={draft.state === 'ready' && draft()?.number ? draft() : undefined}>
        {(d) => (
          <Alert tone="info" title={`Заявка по этому черновику уже подана: ${d().number ?? ''}`}>
            <div class="cluster">
              <A href={`/applications/${d().id}`} class={buttonClass('primary', 'small')}>
                Перейти к заявке
              </A>
              <A href="/applications/new">Подать новую заявку</A>
            </div>
          </Alert>
        )}
      </Match>
      <Match when={draft.state === 'ready'}>
        <ApplicationEditor draftId={props.draftId} user={props.user} principal={props.principal} kind={kind()} initial={draft() ?? null} onSubmitted={props.onSubmitted} />
      </Match>
      <Match when={true}>
        <Loading label="Открываем заявку…" />
      </Match>
    </Switch>
  );
}

export default function NewApplicationPage() {
  const [params, setParams] = useSearchParams<{ draft?: string; for?: string }>();
  const [representation] = createResource(() => trpc.representation.get.query());
  const principals = (): Principal[] => representation.latest?.inForce ?? [];
  const principal = (): Principal | null => principals().find((p) => p.poaId === params.for) ?? null;
  const draftId = () => (typeof params.draft === 'string' && UUID_RE.test(params.draft) ? params.draft.toLowerCase() : null);
  const [draftsVersion, setDraftsVersion] = createSignal(0);

  // A new application gets its id at once: the address then resumes it after a reload.
  createEffect(() => {
    if (!draftId()) setParams({ draft: newDraftId() }, { replace: true });
  });

  return (
    <div class="stack stack--lg">
      <PageHeader
        title="Подать заявку"
        description="Заявка на технологическое присоединение энергопринимающих устройств к электрическим сетям. Заполненные поля сохраняются в черновик автоматически."
      />
      <Show when={draftId()}>{(id) => <DraftsList currentId={id()} version={draftsVersion()} />}</Show>
      <PrincipalChoice idPrefix="app" principals={principals()} value={principal()?.poaId ?? ''} onValue={(poaId) => setParams({ for: poaId || undefined }, { replace: true })} />
      <Show when={draftId()} keyed>
        {(id) => (
          <Show when={session.user()}>
            {(user) => (
              <Show when={principal()?.poaId ?? 'self'} keyed>
                {(_forWhom) => <DraftEditor draftId={id} user={user()} principal={principal()} onSubmitted={() => setDraftsVersion((v) => v + 1)} />}
              </Show>
            )}
          </Show>
        )}
      </Show>
    </div>
  );
}
