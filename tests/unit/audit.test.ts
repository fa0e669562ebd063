// The pure parts of the audit: the history timeline, the read model rebuilt
// from a history, and the visibility query built from typed filters. They run
// on committed histories: the happy-path case of the integration suite and the
// small guard workflow (which has a timer).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { caseRef } from '../../api/audit/kinds';
import { compareReadModel, expectedReadModel, type StoredReadModel } from '../../api/audit/read-model';
import { mergeRows, quote, visibilityQuery } from '../../api/audit/search';
import { caseSearchSchema } from '../../domain/audit';
import { buildTimeline } from '../../api/audit/timeline';
import { formatDuration } from '../../api/audit/timeline-wording';
import { HISTORY_FIXTURES } from '../support/histories';

const load = (file: string) => historyFromJSON(JSON.parse(fs.readFileSync(file, 'utf8')));
const happyPath = load(path.join(HISTORY_FIXTURES, 'application-happy-path.json'));
/** The same path recorded after patch 'projection-as-local-activity': projections are local activities. */
const localProjections = load(path.join(HISTORY_FIXTURES, 'application-happy-path-local-projection.json'));
/** Recorded after patch 'deadline-in-projection': a term without documents gets its deadline from the projection. */
const deadlineInProjection = load(path.join(HISTORY_FIXTURES, 'application-happy-path-deadline-in-projection.json'));
const guard = load(path.join(HISTORY_FIXTURES, '..', 'workflows', 'guard-v1-history.json'));

describe('history timeline', () => {
  const timeline = buildTimeline(happyPath);

  it('names the case, its applicant and who did each action, with comments and the stage it happened in', () => {
    expect(timeline.kind).toBe('application');
    expect(timeline.caseNumber).toMatch(/^ТП-\d{4}-\d{6}$/);
    expect(timeline.entries[0]).toMatchObject({ kind: 'case-started', actor: { kind: 'applicant', name: 'Петров Пётр Петрович' } });
    const accept = timeline.entries.find((e) => e.kind === 'action' && e.title === 'Принять заявку как полную')!;
    expect(accept).toMatchObject({ actor: { kind: 'staff', name: 'Смирнова Анна Петровна' }, comment: 'Сведения полные', stage: 'completenessCheck', outcome: 'done' });
    expect(accept.details).toContainEqual({ label: 'Результат', value: 'этап «Подготовка условий договора, ТУ и счёта»' });
    const pay = timeline.entries.find((e) => e.title === 'Оплатить счёт')!;
    expect(pay.actor).toMatchObject({ kind: 'applicant', name: 'Петров Пётр Петрович' });
    const post = timeline.entries.find((e) => e.title === 'Разместить условия договора, ТУ, счёт и инструкцию')!;
    expect(post.details).toContainEqual({ label: 'Сумма счёта, ₽', value: expect.stringMatching(/^55\s000$/) });
  });

  it('shows activities in Russian with attempts, and the documents they produced with SHA-256', () => {
    const docs = timeline.entries.filter((e) => e.title.startsWith('Формирование документов'));
    expect(docs.length).toBeGreaterThanOrEqual(5);
    expect(docs.every((e) => e.attempts === 1)).toBe(true);
    const all = docs.flatMap((e) => e.documents);
    expect(all.map((d) => d.kind)).toContain('connectionAct');
    expect(all.every((d) => /^[0-9a-f]{64}$/.test(d.sha256))).toBe(true);
    expect(timeline.entries.some((e) => e.title.startsWith('Обновление витрины: событие № 1'))).toBe(true);
    expect(timeline.entries.some((e) => e.title.startsWith('Уведомление заявителю'))).toBe(true);
    expect(timeline.entries.some((e) => e.kind === 'local-activity' && e.title.startsWith('Срок этапа рассчитан: до '))).toBe(true);
    // Workflow task bookkeeping is left out: every entry is something that happened to the case.
    expect(timeline.entries.length).toBeLessThan(timeline.eventCount / 2);
  });

  it('shows a timer with its duration and fire time, and the workflow closing', () => {
    const g = buildTimeline(guard);
    const timer = g.entries.find((e) => e.kind === 'timer')!;
    expect(timer).toMatchObject({ title: 'Таймер: 1 с', outcome: 'done', timer: { durationMs: 1000, duration: '1 с' } });
    expect(timer.details.map((d) => d.label)).toEqual(['Сработает', 'Сработал']);
    expect(g.entries.at(-1)).toMatchObject({ kind: 'case-closed', title: 'Процесс завершён: registered v1: ok; closed: ok' });
  });

  it('reads an appeal in its own words', () => {
    const appeal = buildTimeline(load(path.join(HISTORY_FIXTURES, 'appeal-answered-in-time.json')));
    expect(appeal).toMatchObject({ kind: 'appeal', workflowType: 'appealWorkflow', closed: { outcome: 'обращение закрыто' } });
    expect(appeal.entries[0]!.title).toMatch(/^Обращение ОБР-\d{4}-\d{6} зарегистрировано$/);
    const take = appeal.entries.find((e) => e.kind === 'action' && e.title === 'Взять в работу')!;
    expect(take).toMatchObject({ actor: { kind: 'staff' }, stageTitle: 'Обращение зарегистрировано' });
    expect(appeal.entries.some((e) => e.title.startsWith('Обновление витрины: событие №'))).toBe(true);
    expect(appeal.entries.every((e) => !e.title.startsWith('Операция ') && !e.title.startsWith('Действие '))).toBe(true);
  });

  it('formats durations as a reader of terms expects', () => {
    expect(formatDuration(2000)).toBe('2 с');
    expect(formatDuration(200_000)).toBe('3 мин 20 с');
    expect(formatDuration(4 * 86_400_000 + 3 * 3_600_000 + 5000)).toBe('4 сут 3 ч');
  });
});

describe('read model rebuilt from the history', () => {
  const expected = expectedReadModel(happyPath, 'projectApplication');
  const ref = caseRef('application', String(expected.summary!.snapshot.id));

  /** What activities/cases.ts writes for each projection, as pg hands it back (dates as Date, numeric as text). */
  function storedAsProjected(): StoredReadModel {
    const s = expected.summary!.snapshot;
    const at = (v: unknown) => (typeof v === 'number' ? new Date(v) : null);
    const summary = {
      id: s.id, number: s.number, applicant_id: s.applicantId, applicant_name: s.applicantName, category: s.category, object_name: s.objectName,
      object_address: s.objectAddress, max_power_kw: String(s.maxPowerKw), stage: s.stage, status: s.status, who_acts: s.whoActs,
      stage_started_at: at(s.stageStartedAt), deadline_at: at(s.deadlineAt), deadline_term: s.deadlineTerm, overdue: s.overdue, overdue_since: at(s.overdueSince),
      submitted_at: at(s.submittedAt), contract_concluded_at: at(s.contractConcludedAt), finished_at: at(s.finishedAt), annul_reason: s.annulReason,
      last_seq: expected.summary!.seq, updated_at: new Date(),
    };
    const events = [...expected.events.values()].map(({ event: e }) => {
      const actor = e.actor as { id: string; name: string; role: string } | null;
      return { case_id: ref.caseId, seq: e.seq, case_kind: 'application', type: e.type, stage: e.stage, title: e.title, actor_id: actor?.id ?? null, actor_name: actor?.name ?? null,
        actor_role: actor?.role ?? null, comment: e.comment, data: JSON.parse(JSON.stringify(e.data)), deadline_at: at(e.deadlineAt), at: at(e.at) };
    });
    return { summary, events };
  }

  it('finds projections run as local activities in their recorded results, as it finds activities in their inputs', () => {
    const local = expectedReadModel(localProjections, 'projectApplication');
    expect(local.summary).toMatchObject({ seq: 9, snapshot: { stage: 'completed', status: 'completed' } });
    expect([...local.events.keys()]).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(local.events.get(3)!.event).toMatchObject({ title: 'Заявка принята как полная', actor: { name: 'Смирнова Анна Петровна' } });
    const timeline = buildTimeline(localProjections);
    // Described like the projection activities of older cases: «Обновление витрины: событие № …».
    expect(timeline.entries.filter((e) => e.kind === 'local-activity' && e.title.startsWith('Обновление витрины: событие №'))).toHaveLength(9);
    expect(timeline.entries.find((e) => e.kind === 'patch')?.title).toBe("Отметка версии кода: patched('projection-as-local-activity')");
    // A timer's purpose is told from the deadline the projection stored: here a reminder before it.
    expect(timeline.entries.some((e) => e.kind === 'timer' && e.timer?.purpose === 'reminder')).toBe(true);
  });

  it('finds the deadline a projection computed in its recorded result, and shows it in the timeline', () => {
    const computed = expectedReadModel(deadlineInProjection, 'projectApplication');
    const accepted = computed.events.get(3)!.event;
    expect(accepted).toMatchObject({ title: 'Заявка принята как полная', deadlineAt: expect.any(Number) });
    expect(accepted.deadlineAt as number).toBeGreaterThan(accepted.at as number);
    const timeline = buildTimeline(deadlineInProjection);
    expect(timeline.entries.filter((e) => e.kind === 'patch').map((e) => e.title)).toContain("Отметка версии кода: patched('deadline-in-projection')");
    const projection = timeline.entries.find((e) => e.kind === 'local-activity' && e.title.startsWith('Обновление витрины: событие № 3'))!;
    expect(projection.details).toContainEqual({ label: 'Срок этапа', value: expect.stringMatching(/^до /) });
    // Terms of stages that publish documents still have their own calculation: the documents print the deadline.
    const own = (history: typeof happyPath) => buildTimeline(history).entries.filter((e) => e.title.startsWith('Срок этапа рассчитан')).length;
    expect(own(deadlineInProjection)).toBeGreaterThan(0);
    expect(own(deadlineInProjection)).toBeLessThan(own(localProjections));
  });

  it('takes the last completed projection as the summary and every event record', () => {
    expect(expected.summary).toMatchObject({ seq: 9, snapshot: { stage: 'completed', status: 'completed' } });
    expect([...expected.events.keys()]).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(expected.pending.size).toBe(0);
  });

  it('finds nothing to report when the read model is what the projections wrote', () => {
    expect(compareReadModel(ref, expected, storedAsProjected())).toEqual([]);
  });

  it('reports every corrupted field, missing row and stray row', () => {
    const stored = storedAsProjected();
    stored.summary!.stage = 'inspection';
    stored.summary!.overdue = true;
    stored.events = stored.events.filter((e) => e.seq !== 4);
    stored.events[0]!.comment = 'подправлено';
    stored.events.push({ ...stored.events[1]!, seq: 42, title: 'Лишнее событие' });
    // jsonb comes back with its own key order: that is not a difference.
    stored.events[2]!.data = Object.fromEntries(Object.entries(stored.events[2]!.data as object).reverse());
    expect(compareReadModel(ref, expected, stored)).toEqual([
      { table: 'applications', row: ref.caseId, field: 'stage', stored: 'inspection', expected: 'completed' },
      { table: 'applications', row: ref.caseId, field: 'overdue', stored: 'true', expected: 'false' },
      { table: 'case_events', row: 'seq 1', field: 'comment', stored: 'подправлено', expected: '' },
      { table: 'case_events', row: 'seq 4', field: '(строка)', stored: 'нет строки', expected: '«Размещены условия договора, технические условия, счёт и инструкция»' },
      { table: 'case_events', row: 'seq 42', field: '(строка)', stored: '«Лишнее событие»', expected: 'в истории такого события нет' },
    ]);
  });
});

describe('visibility query from typed filters', () => {
  it('quotes every value and escapes quotes and backslashes', () => {
    expect(quote('ТП-2026-000001')).toBe('"ТП-2026-000001"');
    expect(quote('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(visibilityQuery(caseSearchSchema.parse({ kind: 'application', number: 'тп-2026-000001', stage: 'inspection', status: 'active', overdue: true, from: '2026-11-01', to: '2026-11-30' }), { applicantIds: ['x"y'] })).toBe(
      'CaseKind = "application" AND CaseNumber = "ТП-2026-000001" AND CaseStage = "inspection" AND CaseStatus = "active" AND CaseOverdue = true AND ApplicantId IN ("x\\"y") AND StartTime >= "2026-10-31T21:00:00.000Z" AND StartTime < "2026-11-30T21:00:00.000Z"',
    );
    expect(visibilityQuery(caseSearchSchema.parse({ dateField: 'closed', from: '2026-11-01', to: '2026-11-01' }))).toBe(
      'CaseKind IN ("application", "appeal") AND CloseTime >= "2026-10-31T21:00:00.000Z" AND CloseTime < "2026-11-01T21:00:00.000Z"',
    );
  });

  it('refuses what is not a filter value with a Russian message', () => {
    const issues = (input: unknown) => (caseSearchSchema.safeParse(input).error?.issues ?? []).map((i) => i.message);
    expect(issues({ stage: 'x" OR CaseKind != "' })).toEqual(['Неизвестное значение поля «Этап»']);
    expect(issues({ number: '12' })).toEqual(['Укажите номер полностью, например ТП-2026-000123']);
    expect(issues({ from: '2026-11-30', to: '2026-11-01' })).toEqual(['Дата «по» не может быть раньше даты «с»']);
  });

  it('merges both sources and names every disagreement', () => {
    const v = { workflowId: 'application-1', kind: 'application' as const, caseId: '1', number: 'ТП-2026-000001', stage: 'inspection', status: 'active', overdue: false, temporalStatus: 'RUNNING', startedAt: '2026-11-01T10:00:00.000Z', closedAt: null };
    const r = { workflowId: 'application-1', kind: 'application' as const, caseId: '1', number: 'ТП-2026-000001', applicantName: 'Петров Пётр Петрович', stage: 'actualConnection', status: 'active', overdue: false, submittedAt: '2026-11-01T10:00:00.000Z', finishedAt: null };
    const onlyTemporal = { ...v, workflowId: 'application-2', caseId: '2', startedAt: '2026-11-02T10:00:00.000Z' };
    const [second, first] = mergeRows([v, onlyTemporal], [r]);
    expect(first).toMatchObject({ applicantName: 'Петров Пётр Петрович', stage: 'actualConnection', inVisibility: true, inReadModel: true, disagreements: [{ field: 'stage', visibility: 'inspection', readModel: 'actualConnection' }] });
    expect(second).toMatchObject({ workflowId: 'application-2', inReadModel: false, disagreements: [{ field: 'presence', visibility: 'есть', readModel: 'нет' }] });
  });
});
