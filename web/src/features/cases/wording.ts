// Wording shared by the applicant's and the staff's application screens:
// who acts, how a status and a deadline read, which statutory term governs a stage.
import { STAGE_DEFINITIONS, STAGES, stageTermKey, type Stage, type StageDefinition, type WhoActs } from '../../../../domain/application';
import { REGULATIONS, tuFulfilmentTermKey, type Regulation, type TuFulfilmentInput } from '../../../../domain/regulations';
import type { RouterOutputs } from '../../trpc';
import type { ChipTone } from '../../ui';
import { formatDate, formatDateTime, NO_VALUE } from '../../ui/format';
import { provisionalDeadlineNote, type ProductionCalendar } from '../../../../domain/calendar';
import { remainingTime, termUnitOfWording } from '../../../../domain/remaining-time';
import { productionCalendar } from '../calendar/calendar';

export type ApplicationSummary = RouterOutputs['applications']['list']['items'][number];
export type ApplicantCase = RouterOutputs['applications']['get'];
export type StaffCase = RouterOutputs['staffApplications']['get'];
export type CaseEvent = ApplicantCase['events'][number];
export type CaseDocument = ApplicantCase['documents'][number];

export type Viewer = 'applicant' | 'staff';

const WHO_ACTS: Record<Viewer, Record<WhoActs, string>> = {
  applicant: { grid: 'Сетевая организация', applicant: 'Вы', both: 'Обе стороны', supplier: 'Гарантирующий поставщик', nobody: NO_VALUE },
  staff: { grid: 'Сетевая организация', applicant: 'Заявитель', both: 'Обе стороны', supplier: 'Гарантирующий поставщик', nobody: NO_VALUE },
};

export function whoActsLabel(who: WhoActs, viewer: Viewer): string {
  return WHO_ACTS[viewer][who];
}

export const ACTOR_ROLE_LABELS: Record<string, string> = {
  applicant: 'заявитель',
  staff: 'сотрудник сетевой организации',
  admin: 'администратор',
  bank: 'банк',
  system: 'автоматически',
};

/** «Иванов И. И. (сотрудник сетевой организации)», or «Автоматически» for system events. */
export function actorLabel(event: Pick<CaseEvent, 'actorName' | 'actorRole'>): string {
  if (!event.actorName) return 'Автоматически';
  const role = event.actorRole ? ACTOR_ROLE_LABELS[event.actorRole] : undefined;
  return role ? `${event.actorName} (${role})` : event.actorName;
}

export const CASE_STATUS_LABELS: Record<ApplicationSummary['status'], string> = {
  active: 'В работе',
  completed: 'Исполнена',
  annulled: 'Аннулирована',
  withdrawn: 'Отозвана',
};

/** The chip of a case: the glossary status word; when a term was missed, the side that missed it, and no other. */
export function statusChip(summary: Pick<ApplicationSummary, 'stage' | 'statusLabel' | 'status' | 'overdue' | 'whoActs'> & { lateParty?: ApplicationSummary['lateParty'] }): { tone: ChipTone; text: string } {
  if (summary.lateParty === 'applicant' && summary.status === 'active') return { tone: 'warning', text: `${summary.statusLabel} · просрочка заявителя` };
  if (summary.lateParty === 'both' && summary.status === 'active') return { tone: 'danger', text: `${summary.statusLabel} · просрочка обеих сторон` };
  if (summary.overdue) return { tone: 'danger', text: `${summary.statusLabel} · ${summary.lateParty === 'grid' ? 'просрочка сетевой организации' : 'срок нарушен'}` };
  if (summary.status === 'completed') return { tone: 'success', text: summary.statusLabel };
  if (summary.status !== 'active') return { tone: 'neutral', text: summary.statusLabel };
  if (summary.whoActs === 'applicant' || summary.whoActs === 'both') return { tone: 'warning', text: summary.statusLabel };
  return { tone: 'info', text: summary.statusLabel };
}

export interface DeadlineView {
  date: string;
  dateTime: string;
  /** «осталось 2 раб. дня», «осталось 5 дней», «истекает сегодня», «просрочено»; '' while the calendar loads. */
  left: string;
  late: boolean;
  /** «предварительно: …» when the deadline falls in a year whose production calendar has no decree yet. */
  provisional: string | null;
}

/**
 * A deadline as pages show it. The remaining time is counted in the term's own
 * unit (the words of `deadlineTerm`, e.g. «3 рабочих дня» → working days) on
 * the production calendar in force; without a known unit, in calendar days.
 */
export function deadlineView(deadlineAt: string | null, nowMs: number, deadlineTerm?: string | null, calendar: ProductionCalendar | null = productionCalendar()): DeadlineView | null {
  if (!deadlineAt) return null;
  const at = new Date(deadlineAt).getTime();
  if (!Number.isFinite(at)) return null;
  const late = at < nowMs;
  const unit = termUnitOfWording(deadlineTerm) ?? 'calendar-days';
  const left = late ? 'просрочено' : calendar ? remainingTime(nowMs, at, unit, calendar).text : '';
  const note = calendar ? provisionalDeadlineNote(at, calendar).trim().replace(/^\((.*)\)$/, '$1') : '';
  return { date: formatDate(deadlineAt), dateTime: `${formatDateTime(deadlineAt)} (мск)`, left, late, provisional: note || null };
}

/** What decides the statutory term of the ТУ stage: the application, and the construction the grid found necessary. */
export interface TermContext {
  publicBuyer: boolean;
  /** Null until the grid has posted the ТУ (then whether construction is needed is known). */
  tu: TuFulfilmentInput | null;
}

/**
 * The statutory term of a stage from the regulations table; null for stages
 * without one and for the ТУ stage while its term is not known yet.
 */
export function stageTerm(stage: Stage, context: TermContext): Regulation | null {
  if (stage === 'tuFulfilment' && !context.tu) return null;
  const tuTerm = context.tu ? tuFulfilmentTermKey(context.tu) : 'tuFulfilment1y';
  const key = stageTermKey(stage, { publicBuyer: context.publicBuyer, tuTerm });
  return key ? REGULATIONS[key] : null;
}

/** The data of the event that posted the ТУ (its input holds constructionNeeded, the invoice and the connection point). */
export function postedDocumentsInput(events: readonly CaseEvent[]): Record<string, unknown> | null {
  const posted = [...events].reverse().find((e) => e.type === 'documents-posted');
  const input = posted?.data.input;
  return input && typeof input === 'object' ? (input as Record<string, unknown>) : null;
}

/** The ТУ term input from the submitted form and the posting event, when both are known. */
export function tuTermInput(form: Record<string, unknown> | null | undefined, events: readonly CaseEvent[]): TuFulfilmentInput | null {
  const posted = postedDocumentsInput(events);
  if (!form || !posted) return null;
  const num = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN);
  const input: TuFulfilmentInput = {
    voltageKv: num(form.voltageKv),
    distanceM: num(form.distanceToNetworkM),
    territory: form.territory === 'rural' ? 'rural' : 'urban',
    constructionNeeded: posted.constructionNeeded === true,
    maxPowerKw: num(form.maxPowerKw),
  };
  return [input.voltageKv, input.distanceM, input.maxPowerKw].every((v) => Number.isFinite(v) && v >= 0) ? input : null;
}

export function isStage(value: unknown): value is Stage {
  return STAGES.some((s) => s === value);
}

export function stageDefinition(stage: string): StageDefinition | null {
  return isStage(stage) ? STAGE_DEFINITIONS[stage] : null;
}

/** What an action's answer says about the case: «Заявка на этапе «…»» or the final state. */
export function afterActionText(stage: string): string {
  const definition = stageDefinition(stage);
  if (!definition) return 'Заявка обновлена';
  return definition.final ? definition.title : `Заявка на этапе «${definition.title}»`;
}

export function stageTitle(stage: string | null): string {
  return stage && isStage(stage) ? STAGE_DEFINITIONS[stage].title : 'Документы заявителя';
}

/** First characters of a SHA-256, enough to compare by eye; the full value goes into a title. */
export function shortSha(sha256: string): string {
  return `${sha256.slice(0, 12)}…`;
}

export const standardDocumentLinks = (category: string) => [
  { title: 'Условия типового договора', href: `/api/standard-documents/contractTerms?category=${encodeURIComponent(category)}` },
  { title: 'Инструкция по технологическому присоединению', href: `/api/standard-documents/instructions?category=${encodeURIComponent(category)}` },
];
