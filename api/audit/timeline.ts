// A case's Temporal event history as a timeline an auditor can read: who
// acted (applicant or named staff member), what, when and in which stage;
// timers with their term and fire time; activities with attempts, failures
// and the documents they produced. Pure: history in, entries out.
import proto, { type temporal } from '@temporalio/proto';
import { CASE_KIND_LABELS, isCaseKind, type CaseKind } from './kinds';
import { ACTIVITY_LABELS, INPUT_LABELS, OUTCOME_LABELS, PROJECTIONS, SEARCH_ATTRIBUTE_LABELS, STATUS_LABELS, actionLabel, formatDuration, formatMoscow, stageTitle } from './timeline-wording';
import { SYSTEM, actorFrom, deadlineOf, decodePayload, decodePayloads, failureText, formatValue, num, record, text, timestampMs } from './timeline-decoding';
import type { EntryOutcome, Timeline, TimelineDocument, TimelineEntry } from './timeline-types';
import { describeActivity, describeActivityResult, documentOf } from './timeline-activities';

type History = temporal.api.history.v1.IHistory;
type HistoryEvent = temporal.api.history.v1.IHistoryEvent;
type Payload = temporal.api.common.v1.IPayload;

type Attrs<K extends keyof HistoryEvent> = NonNullable<HistoryEvent[K]>;

export function buildTimeline(history: History): Timeline {
  const events = history.events ?? [];
  const entries: TimelineEntry[] = [];
  const activities = new Map<number, TimelineEntry>();
  const timers = new Map<number, TimelineEntry>();
  const updates = new Map<string, TimelineEntry>();
  const activityTypes = new Map<number, string>();
  let kind: CaseKind | null = null;
  let stage: string | null = null;
  let caseNumber: string | null = null;
  let applicant: Timeline['applicant'] = null;
  let workflowType: string | null = null;
  let closed: Timeline['closed'] = null;
  // What the workflow last projected as the stage's deadline: tells a deadline timer from a reminder.
  let knownDeadline: number | null = null;
  // The workflow's clock (Date.now()) is the start of its workflow task, not the time the timer event was written.
  let workflowNow: number | null = null;

  const entry = (event: HistoryEvent, fields: Partial<TimelineEntry> & Pick<TimelineEntry, 'kind' | 'title'>): TimelineEntry => {
    const at = timestampMs(event.eventTime) ?? 0;
    const e: TimelineEntry = {
      eventId: num(event.eventId),
      eventIds: [num(event.eventId)],
      at: new Date(at).toISOString(),
      endedAt: null,
      stage,
      stageTitle: stageTitle(kind, stage),
      actor: SYSTEM,
      details: [],
      comment: null,
      outcome: 'done',
      attempts: null,
      failures: [],
      documents: [],
      timer: null,
      activityId: null,
      ...fields,
    };
    entries.push(e);
    return e;
  };
  const close = (target: TimelineEntry | undefined, event: HistoryEvent, outcome: EntryOutcome) => {
    if (!target) return;
    target.eventIds.push(num(event.eventId));
    target.endedAt = new Date(timestampMs(event.eventTime) ?? 0).toISOString();
    target.outcome = outcome;
  };
  const applySearchAttributes = (fields: Record<string, Payload> | null | undefined): Array<{ label: string; value: string }> => {
    const lines: Array<{ label: string; value: string }> = [];
    for (const [name, payload] of Object.entries(fields ?? {})) {
      const raw = decodePayload(payload);
      const value = Array.isArray(raw) && raw.length === 1 ? raw[0] : raw;
      if (name === 'CaseKind' && isCaseKind(value)) kind = value;
      if (name === 'CaseStage' && typeof value === 'string') stage = value;
      if (name === 'CaseNumber' && typeof value === 'string') caseNumber = value;
      const shown =
        name === 'CaseStage' && typeof value === 'string'
          ? (stageTitle(kind, value) ?? value)
          : name === 'CaseStatus' && typeof value === 'string'
            ? (STATUS_LABELS[value] ?? value)
            : name === 'CaseKind' && isCaseKind(value)
              ? CASE_KIND_LABELS[value]
              : formatValue(value);
      lines.push({ label: SEARCH_ATTRIBUTE_LABELS[name] ?? name, value: shown });
    }
    return lines;
  };

  for (const event of events) {
    const id = num(event.eventId);
    if (event.workflowExecutionStartedEventAttributes) {
      const a: Attrs<'workflowExecutionStartedEventAttributes'> = event.workflowExecutionStartedEventAttributes;
      workflowType = a.workflowType?.name ?? null;
      const saLines = applySearchAttributes(a.searchAttributes?.indexedFields as Record<string, Payload> | undefined);
      const input = record(decodePayloads(a.input)[0]);
      const who = record(input.applicant);
      const object = record(input.object);
      caseNumber ??= text(input.number);
      applicant = text(who.name) ? { id: text(who.id), name: text(who.name)! } : null;
      const details = [
        { label: 'Тип процесса', value: workflowType ?? '—' },
        ...(text(object.name) ? [{ label: 'Объект', value: `${object.name}, ${formatValue(object.address)}` }] : []),
        ...(typeof object.maxPowerKw === 'number' ? [{ label: 'Максимальная мощность', value: `${formatValue(object.maxPowerKw)} кВт` }] : []),
        ...(text(record(input.supplier).name) ? [{ label: 'Гарантирующий поставщик', value: String(record(input.supplier).name) }] : []),
        { label: 'Очередь задач', value: a.taskQueue?.name ?? '—' },
        ...saLines,
      ];
      const title = !caseNumber ? `Процесс ${workflowType ?? ''} запущен` : kind === 'appeal' ? `Обращение ${caseNumber} зарегистрировано` : `Заявка ${caseNumber} подана и зарегистрирована`;
      entry(event, {
        kind: 'case-started',
        title,
        actor: applicant ? { kind: 'applicant', id: applicant.id, name: applicant.name } : SYSTEM,
        details,
      });
    } else if (event.workflowTaskStartedEventAttributes) {
      workflowNow = timestampMs(event.eventTime);
    } else if (event.workflowExecutionUpdateAcceptedEventAttributes) {
      const a: Attrs<'workflowExecutionUpdateAcceptedEventAttributes'> = event.workflowExecutionUpdateAcceptedEventAttributes;
      const request = a.acceptedRequest;
      const name = request?.input?.name ?? '?';
      const arg = record(decodePayloads(request?.input?.args)[0]);
      const input = record(arg.input);
      const details = Object.entries(input)
        .filter(([key, value]) => key !== 'comment' && !(Array.isArray(value) && value.length === 0))
        .map(([key, value]) => ({ label: INPUT_LABELS[key] ?? key, value: formatValue(value) }));
      const e = entry(event, { kind: 'action', title: actionLabel(kind, name), actor: actorFrom(arg.actor), details, comment: text(input.comment), outcome: 'pending' });
      updates.set(request?.meta?.updateId ?? a.protocolInstanceId ?? String(id), e);
    } else if (event.workflowExecutionUpdateCompletedEventAttributes) {
      const a: Attrs<'workflowExecutionUpdateCompletedEventAttributes'> = event.workflowExecutionUpdateCompletedEventAttributes;
      const target = updates.get(a.meta?.updateId ?? '');
      if (a.outcome?.failure) {
        close(target, event, 'refused');
        target?.failures.push(failureText(a.outcome.failure) ?? '');
      } else {
        close(target, event, 'done');
        const result = record(decodePayloads(a.outcome?.success)[0]);
        if (target && typeof result.stage === 'string') target.details.push({ label: 'Результат', value: `этап «${stageTitle(kind, result.stage)}»` });
      }
    } else if (event.timerStartedEventAttributes) {
      const a: Attrs<'timerStartedEventAttributes'> = event.timerStartedEventAttributes;
      const durationMs = timestampMs(a.startToFireTimeout) ?? 0;
      const firesAt = (workflowNow ?? timestampMs(event.eventTime) ?? 0) + durationMs;
      const purpose = knownDeadline !== null && Math.abs(firesAt - knownDeadline) < 1000 ? 'deadline' : knownDeadline !== null && firesAt < knownDeadline ? 'reminder' : 'other';
      const title = purpose === 'deadline' ? 'Таймер срока этапа' : purpose === 'reminder' ? 'Таймер напоминания' : 'Таймер';
      const e = entry(event, {
        kind: 'timer',
        title: `${title}: ${formatDuration(durationMs)}`,
        details: [{ label: 'Сработает', value: formatMoscow(firesAt) }],
        outcome: 'pending',
        timer: { durationMs, duration: formatDuration(durationMs), firesAt: new Date(firesAt).toISOString(), purpose },
      });
      timers.set(id, e);
    } else if (event.timerFiredEventAttributes) {
      const target = timers.get(num(event.timerFiredEventAttributes.startedEventId));
      close(target, event, 'done');
      target?.details.push({ label: 'Сработал', value: formatMoscow(timestampMs(event.eventTime) ?? 0) });
    } else if (event.timerCanceledEventAttributes) {
      const target = timers.get(num(event.timerCanceledEventAttributes.startedEventId));
      close(target, event, 'cancelled');
      target?.details.push({ label: 'Отменён', value: `${formatMoscow(timestampMs(event.eventTime) ?? 0)}: ожидание закончилось раньше срока` });
    } else if (event.activityTaskScheduledEventAttributes) {
      const a: Attrs<'activityTaskScheduledEventAttributes'> = event.activityTaskScheduledEventAttributes;
      const type = a.activityType?.name ?? '?';
      activityTypes.set(id, type);
      const args = decodePayloads(a.input);
      const described = describeActivity(type, args);
      if (PROJECTIONS.has(type)) knownDeadline = deadlineOf(args[0]);
      const e = entry(event, { kind: 'activity', title: described.title, details: described.details, outcome: 'pending', activityId: a.activityId ?? null });
      activities.set(id, e);
    } else if (event.activityTaskStartedEventAttributes) {
      const a: Attrs<'activityTaskStartedEventAttributes'> = event.activityTaskStartedEventAttributes;
      const target = activities.get(num(a.scheduledEventId));
      if (target) {
        target.attempts = a.attempt ?? 1;
        target.eventIds.push(id);
        const previous = failureText(a.lastFailure);
        if (previous) target.failures.push(`Попытка ${(a.attempt ?? 2) - 1}: ${previous}`);
      }
    } else if (event.activityTaskCompletedEventAttributes) {
      const a: Attrs<'activityTaskCompletedEventAttributes'> = event.activityTaskCompletedEventAttributes;
      const scheduled = num(a.scheduledEventId);
      const target = activities.get(scheduled);
      close(target, event, 'done');
      if (target) {
        const result = decodePayloads(a.result)[0];
        const type = activityTypes.get(scheduled);
        if (type === 'publishDocuments' && Array.isArray(result)) target.documents = result.map(documentOf).filter((d): d is TimelineDocument => d !== null);
        else if (type === 'issueCredentials' && typeof result === 'string') target.details.push({ label: 'Итог', value: result });
        else if (type) target.details.push(...describeActivityResult(type, result));
      }
    } else if (event.activityTaskFailedEventAttributes) {
      const a: Attrs<'activityTaskFailedEventAttributes'> = event.activityTaskFailedEventAttributes;
      const target = activities.get(num(a.scheduledEventId));
      close(target, event, 'failed');
      target?.failures.push(`Последняя попытка: ${failureText(a.failure)}`);
    } else if (event.activityTaskTimedOutEventAttributes) {
      const a: Attrs<'activityTaskTimedOutEventAttributes'> = event.activityTaskTimedOutEventAttributes;
      const target = activities.get(num(a.scheduledEventId));
      close(target, event, 'timed-out');
      target?.failures.push(`Время ожидания истекло: ${failureText(a.failure)}`);
    } else if (event.activityTaskCanceledEventAttributes) {
      close(activities.get(num(event.activityTaskCanceledEventAttributes.scheduledEventId)), event, 'cancelled');
    } else if (event.markerRecordedEventAttributes) {
      const a: Attrs<'markerRecordedEventAttributes'> = event.markerRecordedEventAttributes;
      const details = a.details ?? {};
      if (a.markerName === 'core_local_activity') {
        const data = record(decodePayloads(details.data)[0]);
        const type = text(data.activity_type) ?? '?';
        const result = decodePayloads(details.result)[0];
        // A projection run as a local activity records what it stored as its result (activities/cases.ts):
        // it is described like the projection activity it replaced, from the same snapshot and event.
        const projected = PROJECTIONS.has(type) && !a.failure ? record(result) : null;
        if (projected) knownDeadline = deadlineOf(projected.snapshot);
        const described = projected ? describeActivity(type, [projected.snapshot, projected.event]) : null;
        const lines = [{ label: 'Операция', value: `${ACTIVITY_LABELS[type] ?? type} (локальная)` }, ...(described?.details ?? [])];
        if (type === 'deadlineFor' && typeof result === 'number') lines.push({ label: 'Срок', value: `до ${formatMoscow(result)}` });
        else if (result !== undefined && !projected) lines.push({ label: 'Результат', value: formatValue(result) });
        entry(event, {
          kind: 'local-activity',
          title: described?.title ?? (type === 'deadlineFor' && typeof result === 'number' ? `Срок этапа рассчитан: до ${formatMoscow(result)}` : (ACTIVITY_LABELS[type] ?? type)),
          details: lines,
          attempts: typeof data.attempt === 'number' ? data.attempt : null,
          outcome: a.failure ? 'failed' : 'done',
          failures: a.failure ? [failureText(a.failure) ?? ''] : [],
        });
      } else if (a.markerName === 'core_patch') {
        const data = record(decodePayloads(details['patch-data'])[0]);
        entry(event, { kind: 'patch', title: `Отметка версии кода: patched('${text(data.id) ?? '?'}')`, details: data.deprecated ? [{ label: 'Статус', value: 'устаревает (deprecatePatch)' }] : [] });
      } else {
        entry(event, { kind: 'other', title: `Отметка ${a.markerName ?? ''}`.trim() });
      }
    } else if (event.upsertWorkflowSearchAttributesEventAttributes) {
      const lines = applySearchAttributes(event.upsertWorkflowSearchAttributesEventAttributes.searchAttributes?.indexedFields as Record<string, Payload> | undefined);
      entry(event, { kind: 'search-attributes', title: 'Поисковые атрибуты обновлены', details: lines });
    } else if (event.workflowExecutionSignaledEventAttributes) {
      const a: Attrs<'workflowExecutionSignaledEventAttributes'> = event.workflowExecutionSignaledEventAttributes;
      entry(event, { kind: 'signal', title: `Получен сигнал «${a.signalName ?? ''}»`, details: a.identity ? [{ label: 'Отправитель', value: a.identity }] : [] });
    } else if (event.workflowTaskFailedEventAttributes) {
      const a: Attrs<'workflowTaskFailedEventAttributes'> = event.workflowTaskFailedEventAttributes;
      const cause = proto.temporal.api.enums.v1.WorkflowTaskFailedCause[a.cause ?? 0] ?? String(a.cause);
      entry(event, { kind: 'task-failure', title: 'Сбой задачи процесса', outcome: 'failed', details: [{ label: 'Причина', value: cause }], failures: [failureText(a.failure) ?? ''] });
    } else if (event.workflowTaskTimedOutEventAttributes) {
      entry(event, { kind: 'task-failure', title: 'Задача процесса не выполнена вовремя: исполнитель не ответил', outcome: 'timed-out' });
    } else if (event.workflowExecutionCompletedEventAttributes) {
      const result = decodePayloads(event.workflowExecutionCompletedEventAttributes.result)[0];
      const outcome = typeof result === 'string' ? (OUTCOME_LABELS[kind ?? 'application'][result] ?? result) : formatValue(result);
      closed = { at: new Date(timestampMs(event.eventTime) ?? 0).toISOString(), outcome };
      entry(event, { kind: 'case-closed', title: `Процесс завершён: ${outcome}` });
    } else if (event.workflowExecutionFailedEventAttributes) {
      const message = failureText(event.workflowExecutionFailedEventAttributes.failure);
      closed = { at: new Date(timestampMs(event.eventTime) ?? 0).toISOString(), outcome: 'ошибка' };
      entry(event, { kind: 'case-closed', title: 'Процесс завершился ошибкой', outcome: 'failed', failures: [message ?? ''] });
    } else if (event.workflowExecutionTerminatedEventAttributes) {
      const a: Attrs<'workflowExecutionTerminatedEventAttributes'> = event.workflowExecutionTerminatedEventAttributes;
      closed = { at: new Date(timestampMs(event.eventTime) ?? 0).toISOString(), outcome: 'принудительно остановлен' };
      entry(event, {
        kind: 'case-closed',
        title: 'Процесс принудительно остановлен',
        outcome: 'cancelled',
        details: [
          { label: 'Причина', value: a.reason || '—' },
          { label: 'Кем', value: a.identity || '—' },
        ],
      });
    } else if (event.workflowExecutionTimedOutEventAttributes) {
      closed = { at: new Date(timestampMs(event.eventTime) ?? 0).toISOString(), outcome: 'истёк срок выполнения' };
      entry(event, { kind: 'case-closed', title: 'Процесс остановлен: истёк срок выполнения', outcome: 'timed-out' });
    } else if (event.workflowExecutionCanceledEventAttributes) {
      closed = { at: new Date(timestampMs(event.eventTime) ?? 0).toISOString(), outcome: 'отменён' };
      entry(event, { kind: 'case-closed', title: 'Процесс отменён', outcome: 'cancelled' });
    } else if (event.workflowExecutionContinuedAsNewEventAttributes) {
      closed = { at: new Date(timestampMs(event.eventTime) ?? 0).toISOString(), outcome: 'продолжен новым запуском' };
      entry(event, { kind: 'case-closed', title: 'Процесс продолжен новым запуском (continue-as-new)' });
    }
    // Workflow task scheduled/completed events are the engine's bookkeeping, not the case's story.
  }

  return { workflowType, kind, caseNumber, applicant, eventCount: events.length, closed, entries };
}


/** What describe() reports of activities still running: their current attempt and last failure. */
export function applyPendingActivities(timeline: Timeline, pending: Array<{ activityId: string; attempt: number; lastFailure: string | null }>): Timeline {
  for (const p of pending) {
    const target = timeline.entries.find((e) => e.kind === 'activity' && e.activityId === p.activityId && e.outcome === 'pending');
    if (!target) continue;
    target.attempts = p.attempt;
    if (p.lastFailure) target.failures.push(`Попытка ${Math.max(1, p.attempt - 1)}: ${p.lastFailure}`);
  }
  return timeline;
}

