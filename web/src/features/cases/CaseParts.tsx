// Small pieces of a case shown to both the applicant and the staff, in pages
// and lists: the status chip, the deadline, the «Номер» cell of a list. The
// timeline, documents and history have modules of their own beside this one.
import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { now } from '../../clock';
import { StatusChip } from '../../ui';
import { formatDate, formatDateTime } from '../../ui/format';
import { deadlineView, statusChip, type ApplicationSummary } from './wording';

type SummaryBits = Pick<ApplicationSummary, 'stage' | 'statusLabel' | 'status' | 'overdue' | 'whoActs'> & { lateParty?: ApplicationSummary['lateParty'] };

export function CaseStatusChip(props: { summary: SummaryBits }) {
  const chip = () => statusChip(props.summary);
  return <StatusChip tone={chip().tone}>{chip().text}</StatusChip>;
}

/** The «Номер» cell of a case list: the number linking to the case, and the date it was filed. */
export function CaseNumber(props: { href: string; number: string; filedAt?: string }) {
  return (
    <>
      <A href={props.href} class="case-link">
        {props.number}
      </A>
      <Show when={props.filedAt}>{(at) => <div class="muted small">от {formatDate(at())}</div>}</Show>
    </>
  );
}

/** A name in bold over its muted detail: an object and its address, a topic and its kind. */
export function TwoLines(props: { main: string; detail: string; bold?: boolean }) {
  return (
    <>
      <div style={props.bold ? { 'font-weight': 600 } : undefined}>{props.main}</div>
      <div class="muted small">{props.detail}</div>
    </>
  );
}

/** «05.12.2026 — осталось 2 раб. дня» (in the term's unit), «предварительно» in a year without a decree, or «просрочено»; a dash when the stage has no deadline. */
export function DeadlineText(props: { deadlineAt: string | null; deadlineTerm?: string | null; overdue?: boolean }) {
  const view = () => deadlineView(props.deadlineAt, now(), props.deadlineTerm);
  return (
    <Show when={view()} fallback={<span class="muted">—</span>}>
      {(d) => (
        <span class="deadline">
          <span>{d().date}</span>{' '}
          <span class={d().late || props.overdue ? 'deadline__left deadline__left--late' : 'deadline__left'}>{d().late ? 'просрочено' : d().left}</span>
          <Show when={d().provisional}>{(p) => <span class="deadline__provisional muted small">({p()})</span>}</Show>
        </span>
      )}
    </Show>
  );
}

/** After a deadline, for staff: the statutory term it comes from and the exact time. */
export function DeadlineTermNote(props: { term: string | null; deadlineAt: string | null }) {
  return (
    <span class="muted small">
      {' '}
      ({props.term}, до {formatDateTime(props.deadlineAt)} мск)
    </span>
  );
}

/** «Заявка ТП-2026-000123», the number kept on one line. */
export function ApplicationTitle(props: { number: string }) {
  return (
    <>
      Заявка <span class="case-number">{props.number}</span>
    </>
  );
}
