// Organisations (issue 20, item 7): a company's or an ИП's users. The first
// registered user is the administrator (api/accounts/service.ts); here the
// administrator invites colleagues by e-mail and removes them, and an invitee
// accepts with the link's single-use token and sets a password. Which cases an
// employee may act on is domain/case-access.ts; this file only says who is in.
import { randomUUID } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { Op, UniqueConstraintError } from 'sequelize';
import { WorkflowIdReusePolicy } from '@temporalio/client';
import { CONSENT_VERSION } from '../../domain/account';
import { INVITATION_VALID_DAYS, MAX_PENDING_INVITATIONS, type acceptInvitationSchema, type invitationSchema, type OrganisationRole } from '../../domain/organisation';
import { maskInn } from '../../domain/identifiers';
import { hashPassword, passwordWeakness } from '../../auth/password';
import { createSession, invalidateUserSessions } from '../../auth/sessions';
import { sessionIdFromToken } from '../../auth/tokens';
import type { UserRecord } from '../../db/models';
import type { organisationInvitationMailWorkflow } from '../../workflows/organisations';
import type { ApiServices, Context } from '../context';
import type { z } from 'zod';
import { publicUser } from '../accounts/service';

type Caller = ApiServices & { user: UserRecord };

const DAY_MS = 24 * 60 * 60 * 1000;
/** The role as a plain union (the model's attribute type carries Sequelize's creation brand). */
const roleOf = (role: string | null | undefined): OrganisationRole | null => (role === 'admin' || role === 'member' ? role : null);
const personName = (p: { lastName: string; firstName: string; middleName?: string | null }) => [p.lastName, p.firstName, p.middleName].filter(Boolean).join(' ');
const fieldError = (field: string, message: string, code: 'BAD_REQUEST' | 'CONFLICT' = 'BAD_REQUEST') => new TRPCError({ code, message, cause: Object.assign(new Error(message), { field }) });

/** «Организация»: the caller's organisation, its employees and (for its administrator) the invitations waiting; null for an individual. */
export async function organisationPage(ctx: Caller) {
  const { db, user } = ctx;
  if (!user.organisationId) return null;
  const organisation = await db.Organisation.findByPk(user.organisationId);
  if (!organisation) return null;
  const isAdmin = user.organisationRole === 'admin';
  const [members, invitations] = await Promise.all([
    db.User.findAll({ where: { organisationId: organisation.id }, order: [['createdAt', 'ASC']] }),
    isAdmin
      ? db.OrganisationInvitation.findAll({ where: { organisationId: organisation.id, acceptedAt: null, revokedAt: null, expiresAt: { [Op.gt]: new Date() } }, order: [['createdAt', 'DESC']] })
      : Promise.resolve([]),
  ]);
  return {
    id: organisation.id,
    kind: organisation.kind,
    name: organisation.name,
    innMasked: maskInn(organisation.inn),
    kpp: organisation.kpp,
    myRole: roleOf(user.organisationRole),
    members: members.map((m) => ({ id: m.id, name: personName(m), email: m.email, role: roleOf(m.organisationRole), since: m.createdAt.toISOString(), you: m.id === user.id })),
    invitations: invitations.map((i) => ({ id: i.id, email: i.email, name: personName(i), expiresAt: i.expiresAt.toISOString() })),
  };
}

/** The caller, who must administer an organisation; anyone else is told why not. */
function requireAdministrator(user: UserRecord): string {
  if (!user.organisationId) {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'Приглашать и удалять сотрудников могут только организации и индивидуальные предприниматели: учётная запись физического лица принадлежит одному человеку' });
  }
  if (user.organisationRole !== 'admin') throw new TRPCError({ code: 'FORBIDDEN', message: 'Приглашать и удалять сотрудников может только администратор организации' });
  return user.organisationId;
}

/** Invites a colleague by e-mail: the invitation and its letter's workflow are saved together or not at all. */
export async function inviteColleague(ctx: Caller, input: z.output<typeof invitationSchema>) {
  const organisationId = requireAdministrator(ctx.user);
  const { db } = ctx;
  if (await db.User.count({ where: { email: input.email } })) {
    throw fieldError('email', 'На этот адрес уже зарегистрирован личный кабинет: пригласить можно только адрес, у которого учётной записи ещё нет', 'CONFLICT');
  }
  const id = randomUUID();
  const expiresAt = new Date(Date.now() + INVITATION_VALID_DAYS * DAY_MS);
  try {
    await db.sequelize.transaction(async (transaction) => {
      // A lapsed invitation no longer holds its address.
      await db.OrganisationInvitation.update({ revokedAt: new Date() }, { where: { organisationId, acceptedAt: null, revokedAt: null, expiresAt: { [Op.lte]: new Date() } }, transaction });
      const pending = await db.OrganisationInvitation.count({ where: { organisationId, acceptedAt: null, revokedAt: null }, transaction });
      if (pending >= MAX_PENDING_INVITATIONS) {
        throw new TRPCError({ code: 'BAD_REQUEST', message: `Ждут ответа уже ${pending} приглашений: новые можно отправить, когда на них ответят или истечёт их срок` });
      }
      await db.OrganisationInvitation.create({ id, organisationId, email: input.email, lastName: input.lastName, firstName: input.firstName, middleName: input.middleName, invitedBy: ctx.user.id, expiresAt }, { transaction });
      await ctx.temporal.workflow.start<typeof organisationInvitationMailWorkflow>('organisationInvitationMailWorkflow', {
        taskQueue: ctx.taskQueue,
        workflowId: `organisation-invitation-${id}`,
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
        args: [{ invitationId: id }],
      });
    });
  } catch (error) {
    if (error instanceof UniqueConstraintError) {
      throw fieldError('email', 'Приглашение на этот адрес уже отправлено и ещё действует: сотрудник может открыть ссылку из письма', 'CONFLICT');
    }
    throw error;
  }
  return { id, email: input.email, expiresAt: expiresAt.toISOString() };
}

/**
 * Removes an employee: they leave the organisation, their account is blocked (it carries the
 * organisation's identifiers, so it must not file for it any more) and every session of theirs
 * ends at once, open live pages included. The organisation's cases stay the organisation's.
 */
export async function removeColleague(ctx: Caller, userId: string) {
  const organisationId = requireAdministrator(ctx.user);
  if (userId === ctx.user.id) throw new TRPCError({ code: 'BAD_REQUEST', message: 'Администратор не может удалить сам себя: у организации не останется администратора' });
  const [removed] = await ctx.db.User.update(
    { organisationId: null, organisationRole: null, blockedAt: new Date(), blockedBy: ctx.user.id },
    { where: { id: userId, organisationId } },
  );
  // Another organisation's user, or nobody: answered alike, ids are not to be probed.
  if (!removed) throw new TRPCError({ code: 'NOT_FOUND', message: 'Сотрудник не найден в вашей организации' });
  await invalidateUserSessions(ctx.db, userId);
  return { ok: true };
}

const INVITATION_GONE = 'Приглашение не найдено, уже принято или его срок истёк. Попросите администратора организации пригласить вас ещё раз';

async function liveInvitation(ctx: ApiServices, token: string) {
  const invitation = await ctx.db.OrganisationInvitation.findOne({ where: { tokenHash: sessionIdFromToken(token) } });
  if (!invitation || invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt.getTime() <= Date.now()) return null;
  return invitation;
}

/** What the invitation page shows before the invitee accepts: the organisation and the invitee as the administrator wrote them. */
export async function invitationByToken(ctx: ApiServices, token: string) {
  const invitation = await liveInvitation(ctx, token);
  if (!invitation) throw new TRPCError({ code: 'NOT_FOUND', message: INVITATION_GONE });
  const organisation = await ctx.db.Organisation.findByPk(invitation.organisationId);
  return { organisationName: organisation?.name ?? '', email: invitation.email, name: personName(invitation), expiresAt: invitation.expiresAt.toISOString() };
}

/**
 * Accepts an invitation: the account is created with the organisation's identifiers and the
 * password the invitee chose (argon2id, as every password), the token is spent, and the invitee
 * is logged in. The invitation row is locked, so a link opened twice at once makes one account.
 */
export async function acceptInvitation(ctx: Context, input: z.output<typeof acceptInvitationSchema>) {
  const found = await liveInvitation(ctx, input.token);
  if (!found) throw new TRPCError({ code: 'NOT_FOUND', message: INVITATION_GONE });
  const weakness = passwordWeakness(input.newPassword, [found.email, found.lastName, found.firstName, found.email.split('@')[0] ?? '']);
  if (weakness) throw fieldError('newPassword', weakness);
  const passwordHash = await hashPassword(input.newPassword);
  const { db } = ctx;
  const userId = randomUUID();
  await db.sequelize.transaction(async (transaction) => {
    const invitation = await db.OrganisationInvitation.findByPk(found.id, { transaction, lock: transaction.LOCK.UPDATE });
    if (!invitation || invitation.acceptedAt || invitation.revokedAt) throw new TRPCError({ code: 'NOT_FOUND', message: INVITATION_GONE });
    const organisation = (await db.Organisation.findByPk(invitation.organisationId, { transaction }))!;
    if (await db.User.count({ where: { email: invitation.email }, transaction })) {
      throw new TRPCError({ code: 'CONFLICT', message: 'На этот адрес уже зарегистрирован личный кабинет: войдите с его паролем' });
    }
    const now = new Date();
    await db.User.create(
      {
        id: userId,
        email: invitation.email,
        role: 'applicant',
        kind: organisation.kind,
        lastName: invitation.lastName,
        firstName: invitation.firstName,
        middleName: invitation.middleName,
        orgName: organisation.kind === 'legal' ? organisation.name : null,
        snils: null,
        inn: organisation.inn,
        kpp: organisation.kpp,
        ogrn: organisation.ogrn,
        ogrnip: organisation.ogrnip,
        phone: input.phone,
        passwordHash,
        mustChangePassword: false,
        passwordChangedAt: now,
        consentAt: now,
        consentVersion: CONSENT_VERSION,
        registeredBy: invitation.invitedBy,
        organisationId: organisation.id,
        organisationRole: 'member',
      },
      { transaction },
    );
    await invitation.update({ acceptedAt: now, acceptedUserId: userId }, { transaction });
  });
  const { token, expiresAt } = await createSession(db, userId, { ip: ctx.ip, userAgent: ctx.userAgent });
  ctx.setSessionCookie(token, expiresAt);
  return publicUser((await db.User.findByPk(userId))!.get({ plain: true }));
}
