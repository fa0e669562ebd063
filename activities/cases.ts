// Activities shared by every case workflow (applications now, appeals next):
// read-model projection, notifications (in-app + e-mail) and deadlines.
// Each is an idempotent upsert keyed by the case and its event sequence, so a
// retry or a worker restart never writes a second row or sends a second e-mail.
import { randomUUID } from 'node:crypto';
import { resumedDeadline, termDeadline, type TermSpec } from '../domain/regulations';
import type { Db } from '../db';
import { planSchedule, reminderBefore, type PaymentSchedule, type PlanRequest } from '../domain/payment-schedule';
import { createCalendarCache } from '../db/read-models/calendars';
import { provisionalDeadlineNote, type ProductionCalendar } from '../domain/calendar';
import { queryRows } from '../db/statements';
import { sendOnce, type Mailer } from './mailer';
import { caseMail } from './mail-templates';
import { representationOf } from '../db/read-models/representation';
import { representationLine } from '../domain/representation';
import type { CaseEventRecord, CaseSnapshot, NotificationRequest, Projected, StartingTerm } from '../workflows/case/contract';
import type { ApplicationSnapshot } from '../workflows/application/contract';
import type { AppealSnapshot } from '../workflows/appeal/contract';

export interface CaseActivityDeps {
  db: Db;
  mailer: Mailer;
  publicUrl: string;
}

const date = (ms: number | null) => (ms === null ? null : new Date(ms));

/** The starting term's deadline on the production calendar in force (loaded from the database). */
async function withStartingTerm<S extends CaseSnapshot>(snapshot: S, event: CaseEventRecord, starting: StartingTerm | undefined, calendar: () => Promise<ProductionCalendar>): Promise<Projected<S>> {
  if (!starting) return { snapshot, event };
  const deadlineAt = termDeadline(starting.startMs, starting.term, await calendar());
  return { snapshot: { ...snapshot, deadlineAt }, event: { ...event, deadlineAt } };
}

interface Statement {
  sql: string;
  bind: unknown[];
}

/**
 * The event row, the summary upsert and the live-page signal as one statement
 * (data-modifying CTEs): atomic like a transaction, but one round trip instead
 * of five. The projection runs while an action waits for its answer.
 */
function projection(event: Statement, summary: Statement, live: unknown): Statement {
  const shift = (sql: string, by: number) => sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + by}`);
  const liveParam = event.bind.length + summary.bind.length + 1;
  return {
    sql: `WITH event AS (${event.sql}), summary AS (${shift(summary.sql, event.bind.length)}) SELECT pg_notify('kabinet_live', $${liveParam})`,
    bind: [...event.bind, ...summary.bind, JSON.stringify(live)],
  };
}

export function createCaseActivities({ db, mailer, publicUrl }: CaseActivityDeps) {
  // Deadlines are computed on the calendar an admin loaded, re-read whenever a version is added.
  const calendars = createCalendarCache(db);
  const calendar = () => calendars.current();

  /** The history row of an event; a retried projection finds it there and adds nothing. */
  function eventRow(caseId: string, kind: 'application' | 'appeal', event: CaseEventRecord): Statement {
    return {
      sql: `INSERT INTO case_events (case_id, seq, case_kind, type, stage, title, actor_id, actor_name, actor_role, comment, data, deadline_at, at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
            ON CONFLICT (case_id, seq) DO NOTHING`,
      bind: [caseId, event.seq, kind, event.type, event.stage, event.title, event.actor?.id ?? null, event.actor?.name ?? null, event.actor?.role ?? null, event.comment, JSON.stringify(event.data), date(event.deadlineAt), new Date(event.at)],
    };
  }

  /** The active supervisors of the departments serving a stage (`application:inspection`), in a stable order. */
  async function supervisorsOf(stageRef: string): Promise<string[]> {
    const rows = await queryRows<{ id: string }>(
      db,
      `SELECT DISTINCT u.id FROM departments d JOIN department_members m ON m.department_id = d.id AND m.supervisor
         JOIN users u ON u.id = m.user_id AND u.blocked_at IS NULL
        WHERE $1 = ANY (d.stages) ORDER BY u.id`,
      [stageRef],
    );
    return rows.map((r) => r.id);
  }

  async function run({ sql, bind }: Statement): Promise<void> {
    await queryRows(db, sql, bind);
  }

  return {
    /** A pure computation made an activity so its result is recorded in history: calendar data may change, running cases must not. */
    async deadlineFor(startMs: number, term: TermSpec): Promise<number> {
      return termDeadline(startMs, term, await calendar());
    },

    /** When the grid's term counts as at risk: `before` ahead of its end on the calendar in force (issue 20 item 3); recorded like deadlineFor. */
    async termAtRiskFrom(deadlineMs: number, before: TermSpec): Promise<number> {
      return reminderBefore(deadlineMs, before, await calendar());
    },

    /**
     * The payment schedule of a case paying in parts: amounts in kopecks and due
     * dates on the calendar in force, recorded in the history like deadlineFor.
     * The key rate is configuration (KEY_RATE_PERCENT, ❓ keep it current); a
     * schedule computed again after the act passes the rate it first used.
     */
    async planPaymentSchedule(request: PlanRequest): Promise<PaymentSchedule> {
      const configured = process.env.KEY_RATE_PERCENT ? Number(process.env.KEY_RATE_PERCENT) : undefined;
      const keyRatePercent = request.keyRatePercent ?? (configured !== undefined && Number.isFinite(configured) ? configured : undefined);
      return planSchedule({ ...request, ...(keyRatePercent !== undefined ? { keyRatePercent } : {}) }, await calendar());
    },

    /** A paused term resuming: the end moves to the end of a working day (ГК РФ ст. 193); recorded like deadlineFor. */
    async resumeDeadline(resumeAtMs: number, leftMs: number, term: TermSpec): Promise<number> {
      return resumedDeadline(resumeAtMs, leftMs, term, await calendar());
    },

    async projectApplication(snapshotIn: ApplicationSnapshot, eventIn: CaseEventRecord, starting?: StartingTerm): Promise<Projected<ApplicationSnapshot>> {
      const { snapshot, event } = await withStartingTerm(snapshotIn, eventIn, starting, calendar);
      const s = snapshot;
      // Only a newer sequence overwrites the summary: a late retry of an old projection changes nothing.
      const summary: Statement = {
        sql: `INSERT INTO applications AS a (id, number, applicant_id, applicant_name, category, object_name, object_address, max_power_kw, stage, status, who_acts,
                stage_started_at, deadline_at, deadline_term, overdue, overdue_since, submitted_at, contract_concluded_at, finished_at, annul_reason, last_seq, updated_at,
                connection_deadline_at, late_party, penalty, grid_tu_done_at, applicant_tu_done_at, payment_schedule, instalment_overdue, supplier_id, supplier_track,
                holder_id, holder_name, held_since)
              VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21, now(), $22, $23, $24, $25, $26, $27, $28, $29, $30, $31, $32, $33)
              ON CONFLICT (id) DO UPDATE SET stage = EXCLUDED.stage, status = EXCLUDED.status, who_acts = EXCLUDED.who_acts,
                stage_started_at = EXCLUDED.stage_started_at, deadline_at = EXCLUDED.deadline_at, deadline_term = EXCLUDED.deadline_term,
                overdue = EXCLUDED.overdue, overdue_since = EXCLUDED.overdue_since, contract_concluded_at = EXCLUDED.contract_concluded_at,
                finished_at = EXCLUDED.finished_at, annul_reason = EXCLUDED.annul_reason, last_seq = EXCLUDED.last_seq, updated_at = now(),
                connection_deadline_at = EXCLUDED.connection_deadline_at, late_party = EXCLUDED.late_party, penalty = EXCLUDED.penalty,
                grid_tu_done_at = EXCLUDED.grid_tu_done_at, applicant_tu_done_at = EXCLUDED.applicant_tu_done_at,
                payment_schedule = EXCLUDED.payment_schedule, instalment_overdue = EXCLUDED.instalment_overdue,
                supplier_id = EXCLUDED.supplier_id, supplier_track = EXCLUDED.supplier_track,
                holder_id = EXCLUDED.holder_id, holder_name = EXCLUDED.holder_name, held_since = EXCLUDED.held_since
              WHERE a.last_seq < EXCLUDED.last_seq`,
        bind: [s.id, s.number, s.applicantId, s.applicantName, s.category, s.objectName, s.objectAddress, s.maxPowerKw, s.stage, s.status, s.whoActs,
          new Date(s.stageStartedAt), date(s.deadlineAt), s.deadlineTerm, s.overdue, date(s.overdueSince), new Date(s.submittedAt), date(s.contractConcludedAt), date(s.finishedAt), s.annulReason, event.seq,
          // Cases started before the law's clocks have none of these: the columns stay null.
          date(s.connectionDeadlineAt ?? null), s.lateParty ?? null, s.penalty ? JSON.stringify(s.penalty) : null, date(s.gridTuDoneAt ?? null), date(s.applicantTuDoneAt ?? null),
          s.paymentSchedule ? JSON.stringify(s.paymentSchedule) : null, s.instalmentOverdue ?? false,
          // The supplier of last resort's track (since patch 'supplier-track'): its supplier lists the case only once it is handed over.
          s.supplierTrack?.supplierId ?? null, s.supplierTrack ? JSON.stringify(s.supplierTrack) : null,
          // Who holds the case in its stage (since patch 'case-holder', db/migrations/0021); released when the stage changes.
          s.holderId ?? null, s.holderName ?? null, date(s.heldSince ?? null)],
      };
      // Open case pages refresh themselves on the signal (api/live.ts); it is sent at commit.
      await run(projection(eventRow(s.id, 'application', event), summary, { caseId: s.id, userId: s.applicantId, kind: 'case' }));
      return { snapshot, event };
    },

    async projectAppeal(snapshotIn: AppealSnapshot, eventIn: CaseEventRecord, starting?: StartingTerm): Promise<Projected<AppealSnapshot>> {
      const { snapshot, event } = await withStartingTerm(snapshotIn, eventIn, starting, calendar);
      const s = snapshot;
      const summary: Statement = {
        sql: `INSERT INTO appeals AS a (id, number, applicant_id, applicant_name, topic, kind, channel, answer_channel, application_id, assignee_id, assignee_name,
                stage, status, who_acts, stage_started_at, deadline_at, deadline_term, overdue, overdue_since, registered_at, answered_at, answered_late, reopened, finished_at, last_seq, updated_at)
              VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23,$24,$25, now())
              ON CONFLICT (id) DO UPDATE SET assignee_id = EXCLUDED.assignee_id, assignee_name = EXCLUDED.assignee_name, stage = EXCLUDED.stage, status = EXCLUDED.status,
                who_acts = EXCLUDED.who_acts, stage_started_at = EXCLUDED.stage_started_at, deadline_at = EXCLUDED.deadline_at, deadline_term = EXCLUDED.deadline_term,
                overdue = EXCLUDED.overdue, overdue_since = EXCLUDED.overdue_since, answered_at = EXCLUDED.answered_at, answered_late = EXCLUDED.answered_late,
                reopened = EXCLUDED.reopened, finished_at = EXCLUDED.finished_at, last_seq = EXCLUDED.last_seq, updated_at = now()
              WHERE a.last_seq < EXCLUDED.last_seq`,
        bind: [s.id, s.number, s.applicantId, s.applicantName, s.topic, s.kind, s.channel, s.answerChannel, s.applicationId, s.assigneeId, s.assigneeName,
          s.stage, s.status, s.whoActs, new Date(s.stageStartedAt), date(s.deadlineAt), s.deadlineTerm, s.overdue, date(s.overdueSince), new Date(s.registeredAt),
          date(s.answeredAt), s.answeredLate, s.reopened, date(s.finishedAt), event.seq],
      };
      await run(projection(eventRow(s.id, 'appeal', event), summary, { caseId: s.id, userId: s.applicantId, kind: 'case' }));
      return { snapshot, event };
    },

    async notify(request: NotificationRequest): Promise<void> {
      const to = request.to;
      // Supervisors are resolved when the notice goes out: the routing is data an admin edits.
      const supervisors = 'supervisorsOf' in to ? await supervisorsOf(to.supervisorsOf) : [];
      const addressees: Array<{ userId: string | null; key: string }> =
        'userId' in to ? [{ userId: to.userId, key: request.key }] : supervisors.length ? supervisors.map((id) => ({ userId: id, key: `${request.key}:${id}` })) : [{ userId: null, key: request.key }];
      // A deadline in a year without a decree may still move: the notice says so.
      const dated = request.deadlineAt ? `${request.body}${provisionalDeadlineNote(request.deadlineAt, await calendar())}` : request.body;
      // A case filed by a representative: the applicant's notice names both, and the representative gets the letter too while the power of attorney is in force.
      const representation = 'userId' in to ? await representationOf(db, request.caseId) : null;
      const body = representation ? `${dated}\n\n${representationLine(representation)}` : dated;
      for (const { userId, key } of addressees) {
        const path = request.link ?? (userId && !('supervisorsOf' in to) ? `/applications/${request.caseId}` : `/staff/applications/${request.caseId}`);
        await queryRows(
          db,
          `INSERT INTO notifications (id, user_id, audience, case_id, case_number, kind, title, body, idempotency_key, link)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (idempotency_key) DO NOTHING`,
          [randomUUID(), userId, userId ? 'user' : 'staff', request.caseId, request.caseNumber, request.kind, request.title, body, key, path],
        );
        await queryRows(db, `SELECT pg_notify('kabinet_live', $1)`, [JSON.stringify({ caseId: request.caseId, userId, kind: 'notification' })]);
        type Recipient = { email: string; id: string };
        const recipients = userId
          ? await queryRows<Recipient>(db, 'SELECT id, email FROM users WHERE id = $1 AND blocked_at IS NULL', [userId])
          : await queryRows<Recipient>(db, `SELECT id, email FROM users WHERE role = 'admin' AND blocked_at IS NULL`, []);
        if (userId && representation?.inForce) {
          recipients.push(...(await queryRows<Recipient>(db, 'SELECT id, email FROM users WHERE id = $1 AND blocked_at IS NULL', [representation.representativeId])));
        }
        for (const r of recipients) {
          await sendOnce(db, mailer, `${key}:${r.id}`, caseMail({ to: r.email, subject: `${request.caseNumber}: ${request.title}`, body, link: `${publicUrl}${path}` }));
        }
      }
    },

    /** The supplier of last resort learns of the case's milestones (DOMAIN §3). */
    async informSupplier(request: { key: string; supplierEmail: string; caseNumber: string; title: string; body: string }): Promise<void> {
      await sendOnce(db, mailer, request.key, caseMail({ to: request.supplierEmail, subject: `${request.caseNumber}: ${request.title}`, body: request.body, link: null }));
    },
  };
}

export type CaseActivities = ReturnType<typeof createCaseActivities>;
