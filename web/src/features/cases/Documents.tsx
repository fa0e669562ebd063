// The «Документы» card of a case: files grouped by stage (or by sender for an
// appeal), each with its size, checksum and a download link, plus the standard
// documents of the applicant's category.
import { createMemo, createUniqueId, For, Show } from 'solid-js';
import { Card } from '../../ui';
import { formatBytes, formatDateTime } from '../../ui/format';
import { shortSha, stageTitle, standardDocumentLinks, type CaseDocument } from './wording';

export function DocumentRow(props: { title: string; meta: string; href: string; sha256?: string; filename?: string }) {
  const titleId = createUniqueId();
  return (
    <li class="doc">
      <div class="doc__main">
        <p class="doc__title" id={titleId}>
          {props.title}
        </p>
        <p class="doc__meta">
          <Show when={props.filename}>
            <span>{props.filename}</span>
            {' · '}
          </Show>
          {props.meta}
          <Show when={props.sha256}>
            {(sha) => (
              <>
                {' · '}SHA-256: <code class="doc__sha" title={sha()}>{shortSha(sha())}</code>
              </>
            )}
          </Show>
        </p>
      </div>
      {/* `download` keeps the SPA router from taking the link as a page of its own (it would show «not found»). */}
      <a class="btn btn--secondary btn--small doc__download" href={props.href} download="" aria-describedby={titleId}>
        Скачать
      </a>
    </li>
  );
}

export function DocumentsCard(props: {
  documents: readonly CaseDocument[];
  /** The applicant category of an application: adds its standard documents. */
  category?: string;
  /** Groups another way than by application stage (an appeal groups by who sent the file). */
  groupTitle?: (doc: CaseDocument) => string;
  empty?: string;
}) {
  const groups = createMemo(() => {
    if (props.groupTitle) {
      const byTitle = new Map<string, CaseDocument[]>();
      for (const doc of props.documents) {
        const title = props.groupTitle(doc);
        byTitle.set(title, [...(byTitle.get(title) ?? []), doc]);
      }
      return [...byTitle.entries()].map(([title, docs]) => ({ title, docs }));
    }
    const byStage = new Map<string, CaseDocument[]>();
    for (const doc of props.documents) {
      const key = doc.stage ?? '';
      byStage.set(key, [...(byStage.get(key) ?? []), doc]);
    }
    // The applicant's own files first, then the grid's documents in the order of the procedure.
    return [...byStage.entries()].sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : 0)).map(([stage, docs]) => ({ title: stageTitle(stage || null), docs }));
  });
  return (
    <Card title="Документы">
      <div class="stack">
        <For each={groups()}>
          {(group) => (
            <section class="doc-group">
              <h3 class="doc-group__title">{group.title}</h3>
              <ul class="doc-list">
                <For each={group.docs}>
                  {(doc) => <DocumentRow title={doc.title} filename={doc.filename} meta={`${formatDateTime(doc.createdAt)} · ${formatBytes(doc.size)}`} href={`/api/documents/${doc.id}`} sha256={doc.sha256} />}
                </For>
              </ul>
            </section>
          )}
        </For>
        <Show when={props.category}>
          {(category) => (
            <section class="doc-group">
              <h3 class="doc-group__title">Типовые документы</h3>
              <ul class="doc-list">
                <For each={standardDocumentLinks(category())}>{(doc) => <DocumentRow title={doc.title} meta="PDF, для вашей категории заявителя" href={doc.href} />}</For>
              </ul>
            </section>
          )}
        </Show>
        <Show when={!props.category && !props.documents.length}>
          <p class="muted" style={{ margin: 0 }}>
            {props.empty ?? 'Документов нет.'}
          </p>
        </Show>
      </div>
    </Card>
  );
}
