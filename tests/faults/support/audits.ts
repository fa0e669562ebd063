// What must hold after a fault, counted rather than assumed: the e-mails each
// case's stages call for (exactly one of each in MailDev), the read models
// (no row twice by its natural key, every event of the path recorded), and the
// read model of each case agreeing with its workflow.
import { QueryTypes } from 'sequelize';
import type { Client } from '@temporalio/client';
import { mailMessageId } from '../../../activities/mailer';
import { appealWorkflowId } from '../../../api/appeals/service';
import { applicationWorkflowId } from '../../../api/applications/service';
import type { Db } from '../../../db';
import { DEMO_ACCOUNTS } from '../../../db/seed-demo';
import { SUPPLIERS } from '../../../domain/application';
import { appealViewQuery } from '../../../workflows/appeal/contract';
import { applicationViewQuery as caseViewQuery } from '../../../workflows/application/contract';
import type { CaseView } from '../../../workflows/case/contract';
import type { CaughtMail } from '../../support/mail';
import type { DrivenCase } from './case-driver';

/**
 * The paths the driver takes, as their events in order (seq = position + 1)
 * and who is mailed of each: the applicant (of every event the applicant
 * sees), the staff feed (mailed to admins), the assignee, and the supplier of
 * last resort by the key its mail uses (workflows/application/workflow.ts,
 * workflows/application/supplier-track.ts, workflows/appeal/workflow.ts).
 */
interface PathEvent {
  type: string;
  /** False for the events of the supplier's own track, which the applicant is not mailed of. */
  applicant?: false;
  staffFeed?: true;
  assignee?: true;
  /** The key suffix of the supplier's mail: the milestones (`supplier`) or the handover that starts its clock. */
  supplier?: 'supplier' | 'supplier-handover';
}

const PATHS: Record<DrivenCase['kind'], readonly PathEvent[]> = {
  application: [
    { type: 'submitted', staffFeed: true },
    // Handed over to the supplier of last resort at registration: its one mail of the registration (patch supplier-one-mail-at-registration).
    { type: 'supplier-handover', applicant: false, supplier: 'supplier-handover' },
    { type: 'check-started' },
    { type: 'accepted' },
    { type: 'documents-posted' },
    { type: 'paid', supplier: 'supplier' },
    // The driver reports the applicant's part of the ТУ first, then records the grid's (both within the connection term).
    { type: 'tu-done-reported', staffFeed: true },
    { type: 'grid-tu-done', staffFeed: true },
    { type: 'inspection-passed' },
    { type: 'connected', supplier: 'supplier' },
    { type: 'act-issued', supplier: 'supplier' },
    // The act ends the supplier's track unmailed: the supplier heard of the act above.
    { type: 'supplier-track-cancelled', applicant: false },
  ],
  appeal: [{ type: 'registered', staffFeed: true }, { type: 'assigned', assignee: true }, { type: 'answered' }, { type: 'auto-closed' }],
};

export interface ExpectedMail {
  messageId: string;
  to: string;
  what: string;
}

/** One e-mail per event and recipient, named by the Message-ID its idempotency key yields (activities/mailer.ts). */
export async function expectedMails(db: Db, cases: DrivenCase[]): Promise<ExpectedMail[]> {
  const users = await db.sequelize.query<{ id: string; email: string; role: string }>(`SELECT id, email, role FROM users`, { type: QueryTypes.SELECT });
  const admins = users.filter((u) => u.role === 'admin');
  const operator = users.find((u) => u.email === DEMO_ACCOUNTS.find((a) => a.role === 'staff')!.email)!;
  const byEmail = new Map(users.map((u) => [u.email, u]));
  const supplier = SUPPLIERS.find((s) => s.id === 'gp-center')!;
  const out: ExpectedMail[] = [];
  for (const c of cases) {
    const applicant = byEmail.get(c.email)!;
    PATHS[c.kind].forEach((event, i) => {
      const seq = i + 1;
      if (event.applicant !== false) out.push({ messageId: mailMessageId(`${c.id}:${seq}:applicant:${applicant.id}`), to: applicant.email, what: `${c.number} #${seq} applicant` });
      if (event.staffFeed) {
        for (const a of admins) out.push({ messageId: mailMessageId(`${c.id}:${seq}:staff:${a.id}`), to: a.email, what: `${c.number} #${seq} staff` });
      }
      if (event.assignee) out.push({ messageId: mailMessageId(`${c.id}:${seq}:staff:${operator.id}`), to: operator.email, what: `${c.number} #${seq} assignee` });
      if (event.supplier) out.push({ messageId: mailMessageId(`${c.id}:${seq}:${event.supplier}`), to: supplier.email, what: `${c.number} #${seq} ${event.supplier}` });
    });
  }
  return out;
}

export interface MailAudit {
  expected: number;
  delivered: number;
  /** Expected e-mails MailDev does not hold. */
  missing: number;
  /** Copies beyond the first of an expected e-mail. */
  duplicated: number;
  /** Message-IDs MailDev holds more than once. */
  repeatedIds: string[];
  /** E-mails no event called for. */
  unexpected: number;
}

export async function auditMail(mailApiUrl: string, expected: ExpectedMail[]): Promise<MailAudit> {
  const response = await fetch(`${mailApiUrl}/api/email`);
  const caught = (await response.json()) as CaughtMail[];
  const copies = new Map<string, number>();
  for (const m of caught) copies.set(m.headers['message-id'] ?? '', (copies.get(m.headers['message-id'] ?? '') ?? 0) + 1);
  const wanted = new Set(expected.map((e) => e.messageId));
  const missing = expected.filter((e) => !copies.has(e.messageId));
  for (const m of missing.slice(0, 10)) console.warn(`missing e-mail: ${m.what} to ${m.to}`);
  return {
    expected: expected.length,
    delivered: caught.length,
    missing: missing.length,
    duplicated: expected.reduce((n, e) => n + Math.max(0, (copies.get(e.messageId) ?? 0) - 1), 0),
    repeatedIds: expected.filter((e) => (copies.get(e.messageId) ?? 0) > 1).map((e) => e.messageId),
    unexpected: [...copies].filter(([id]) => !wanted.has(id)).reduce((n, [, count]) => n + count, 0),
  };
}

export interface ReadModelAudit {
  /** Rows beyond the first with the same natural key, over every read-model table the cases touch. */
  duplicateRows: number;
  /** Events of the path a case's history lacks. */
  missingEvents: number;
  /** Outbox rows never marked sent. */
  unsentOutbox: number;
}

/**
 * Natural keys: one event of each type per case on these paths, one
 * notification per event and audience, one system document of each kind, one
 * mail per recipient and subject (which starts with the case number). $1 is
 * the cases' ids, or their numbers where the table keys by number.
 */
const DUPLICATE_QUERIES: Array<[sql: string, by: 'ids' | 'numbers']> = [
  [`SELECT count(*) - count(DISTINCT (case_id, type)) AS n FROM case_events WHERE case_id = ANY($1::uuid[])`, 'ids'],
  [`SELECT count(*) - count(DISTINCT (case_id, audience, coalesce(user_id::text, ''), title)) AS n FROM notifications WHERE case_id = ANY($1::uuid[])`, 'ids'],
  [`SELECT count(*) - count(DISTINCT (case_id, kind)) AS n FROM documents WHERE source = 'system' AND case_id = ANY($1::uuid[])`, 'ids'],
  [`SELECT count(*) - count(DISTINCT (recipient, subject)) AS n FROM mail_outbox WHERE split_part(subject, ':', 1) = ANY($1::text[])`, 'numbers'],
];

export async function auditReadModels(db: Db, cases: DrivenCase[]): Promise<ReadModelAudit> {
  const ids = cases.map((c) => c.id);
  const numbers = cases.map((c) => c.number);
  let duplicateRows = 0;
  for (const [sql, by] of DUPLICATE_QUERIES) {
    const [row] = await db.sequelize.query<{ n: string }>(sql, { bind: [by === 'ids' ? ids : numbers], type: QueryTypes.SELECT });
    duplicateRows += Number(row!.n);
  }
  const events = await db.sequelize.query<{ case_id: string; type: string }>(`SELECT case_id, type FROM case_events WHERE case_id = ANY($1::uuid[])`, { bind: [ids], type: QueryTypes.SELECT });
  let missingEvents = 0;
  for (const c of cases) {
    const recorded = new Set(events.filter((e) => e.case_id === c.id).map((e) => e.type));
    missingEvents += PATHS[c.kind].filter((event) => !recorded.has(event.type)).length;
  }
  const [unsent] = await db.sequelize.query<{ n: string }>(`SELECT count(*) AS n FROM mail_outbox WHERE status <> 'sent'`, { type: QueryTypes.SELECT });
  return { duplicateRows, missingEvents, unsentOutbox: Number(unsent!.n) };
}

/** Cases whose read-model row differs from what their workflow says (stage, status, last event, overdue flag). */
export async function readModelDivergences(db: Db, client: Client, cases: DrivenCase[]): Promise<string[]> {
  const out: string[] = [];
  for (const c of cases) {
    const truth: CaseView =
      c.kind === 'application'
        ? await client.workflow.getHandle(applicationWorkflowId(c.id)).query(caseViewQuery)
        : await client.workflow.getHandle(appealWorkflowId(c.id)).query(appealViewQuery);
    const row = c.kind === 'application' ? await db.Application.findByPk(c.id) : await db.Appeal.findByPk(c.id);
    const seen = row ? { stage: row.stage, status: row.status, seq: row.lastSeq, overdue: row.overdue } : null;
    const wanted = { stage: truth.stage, status: truth.status, seq: truth.seq, overdue: truth.overdue };
    if (JSON.stringify(seen) !== JSON.stringify(wanted)) out.push(`${c.number}: workflow ${JSON.stringify(wanted)}, read model ${JSON.stringify(seen)}`);
  }
  return out;
}

/**
 * Waits until every case's workflow has ended: a case page shows the last
 * stage before its e-mails go out, the workflow ends after them. Returns the
 * cases whose workflow did not complete (still running at the deadline, or failed).
 */
export async function waitForWorkflows(client: Client, cases: DrivenCase[], timeoutMs: number): Promise<DrivenCase[]> {
  const deadline = Date.now() + timeoutMs;
  const status = new Map<DrivenCase, string>(cases.map((c) => [c, 'RUNNING']));
  for (;;) {
    for (const [c, last] of status) {
      if (last !== 'RUNNING') continue;
      const handle = client.workflow.getHandle(c.kind === 'application' ? applicationWorkflowId(c.id) : appealWorkflowId(c.id));
      status.set(c, (await handle.describe().catch(() => undefined))?.status.name ?? 'RUNNING');
    }
    const running = [...status.values()].filter((s) => s === 'RUNNING').length;
    if (!running || Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 1000));
  }
  return cases.filter((c) => status.get(c) !== 'COMPLETED');
}
