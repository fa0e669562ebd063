// Departments, their staff and queues (db/migrations/0021_departments.ts). The
// routing itself (which department serves which stage) is data read by
// domain/departments.ts; here are only the statements that store and read it.
import type { DepartmentForm, StageRef } from '../../domain/departments';
import type { WorkloadHandledRow, WorkloadOpenRow } from '../../domain/workload';
import { STAGE_DEFINITIONS, type Stage } from '../../domain/application';
import { APPEAL_PROCEDURE, type AppealStage } from '../../domain/procedures/appeal';
import { QueryTypes } from 'sequelize';
import type { Db } from '..';
import { queryRows } from '../statements';

export interface DepartmentMemberRow {
  userId: string;
  name: string;
  email: string;
  supervisor: boolean;
}

export interface DepartmentRow {
  id: string;
  code: string | null;
  name: string;
  stages: StageRef[];
  members: DepartmentMemberRow[];
}

const MEMBER_NAME = `trim(concat_ws(' ', u.last_name, u.first_name, NULLIF(u.middle_name, '')))`;

export async function listDepartments(db: Db): Promise<DepartmentRow[]> {
  return queryRows<DepartmentRow>(
    db,
    `SELECT d.id, d.code, d.name, d.stages,
            COALESCE((SELECT json_agg(json_build_object('userId', u.id, 'name', ${MEMBER_NAME}, 'email', u.email, 'supervisor', m.supervisor) ORDER BY u.last_name, u.first_name)
                        FROM department_members m JOIN users u ON u.id = m.user_id WHERE m.department_id = d.id), '[]'::json) AS members
       FROM departments d ORDER BY d.created_at, d.name`,
    [],
  );
}

/** A new department; null when one of that name exists already. */
export async function createDepartment(db: Db, form: DepartmentForm): Promise<string | null> {
  const [row] = await queryRows<{ id: string }>(db, `INSERT INTO departments (name, stages) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING id`, [form.name, form.stages]);
  return row?.id ?? null;
}

/** 'missing' when there is no such department, 'duplicate' when another has that name. */
export async function updateDepartment(db: Db, id: string, form: DepartmentForm): Promise<'ok' | 'missing' | 'duplicate'> {
  const [clash] = await queryRows<{ id: string }>(db, `SELECT id FROM departments WHERE lower(name) = lower($1) AND id <> $2`, [form.name, id]);
  if (clash) return 'duplicate';
  const rows = await queryRows<{ id: string }>(db, `UPDATE departments SET name = $2, stages = $3, updated_at = now() WHERE id = $1 RETURNING id`, [id, form.name, form.stages]);
  return rows.length ? 'ok' : 'missing';
}

/**
 * Replaces a department's staff in one transaction. Only grid staff (staff, admin)
 * may be members: the answer names the ids that are not, and nothing is changed then.
 */
export async function setDepartmentMembers(db: Db, id: string, members: Array<{ userId: string; supervisor: boolean }>): Promise<'ok' | 'missing' | { notStaff: string[] }> {
  const select = { type: QueryTypes.SELECT } as const;
  return db.sequelize.transaction(async (transaction) => {
    const exists = await db.sequelize.query(`SELECT 1 FROM departments WHERE id = $1 FOR UPDATE`, { ...select, bind: [id], transaction });
    if (!exists.length) return 'missing' as const;
    const ids = [...new Set(members.map((m) => m.userId))];
    const staff = await db.sequelize.query<{ id: string }>(`SELECT id FROM users WHERE id = ANY($1::uuid[]) AND role IN ('staff', 'admin') AND blocked_at IS NULL`, { ...select, bind: [ids], transaction });
    const found = new Set(staff.map((r) => r.id));
    const notStaff = ids.filter((u) => !found.has(u));
    if (notStaff.length) return { notStaff };
    await db.sequelize.query(`DELETE FROM department_members WHERE department_id = $1`, { bind: [id], transaction });
    for (const m of members) {
      await db.sequelize.query(`INSERT INTO department_members (department_id, user_id, supervisor) VALUES ($1, $2, $3) ON CONFLICT (department_id, user_id) DO UPDATE SET supervisor = EXCLUDED.supervisor`, {
        bind: [id, m.userId, m.supervisor],
        transaction,
      });
    }
    return 'ok' as const;
  });
}

/** The departments a user works in, and whether they supervise each. */
export function departmentsOfUser(db: Db, userId: string): Promise<Array<{ id: string; name: string; stages: StageRef[]; supervisor: boolean }>> {
  return queryRows(db, `SELECT d.id, d.name, d.stages, m.supervisor FROM department_members m JOIN departments d ON d.id = m.department_id WHERE m.user_id = $1 ORDER BY d.name`, [userId]);
}

/** How a user stands to the departments serving a stage: a member of one, a supervisor of one. */
export async function standingAtStage(db: Db, userId: string, ref: StageRef): Promise<{ member: boolean; supervisor: boolean; departments: string[] }> {
  const rows = await queryRows<{ name: string; member: boolean; supervisor: boolean }>(
    db,
    `SELECT d.name, m.user_id IS NOT NULL AS member, COALESCE(m.supervisor, false) AS supervisor
       FROM departments d LEFT JOIN department_members m ON m.department_id = d.id AND m.user_id = $1
      WHERE $2 = ANY(d.stages) ORDER BY d.name`,
    [userId, ref],
  );
  return { member: rows.some((r) => r.member), supervisor: rows.some((r) => r.supervisor), departments: rows.map((r) => r.name) };
}

/** Grid staff who may be members or holders (not blocked). */
export function staffUsers(db: Db): Promise<Array<{ id: string; name: string; email: string; role: string }>> {
  return queryRows(db, `SELECT u.id, ${MEMBER_NAME} AS name, u.email, u.role FROM users u WHERE u.role IN ('staff', 'admin') AND u.blocked_at IS NULL ORDER BY u.last_name, u.first_name, u.email`, []);
}

export interface QueueCase {
  kind: 'application' | 'appeal';
  id: string;
  number: string;
  applicantName: string;
  stage: string;
  stageTitle: string;
  deadlineAt: string | null;
  overdue: boolean;
  holderId: string | null;
  holderName: string | null;
}

const QUEUE_LIMIT = 200;

/** A department's queue: the open cases whose current stage it serves, the overdue first, then by deadline. */
export async function departmentQueue(db: Db, departmentId: string): Promise<{ department: { id: string; name: string; stages: StageRef[] }; cases: QueueCase[] } | null> {
  const [department] = await queryRows<{ id: string; name: string; stages: StageRef[] }>(db, `SELECT id, name, stages FROM departments WHERE id = $1`, [departmentId]);
  if (!department) return null;
  const applicationStages = department.stages.filter((s) => s.startsWith('application:')).map((s) => s.slice('application:'.length));
  const appealStages = department.stages.filter((s) => s.startsWith('appeal:')).map((s) => s.slice('appeal:'.length));
  const rows = await queryRows<{ kind: 'application' | 'appeal'; id: string; number: string; applicantName: string; stage: string; deadlineAt: Date | null; overdue: boolean; holderId: string | null; holderName: string | null }>(
    db,
    `SELECT * FROM (
       SELECT 'application' AS kind, id, number, applicant_name AS "applicantName", stage, deadline_at AS "deadlineAt", overdue, holder_id AS "holderId", holder_name AS "holderName", submitted_at AS since
         FROM applications WHERE status = 'active' AND stage = ANY($1::text[])
       UNION ALL
       SELECT 'appeal', id, number, applicant_name, stage, deadline_at, overdue, assignee_id, assignee_name, registered_at
         FROM appeals WHERE stage <> 'closed' AND stage = ANY($2::text[])
     ) q ORDER BY NOT overdue, COALESCE("deadlineAt", 'infinity'::timestamptz), since, id LIMIT ${QUEUE_LIMIT}`,
    [applicationStages, appealStages],
  );
  return {
    department,
    cases: rows.map((r) => ({
      ...r,
      stageTitle: r.kind === 'application' ? (STAGE_DEFINITIONS[r.stage as Stage]?.title ?? r.stage) : (APPEAL_PROCEDURE.stages[r.stage as AppealStage]?.title ?? r.stage),
      deadlineAt: r.deadlineAt?.toISOString() ?? null,
    })),
  };
}

/**
 * The rows of a department's workload (domain/workload.ts): its open cases with their holder
 * and whether the workflow warned that the grid's term is at risk in the current stage (event
 * term-at-risk, issue 20 item 3); and every stage of the department left since `sinceMs`, with
 * the staff member who moved the case on (none when the procedure did; stages the applicant
 * ended, by withdrawing, are no one's work). Only cases with an event since then are windowed.
 */
export async function departmentWorkloadRows(db: Db, stages: readonly StageRef[], sinceMs: number): Promise<{ open: WorkloadOpenRow[]; handled: WorkloadHandledRow[] }> {
  const applicationStages = stages.filter((s) => s.startsWith('application:')).map((s) => s.slice('application:'.length));
  const appealStages = stages.filter((s) => s.startsWith('appeal:')).map((s) => s.slice('appeal:'.length));
  const open = await queryRows<WorkloadOpenRow>(
    db,
    `SELECT q.holder_id AS "holderId", q.holder_name AS "holderName", q.overdue,
            EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = q.id AND e.type = 'term-at-risk' AND e.at >= q.stage_started_at) AS "atRisk"
       FROM (SELECT id, holder_id, holder_name, overdue, stage_started_at FROM applications WHERE status = 'active' AND stage = ANY($1::text[])
             UNION ALL
             SELECT id, assignee_id, assignee_name, overdue, stage_started_at FROM appeals WHERE stage <> 'closed' AND stage = ANY($2::text[])) q`,
    [applicationStages, appealStages],
  );
  const handled = await queryRows<WorkloadHandledRow>(
    db,
    `WITH changes AS (
       SELECT case_id, case_kind, seq, stage, at, actor_id, actor_name, actor_role,
              stage IS DISTINCT FROM lag(stage) OVER (PARTITION BY case_id ORDER BY seq) AS entry
         FROM case_events
        WHERE case_id IN (SELECT case_id FROM case_events WHERE at >= $1)
     ), entries AS (
       SELECT case_kind || ':' || stage AS stage_ref, at AS entered_at,
              lead(at) OVER w AS left_at, lead(actor_id) OVER w AS handler_id, lead(actor_name) OVER w AS handler_name, lead(actor_role) OVER w AS handler_role
         FROM changes WHERE entry WINDOW w AS (PARTITION BY case_id ORDER BY seq)
     )
     SELECT stage_ref AS "stageRef", entered_at AS "enteredAt", left_at AS "leftAt",
            CASE WHEN handler_role IN ('staff', 'admin') THEN handler_id END AS "handlerId",
            CASE WHEN handler_role IN ('staff', 'admin') THEN handler_name END AS "handlerName"
       FROM entries WHERE left_at >= $1 AND stage_ref = ANY($2::text[])
        AND (handler_role IS NULL OR handler_role IN ('staff', 'admin'))`,
    [new Date(sinceMs), [...stages]],
  );
  return { open, handled };
}
