// Wording shared by the applicant's and the staff's appeal screens: options of
// the form and the filters, the status chip, the conversation and the stage
// steps read from the case history, and the Order 186 report's sums.
import {
  ANSWER_CHANNEL_LABELS,
  ANSWER_CHANNELS,
  APPEAL_CHANNEL_LABELS,
  APPEAL_CHANNELS,
  APPEAL_KIND_LABELS,
  APPEAL_KINDS,
  APPEAL_MAIN_PATH,
  APPEAL_STAGE_DEFINITIONS,
  APPEAL_STAGES,
  APPEAL_TOPIC_LABELS,
  APPEAL_TOPICS,
  type AppealChannel,
  type AppealReportRow,
  type AppealStage,
  type AppealTopic,
} from '../../../../domain/appeal';
import type { WhoActs } from '../../../../domain/application';
import { APPEAL_PROCEDURE } from '../../../../domain/procedures/appeal';
import { whoActsLabel, type Viewer } from '../cases/wording';
import type { StepState, TimelineStep } from '../cases';
import type { RouterOutputs } from '../../trpc';
import type { ChipTone } from '../../ui';

export type AppealSummary = RouterOutputs['appeals']['list']['items'][number];
export type ApplicantAppeal = RouterOutputs['appeals']['get'];
export type StaffAppeal = RouterOutputs['staffAppeals']['get'];
export type AppealEvent = ApplicantAppeal['events'][number];
export type AppealDocument = ApplicantAppeal['documents'][number];
export type AppealView = RouterOutputs['appeals']['act'];

export const TOPIC_OPTIONS = APPEAL_TOPICS.map((t) => ({ value: t, label: APPEAL_TOPIC_LABELS[t] }));
export const KIND_OPTIONS = APPEAL_KINDS.map((k) => ({ value: k, label: APPEAL_KIND_LABELS[k] }));
export const ANSWER_CHANNEL_OPTIONS = ANSWER_CHANNELS.map((c) => ({ value: c, label: ANSWER_CHANNEL_LABELS[c] }));
export const STAGE_OPTIONS = APPEAL_STAGES.map((s) => ({ value: s, label: APPEAL_STAGE_DEFINITIONS[s].status }));

/** A label from a table of labels, or the raw value when the server sent something newer than this page. */
export function labelOf<T extends string>(labels: Record<T, string>, value: string): string {
  return value in labels ? labels[value as T] : value;
}

function isWhoActs(value: string): value is WhoActs {
  return value === 'grid' || value === 'applicant' || value === 'both' || value === 'nobody';
}

export function appealWhoActs(who: string, viewer: Viewer): string {
  return isWhoActs(who) ? whoActsLabel(who, viewer) : who;
}

type ChipBits = Pick<AppealSummary, 'statusLabel' | 'stage' | 'overdue' | 'whoActs'>;

/** The chip of an appeal: the stage's status word; red when the answer term was missed. */
export function appealChip(summary: ChipBits): { tone: ChipTone; text: string } {
  if (summary.overdue) return { tone: 'danger', text: `${summary.statusLabel} · срок нарушен` };
  if (summary.stage === 'closed') return { tone: 'neutral', text: summary.statusLabel };
  if (summary.stage === 'answered') return { tone: 'success', text: summary.statusLabel };
  if (summary.whoActs === 'applicant') return { tone: 'warning', text: summary.statusLabel };
  return { tone: 'info', text: summary.statusLabel };
}

/** What an action's answer says: «Обращение на этапе «…»» or that it is closed. */
export function afterAppealActionText(stage: string): string {
  const definition = (APPEAL_STAGES as readonly string[]).includes(stage) ? APPEAL_STAGE_DEFINITIONS[stage as AppealStage] : null;
  if (!definition) return 'Обращение обновлено';
  return definition.final ? definition.title : `Обращение на этапе «${definition.title}»`;
}

// --- the conversation ------------------------------------------------------------------------

export type MessageKind = 'question' | 'reply' | 'answer' | 'disagreement' | 'confirmation';

export interface AppealMessage {
  seq: number;
  at: string;
  kind: MessageKind;
  from: 'applicant' | 'grid';
  heading: string;
  author: string | null;
  text: string;
  attachmentIds: string[];
}

const HEADINGS: Record<Viewer, Record<MessageKind, string>> = {
  applicant: {
    question: 'Вопрос сетевой организации',
    reply: 'Ваш ответ на уточнение',
    answer: 'Ответ на обращение',
    disagreement: 'Вы не согласились с ответом',
    confirmation: 'Вы подтвердили, что вопрос решён',
  },
  staff: {
    question: 'Вопрос заявителю',
    reply: 'Ответ заявителя на уточнение',
    answer: 'Ответ на обращение',
    disagreement: 'Заявитель не согласен с ответом',
    confirmation: 'Заявитель подтвердил, что вопрос решён',
  },
};

/** Which event carries which message, and the field of its input that holds the words. */
const MESSAGE_EVENTS: Record<string, { kind: MessageKind; field: string; from: AppealMessage['from'] }> = {
  'clarification-requested': { kind: 'question', field: 'question', from: 'grid' },
  clarified: { kind: 'reply', field: 'text', from: 'applicant' },
  answered: { kind: 'answer', field: 'text', from: 'grid' },
  reopened: { kind: 'disagreement', field: 'reason', from: 'applicant' },
  confirmed: { kind: 'confirmation', field: 'comment', from: 'applicant' },
};

function inputOf(event: Pick<AppealEvent, 'data'>): Record<string, unknown> {
  const input = event.data.input;
  return input && typeof input === 'object' ? (input as Record<string, unknown>) : {};
}

function attachmentIdsOf(input: Record<string, unknown>): string[] {
  const list = Array.isArray(input.attachments) ? input.attachments : [];
  return list.flatMap((a: unknown) => (a && typeof a === 'object' && 'id' in a && typeof a.id === 'string' ? [a.id] : []));
}

/** The staff questions, the applicant's replies, the answers and the reactions, oldest first. */
export function conversationOf(events: readonly AppealEvent[], viewer: Viewer): AppealMessage[] {
  return events.flatMap((event) => {
    const spec = MESSAGE_EVENTS[event.type];
    if (!spec) return [];
    const input = inputOf(event);
    const text = typeof input[spec.field] === 'string' ? String(input[spec.field]) : '';
    return [{ seq: event.seq, at: event.at, kind: spec.kind, from: spec.from, heading: HEADINGS[viewer][spec.kind], author: event.actorName, text, attachmentIds: attachmentIdsOf(input) }];
  });
}

/** The last question the staff asked: what the applicant's reply answers. */
export function lastQuestion(events: readonly AppealEvent[]): string | null {
  const event = [...events].reverse().find((e) => e.type === 'clarification-requested');
  const question = event ? inputOf(event).question : null;
  return typeof question === 'string' ? question : null;
}

// --- stage steps ---------------------------------------------------------------------------

interface Round {
  requestedAt: string;
  repliedAt: string | null;
}

function clarificationRounds(events: readonly AppealEvent[]): Round[] {
  const rounds: Round[] = [];
  for (const event of events) {
    if (event.type === 'clarification-requested') rounds.push({ requestedAt: event.at, repliedAt: null });
    const open = rounds.at(-1);
    if (event.type === 'clarified' && open && !open.repliedAt) open.repliedAt = event.at;
  }
  return rounds;
}

export interface AppealStep extends TimelineStep {
  stage: AppealStage;
  round: number | null;
}

/**
 * The main path with every clarification round after «в работе». A step is
 * done once the case has been in it; a round is done once it was answered.
 */
export function appealSteps(current: AppealStage, events: readonly AppealEvent[]): AppealStep[] {
  const entered = new Map<string, string>();
  // Stage entries carry the action that caused them (null for the registration); reminders and escalations do not.
  for (const event of events) if ('action' in event.data) entered.set(event.stage, event.at);
  const rounds = clarificationRounds(events);

  const path: Array<{ stage: AppealStage; round: number | null; at: string | null; number: number | null }> = [];
  APPEAL_MAIN_PATH.forEach((stage, i) => {
    path.push({ stage, round: null, at: entered.get(stage) ?? null, number: i + 1 });
    if (APPEAL_PROCEDURE.branches.clarification === stage) rounds.forEach((r, n) => path.push({ stage: 'clarification', round: n + 1, at: r.requestedAt, number: null }));
  });
  const currentIndex = current === 'clarification' ? path.findLastIndex((p) => p.round !== null) : path.findIndex((p) => p.stage === current && p.round === null);

  return path.map((p, i) => {
    const round = p.round !== null ? rounds[p.round - 1] : undefined;
    let state: StepState;
    if (current === 'closed') state = p.at ? 'done' : 'skipped';
    else if (i === currentIndex) state = 'current';
    else if (round) state = round.repliedAt ? 'done' : 'current';
    else if (i < currentIndex) state = p.at ? 'done' : 'skipped';
    else state = 'upcoming';
    const definition = APPEAL_STAGE_DEFINITIONS[p.stage];
    const title = p.round !== null && rounds.length > 1 ? `${definition.title} (${p.round})` : definition.title;
    return {
      key: p.round !== null ? `clarification-${p.round}` : p.stage,
      stage: p.stage,
      round: p.round,
      title,
      marker: state === 'done' ? '✓' : p.number !== null ? String(p.number) : '?',
      state,
      at: p.at,
      branch: p.round !== null,
      stateWord: round && state === 'done' ? 'Ответ получен' : undefined,
    };
  });
}

// --- the Order 186 report --------------------------------------------------------------------

export interface Counts {
  total: number;
  onTime: number;
  late: number;
  notAnswered: number;
}

const zero = (): Counts => ({ total: 0, onTime: 0, late: 0, notAnswered: 0 });

function add(into: Counts, row: Counts): Counts {
  into.total += row.total;
  into.onTime += row.onTime;
  into.late += row.late;
  into.notAnswered += row.notAnswered;
  return into;
}

export function sumCounts(rows: readonly Counts[]): Counts {
  return rows.reduce(add, zero());
}

/** Every topic of Appendix 7, with zeros where the period had none. */
export function totalsByTopic(rows: readonly AppealReportRow[]): Array<Counts & { topic: AppealTopic; label: string }> {
  return APPEAL_TOPICS.map((topic) => ({ topic, label: APPEAL_TOPIC_LABELS[topic], ...sumCounts(rows.filter((r) => r.topic === topic)) }));
}

export function totalsByChannel(rows: readonly AppealReportRow[]): Array<Counts & { channel: AppealChannel; label: string }> {
  return APPEAL_CHANNELS.map((channel) => ({ channel, label: APPEAL_CHANNEL_LABELS[channel], ...sumCounts(rows.filter((r) => r.channel === channel)) }));
}

/** The first and the last day of the current month in Moscow, as ГГГГ-ММ-ДД. */
export function currentMonth(nowMs: number): { from: string; to: string } {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow', year: 'numeric', month: '2-digit' }).formatToParts(new Date(nowMs));
  const year = Number(parts.find((p) => p.type === 'year')?.value);
  const month = Number(parts.find((p) => p.type === 'month')?.value);
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const mm = String(month).padStart(2, '0');
  return { from: `${year}-${mm}-01`, to: `${year}-${mm}-${String(lastDay).padStart(2, '0')}` };
}

export function reportFileName(period: { from: string; to: string }): string {
  return `appeals-report-${period.from}_${period.to}.csv`;
}

/** Saves the CSV; the byte order mark makes Excel read it as UTF-8 (Cyrillic intact). */
export function downloadCsv(csv: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the URL by now; revoking at once can cancel it in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
