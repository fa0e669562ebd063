// Wording and small parts shared by the audit screens.
import type { JSX } from 'solid-js';
import { APPEAL_STAGE_DEFINITIONS } from '../../../../domain/appeal';
import { STAGE_DEFINITIONS } from '../../../../domain/application';
import type { CaseKind } from '../../../../domain/audit';
import type { RouterOutputs } from '../../trpc';
import type { ChipTone } from '../../ui';
import './audit.css';

export type CaseHistoryView = RouterOutputs['audit']['history'];
export type TimelineEntry = CaseHistoryView['timeline']['entries'][number];
export type SearchRow = RouterOutputs['audit']['searchCases']['rows'][number];

export const STAGE_OPTIONS: Record<CaseKind, Array<{ value: string; label: string }>> = {
  application: Object.entries(STAGE_DEFINITIONS).map(([value, d]) => ({ value, label: `${d.step}. ${d.title}` })),
  appeal: Object.entries(APPEAL_STAGE_DEFINITIONS).map(([value, d]) => ({ value, label: d.title })),
};

export const STATUS_LABELS: Record<string, string> = {
  active: 'В работе',
  completed: 'Исполнена',
  annulled: 'Аннулирована',
  withdrawn: 'Отозвана',
  open: 'Открыто',
  answered: 'Дан ответ',
  closed: 'Закрыто',
};
export const STATUS_OPTIONS: Record<CaseKind, string[]> = { application: ['active', 'completed', 'annulled', 'withdrawn'], appeal: ['open', 'answered', 'closed'] };

/** Temporal's execution statuses, as the auditor reads them. */
export const TEMPORAL_STATUS_LABELS: Record<string, string> = {
  RUNNING: 'выполняется',
  COMPLETED: 'завершён',
  FAILED: 'завершён с ошибкой',
  CANCELLED: 'отменён',
  TERMINATED: 'остановлен принудительно',
  CONTINUED_AS_NEW: 'продолжен новым запуском',
  TIMED_OUT: 'истёк срок выполнения',
};

export const ACTOR_LABELS: Record<TimelineEntry['actor']['kind'], { word: string; tone: ChipTone }> = {
  applicant: { word: 'Заявитель', tone: 'info' },
  staff: { word: 'Сотрудник', tone: 'success' },
  admin: { word: 'Руководитель', tone: 'warning' },
  bank: { word: 'Банк', tone: 'neutral' },
  system: { word: 'Система', tone: 'neutral' },
};

export const OUTCOME_LABELS: Record<TimelineEntry['outcome'], { word: string; tone: ChipTone }> = {
  done: { word: 'выполнено', tone: 'success' },
  failed: { word: 'ошибка', tone: 'danger' },
  cancelled: { word: 'отменено', tone: 'neutral' },
  pending: { word: 'ожидает', tone: 'warning' },
  refused: { word: 'отклонено', tone: 'danger' },
  'timed-out': { word: 'истекло время', tone: 'danger' },
};

const withSeconds = new Intl.DateTimeFormat('ru-RU', { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', timeZone: 'Europe/Moscow' });
/** Events of a case are seconds apart: the audit screens show seconds (Moscow time). */
export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '—' : withSeconds.format(date);
}

const ICON_PATHS: Record<TimelineEntry['kind'], JSX.Element> = {
  'case-started': <path d="M5 21V4h10l-1 4h6v9h-9l1-4H5" />,
  action: (
    <>
      <circle cx="12" cy="8" r="4" />
      <path d="M4 21c0-4 4-6 8-6s8 2 8 6" />
    </>
  ),
  timer: (
    <>
      <circle cx="12" cy="13" r="8" />
      <path d="M12 9v4l3 2M9 2h6" />
    </>
  ),
  activity: (
    <>
      <circle cx="12" cy="12" r="3" />
      <path d="M12 2v3M12 19v3M2 12h3M19 12h3M4.9 4.9l2.1 2.1M17 17l2.1 2.1M4.9 19.1L7 17M17 7l2.1-2.1" />
    </>
  ),
  'local-activity': (
    <>
      <rect x="4" y="5" width="16" height="15" rx="2" />
      <path d="M4 10h16M9 3v4M15 3v4" />
    </>
  ),
  'search-attributes': (
    <>
      <circle cx="11" cy="11" r="6" />
      <path d="M20 20l-4.5-4.5" />
    </>
  ),
  signal: <path d="M4 12h4l3-8 3 16 3-8h3" />,
  patch: <path d="M6 3v12a3 3 0 0 0 3 3h6M18 21V9M15 12l3-3 3 3M3 6l3-3 3 3" />,
  'case-closed': (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="M8 12l3 3 5-6" />
    </>
  ),
  'task-failure': <path d="M12 3l10 18H2zM12 10v5M12 18v.5" />,
  other: <circle cx="12" cy="12" r="4" />,
};

export function EntryIcon(props: { kind: TimelineEntry['kind'] }) {
  return (
    <svg class="audit-entry__icon" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">
      {ICON_PATHS[props.kind]}
    </svg>
  );
}
