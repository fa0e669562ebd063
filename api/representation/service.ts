// Powers of attorney (issue 20, item 6; domain/representation.ts): the
// principal grants and revokes, staff verify or refuse, and filing for a
// principal (principalOf) turns an authority of the session into the case's
// applicant. Who may then act on which case is domain/case-access.ts.
import { randomUUID } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import type { z } from 'zod';
import type { Transaction } from 'sequelize';
import { applicantDisplayName } from '../../domain/account';
import { formatRuDate, moscowDate, type IsoDate } from '../../domain/calendar';
import {
  grantDateIssues,
  poaStatus,
  POA_STATUS_LABELS,
  type Authority,
  type grantPowerOfAttorneySchema,
} from '../../domain/representation';
import { queryRows } from '../../db/statements';
import type { Db } from '../../db';
import type { UserRecord } from '../../db/models';
import type { SessionUser } from '../../auth/sessions';
import type { ApiServices } from '../context';
import { fieldIssues } from '../applications/service';
import { applicantNameOf } from '../organisations/names';

type Caller = ApiServices & { user: SessionUser };

interface PoaRow {
  id: string;
  principal_id: string;
  organisation_id: string | null;
  principal_name: string;
  representative_id: string;
  representative_name: string;
  number: string;
  issued_on: IsoDate;
  valid_until: IsoDate;
  document_id: string;
  created_at: Date;
  verified_at: Date | null;
  refused_at: Date | null;
  refusal_reason: string | null;
  revoked_at: Date | null;
}

const today = () => moscowDate(Date.now());
// DATE columns come back as text from pg's type parsers (db/statements.ts).
const COLUMNS = `id, principal_id, organisation_id, principal_name, representative_id, representative_name, number, issued_on::text AS issued_on,
  valid_until::text AS valid_until, document_id, created_at, verified_at, refused_at, refusal_reason, revoked_at`;

function view(p: PoaRow, on: IsoDate) {
  const status = poaStatus({ issuedOn: p.issued_on, validUntil: p.valid_until, verifiedAt: p.verified_at, refusedAt: p.refused_at, revokedAt: p.revoked_at }, on);
  return {
    id: p.id,
    principalName: p.principal_name,
    representativeName: p.representative_name,
    forOrganisation: p.organisation_id !== null,
    number: p.number,
    issuedOn: p.issued_on,
    validUntil: p.valid_until,
    documentId: p.document_id,
    createdAt: p.created_at.toISOString(),
    status,
    statusLabel: POA_STATUS_LABELS[status],
    refusalReason: p.refusal_reason,
  };
}

/** Whether the account issues powers of attorney in the organisation's name: its administrator only. */
function issuesForOrganisation(user: UserRecord): boolean {
  return user.organisationId !== null && user.organisationRole === 'admin';
}

/** The powers of attorney the caller may see as principal: its own, and its organisation's for any employee. */
function principalWhere(user: UserRecord): { sql: string; bind: unknown[] } {
  return user.organisationId
    ? { sql: 'organisation_id = $1', bind: [user.organisationId] }
    : { sql: 'principal_id = $1 AND organisation_id IS NULL', bind: [user.id] };
}

/** «Представители»: what the caller issued (or its organisation did), what names the caller as representative, and the authorities in force. */
export async function representationPage(ctx: Caller) {
  const on = today();
  const mine = principalWhere(ctx.user);
  const [issued, toMe] = await Promise.all([
    queryRows<PoaRow>(ctx.db, `SELECT ${COLUMNS} FROM powers_of_attorney WHERE ${mine.sql} ORDER BY created_at DESC LIMIT 200`, mine.bind),
    queryRows<PoaRow>(ctx.db, `SELECT ${COLUMNS} FROM powers_of_attorney WHERE representative_id = $1 ORDER BY created_at DESC LIMIT 200`, [ctx.user.id]),
  ]);
  return {
    /** Individuals grant for themselves; in an organisation only its administrator grants, in its name. */
    mayGrant: ctx.user.organisationId === null || issuesForOrganisation(ctx.user),
    issued: issued.map((p) => view(p, on)),
    toMe: toMe.map((p) => view(p, on)),
    inForce: ctx.user.representing.map((a) => ({ poaId: a.poaId, principalName: a.principalName, principalKind: a.principalKind, number: a.number, validUntil: a.validUntil })),
  };
}

async function notifyUser(db: Db, userId: string, key: string, title: string, body: string) {
  await queryRows(
    db,
    `INSERT INTO notifications (id, user_id, audience, kind, title, body, idempotency_key, link) VALUES ($1, $2, 'user', 'representation', $3, $4, $5, '/representation')
     ON CONFLICT (idempotency_key) DO NOTHING`,
    [randomUUID(), userId, title, body, key],
  );
}

/** «Выдать доверенность»: saved for staff to check against the uploaded document; it gives no authority before that. */
export async function grantPowerOfAttorney(ctx: Caller, input: z.output<typeof grantPowerOfAttorneySchema>) {
  const { db, user } = ctx;
  if (user.organisationId !== null && !issuesForOrganisation(user)) {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'Доверенность от имени организации оформляет администратор организации в личном кабинете' });
  }
  const issues = grantDateIssues(input, today());
  const [representative] = await queryRows<UserRecord & { organisation_id: string | null }>(
    db,
    `SELECT id, kind, org_name AS "orgName", last_name AS "lastName", first_name AS "firstName", middle_name AS "middleName", organisation_id
       FROM users WHERE email = $1 AND role = 'applicant' AND blocked_at IS NULL`,
    [input.representativeEmail],
  );
  if (!representative) {
    issues.push({ path: 'representativeEmail', message: 'Личный кабинет с этим адресом не найден: представитель сначала регистрируется сам, затем укажите адрес, с которым он зарегистрирован' });
  } else if (representative.id === user.id) {
    issues.push({ path: 'representativeEmail', message: 'Нельзя выдать доверенность самому себе' });
  } else if (user.organisationId !== null && representative.organisation_id === user.organisationId) {
    issues.push({ path: 'representativeEmail', message: 'Это сотрудник вашей организации: он и так действует по её заявкам, доверенность в кабинете не нужна' });
  }
  const [document] = await queryRows<{ id: string }>(
    db,
    `SELECT id FROM documents WHERE id = $1 AND owner_id = $2 AND case_id IS NULL AND kind = 'powerOfAttorney'`,
    [input.documentId, user.id],
  );
  if (!document) issues.push({ path: 'documentId', message: 'Файл доверенности не найден: загрузите его заново' });
  if (issues.length || !representative) throw fieldIssues(issues);

  const id = randomUUID();
  const principalName = user.organisationId ? await applicantNameOf(db, user) : applicantDisplayName(user);
  const representativeName = [representative.lastName, representative.firstName, representative.middleName].filter(Boolean).join(' ');
  await queryRows(
    db,
    `INSERT INTO powers_of_attorney (id, principal_id, organisation_id, principal_name, representative_id, representative_name, number, issued_on, valid_until, document_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [id, user.id, user.organisationId, principalName, representative.id, representativeName, input.number, input.issuedOn, input.validUntil, input.documentId],
  );
  await queryRows(
    db,
    `INSERT INTO notifications (id, user_id, audience, kind, title, body, idempotency_key, link) VALUES ($1, NULL, 'staff', 'representation', $2, $3, $4, '/staff/powers-of-attorney')`,
    [randomUUID(), 'Доверенность на проверку', `Доверитель: ${principalName}. Представитель: ${representativeName}. Доверенность № ${input.number}. Сверьте документ и подтвердите или отклоните.`, `poa:${id}:pending`],
  );
  await notifyUser(db, representative.id, `poa:${id}:named`, 'Вас назначили представителем', `${principalName} загрузил(а) доверенность № ${input.number} на ваше имя. Вы сможете действовать от имени доверителя, когда сетевая организация её проверит.`);
  return view((await queryRows<PoaRow>(db, `SELECT ${COLUMNS} FROM powers_of_attorney WHERE id = $1`, [id]))[0]!, today());
}

const NOT_FOUND = 'Доверенность не найдена';

/** «Отозвать»: the principal (or its organisation's administrator) ends the authority; it stops on the representative's next request. */
export async function revokePowerOfAttorney(ctx: Caller, id: string) {
  const { db, user } = ctx;
  const mine = principalWhere(user);
  const [row] = await queryRows<PoaRow>(db, `SELECT ${COLUMNS} FROM powers_of_attorney WHERE id = $2 AND ${mine.sql}`, [...mine.bind, id]);
  if (!row) throw new TRPCError({ code: 'NOT_FOUND', message: NOT_FOUND });
  if (row.organisation_id !== null && !issuesForOrganisation(user)) throw new TRPCError({ code: 'FORBIDDEN', message: 'Отозвать доверенность организации может её администратор' });
  const [revoked] = await queryRows<PoaRow>(
    db,
    `UPDATE powers_of_attorney SET revoked_at = now(), revoked_by = $2 WHERE id = $1 AND revoked_at IS NULL AND refused_at IS NULL RETURNING ${COLUMNS}`,
    [id, user.id],
  );
  if (!revoked) throw new TRPCError({ code: 'CONFLICT', message: row.revoked_at ? 'Доверенность уже отозвана' : 'Доверенность отклонена сетевой организацией и не действует' });
  await notifyUser(db, row.representative_id, `poa:${id}:revoked`, 'Доверенность отозвана', `${row.principal_name} отозвал(а) доверенность № ${row.number}. Действовать от имени доверителя в личном кабинете больше нельзя.`);
  return view(revoked, today());
}

/** «Доверенности на проверке»: waiting ones first, then the latest decisions. */
export async function staffQueue(ctx: ApiServices) {
  const on = today();
  const rows = await queryRows<PoaRow>(
    ctx.db,
    `(SELECT ${COLUMNS} FROM powers_of_attorney WHERE verified_at IS NULL AND refused_at IS NULL AND revoked_at IS NULL ORDER BY created_at LIMIT 200)
     UNION ALL
     (SELECT ${COLUMNS} FROM powers_of_attorney WHERE verified_at IS NOT NULL OR refused_at IS NOT NULL OR revoked_at IS NOT NULL ORDER BY created_at DESC LIMIT 50)`,
    [],
  );
  const views = rows.map((p) => view(p, on));
  return { pending: views.filter((v) => v.status === 'pending'), decided: views.filter((v) => v.status !== 'pending') };
}

/** Staff's decision: one UPDATE that only a still-pending power of attorney in its term passes, so two staff members cannot both decide. */
async function decide(ctx: Caller, id: string, set: string, bind: unknown[]) {
  const { db } = ctx;
  const [row] = await queryRows<PoaRow>(
    db,
    `UPDATE powers_of_attorney SET ${set} WHERE id = $1 AND verified_at IS NULL AND refused_at IS NULL AND revoked_at IS NULL
       AND valid_until >= (now() AT TIME ZONE 'Europe/Moscow')::date RETURNING ${COLUMNS}`,
    [id, ...bind],
  );
  if (row) return row;
  const [existing] = await queryRows<PoaRow>(db, `SELECT ${COLUMNS} FROM powers_of_attorney WHERE id = $1`, [id]);
  if (!existing) throw new TRPCError({ code: 'NOT_FOUND', message: NOT_FOUND });
  const status = POA_STATUS_LABELS[poaStatus({ issuedOn: existing.issued_on, validUntil: existing.valid_until, verifiedAt: existing.verified_at, refusedAt: existing.refused_at, revokedAt: existing.revoked_at }, today())];
  throw new TRPCError({ code: 'CONFLICT', message: `Решение по доверенности уже не принимается: её статус — «${status}»` });
}

export async function verifyPowerOfAttorney(ctx: Caller, id: string) {
  const row = await decide(ctx, id, 'verified_at = now(), verified_by = $2', [ctx.user.id]);
  const text = `Доверенность № ${row.number} проверена. Доверитель: ${row.principal_name}. Представитель: ${row.representative_name}. Действует до ${formatRuDate(row.valid_until)} включительно.`;
  await notifyUser(ctx.db, row.principal_id, `poa:${id}:verified:principal`, 'Доверенность проверена', text);
  await notifyUser(ctx.db, row.representative_id, `poa:${id}:verified:representative`, 'Доверенность проверена: можно действовать', `${text} Подавайте заявки и обращения от имени доверителя и действуйте по его делам.`);
  return view(row, today());
}

export async function refusePowerOfAttorney(ctx: Caller, id: string, reason: string) {
  const row = await decide(ctx, id, 'refused_at = now(), refused_by = $2, refusal_reason = $3', [ctx.user.id, reason]);
  const text = `Доверенность № ${row.number} (представитель: ${row.representative_name}) не принята. Причина: ${reason}`;
  await notifyUser(ctx.db, row.principal_id, `poa:${id}:refused:principal`, 'Доверенность отклонена', text);
  await notifyUser(ctx.db, row.representative_id, `poa:${id}:refused:representative`, 'Доверенность отклонена', text);
  return view(row, today());
}

/**
 * The applicant a representative files for: the authority must be in force in this session (the
 * field error says so otherwise). An organisation's case is filed under its current administrator,
 * so the case belongs to the organisation even if the one who signed the power of attorney left.
 */
export async function principalOf(db: Db, filer: SessionUser, poaId: string): Promise<{ authority: Authority; applicant: UserRecord }> {
  const authority = filer.representing.find((a) => a.poaId === poaId);
  if (!authority) throw fieldIssues([{ path: 'forPoaId', message: 'Доверенность не действует: она отозвана, её срок истёк или она ещё не проверена' }]);
  const applicant = authority.organisationId
    ? await db.User.findOne({ where: { organisationId: authority.organisationId, organisationRole: 'admin', blockedAt: null }, order: [['createdAt', 'ASC']] })
    : await db.User.findOne({ where: { id: authority.principalId, blockedAt: null } });
  if (!applicant) throw fieldIssues([{ path: 'forPoaId', message: 'Учётная запись доверителя закрыта: подать заявление от его имени нельзя' }]);
  return { authority, applicant: applicant.get({ plain: true }) };
}

/**
 * Records that the case is filed by the representative and attaches a copy of the verified power
 * of attorney to it (the Rules ask for it with an application filed by a representative). Both in
 * the filing's transaction; a retried filing finds them.
 */
export async function recordRepresentation(db: Db, caseId: string, filing: { authority: Authority; applicant: UserRecord }, representativeId: string, transaction: Transaction) {
  await db.sequelize.query(
    `INSERT INTO case_representations (case_id, power_of_attorney_id, applicant_id, representative_id) VALUES ($1, $2, $3, $4) ON CONFLICT (case_id) DO NOTHING`,
    { bind: [caseId, filing.authority.poaId, filing.applicant.id, representativeId], transaction },
  );
}

/** A copy of the power of attorney's file as one of the filed documents (the same stored bytes, a row of its own); found again on a retry. */
export async function powerOfAttorneyCopy(db: Db, authority: Authority, draftId: string, filerId: string): Promise<string> {
  const key = `poa-copy:${draftId}:${authority.poaId}`;
  const id = randomUUID();
  await queryRows(
    db,
    `INSERT INTO documents (id, owner_id, case_id, stage, kind, title, filename, mime, size, sha256, storage_key, source, idempotency_key, created_at)
     SELECT $1, $2, NULL, NULL, d.kind, d.title, d.filename, d.mime, d.size, d.sha256, d.storage_key, 'applicant', $3, now()
       FROM powers_of_attorney p JOIN documents d ON d.id = p.document_id WHERE p.id = $4
     ON CONFLICT (idempotency_key) DO NOTHING`,
    [id, filerId, key, authority.poaId],
  );
  const [row] = await queryRows<{ id: string }>(db, 'SELECT id FROM documents WHERE idempotency_key = $1', [key]);
  return row!.id;
}
