// Account commands shared by the routers: registration (online, at the office,
// staff accounts by the admin) and what the client may see of a user.
import { randomUUID } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { UniqueConstraintError, type CreationAttributes } from 'sequelize';
import { WorkflowIdReusePolicy } from '@temporalio/client';
import { applicantDisplayName, CONSENT_VERSION, type ApplicantIdentity, type Role } from '../../domain/account';
import { maskInn, maskSnils } from '../../domain/identifiers';
import { organisationExistsMessage, organisationName } from '../../domain/organisation';
import type { User, UserRecord } from '../../db/models';
import type { CredentialsRequest } from '../../activities/accounts';
import type { credentialsMailWorkflow, existingAccountMailWorkflow } from '../../workflows/accounts';
import type { ApiServices } from '../context';

export function publicUser(user: UserRecord) {
  return {
    id: user.id,
    email: user.email,
    role: user.role,
    kind: user.kind,
    displayName: applicantDisplayName(user),
    lastName: user.lastName,
    firstName: user.firstName,
    middleName: user.middleName,
    orgName: user.orgName,
    snilsMasked: user.snils ? maskSnils(user.snils) : null,
    innMasked: user.inn ? maskInn(user.inn) : null,
    kpp: user.kpp,
    phone: user.phone,
    postalAddress: user.postalAddress,
    mustChangePassword: user.mustChangePassword,
    blocked: Boolean(user.blockedAt),
    /** The supplier of last resort a 'supplier' user works for. */
    supplierId: user.supplierId ?? null,
    /** The organisation (company or ИП) the applicant works for, and whether they administer it. */
    organisationId: user.organisationId ?? null,
    organisationRole: user.organisationRole ?? null,
    createdAt: user.createdAt.toISOString(),
  };
}
export type PublicUser = ReturnType<typeof publicUser>;

export async function startCredentialsMail(services: ApiServices, request: Omit<CredentialsRequest, 'requestId'>): Promise<void> {
  const requestId = randomUUID();
  await services.temporal.workflow.start<typeof credentialsMailWorkflow>('credentialsMailWorkflow', {
    taskQueue: services.taskQueue,
    workflowId: `account-${request.reason}-${requestId}`,
    workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
    args: [{ ...request, requestId }],
  });
}

type OrganisationIdentity = Exclude<ApplicantIdentity, { kind: 'individual' }>;

function organisationKey(identity: OrganisationIdentity) {
  return { kind: identity.kind, inn: identity.inn, kpp: identity.kind === 'legal' ? identity.kpp : null };
}

/**
 * A company or an ИП has one organisation in the cabinet, whatever the number of its users:
 * a second registration with its ИНН/КПП is told so, in Russian, and pointed to the
 * organisation's administrator, who invites colleagues (api/organisations).
 */
function organisationExists(identity: OrganisationIdentity): TRPCError {
  const message = organisationExistsMessage(organisationKey(identity));
  return new TRPCError({ code: 'CONFLICT', message, cause: Object.assign(new Error(message), { field: 'inn' }) });
}

const isOrganisationConflict = (error: UniqueConstraintError) => (error.parent as { constraint?: string } | undefined)?.constraint === 'organisations_inn_kpp_key';

export type RegistrationOutcome = { status: 'created'; userId: string } | { status: 'exists' };

/**
 * Creates the account and starts its credentials e-mail in one transaction:
 * if Temporal cannot be reached nothing is saved. Two registrations racing for
 * the same e-mail or identifier: the loser sees the same answer as for an
 * account that already exists.
 */
async function createAccountWithCredentialsMail(
  services: ApiServices,
  attributes: Omit<CreationAttributes<User>, 'id'>,
  organisation: OrganisationIdentity | null = null,
): Promise<RegistrationOutcome> {
  const userId = randomUUID();
  try {
    await services.db.sequelize.transaction(async (transaction) => {
      // The first user of a company or ИП creates its organisation and becomes its administrator.
      const organisationId = organisation ? randomUUID() : null;
      if (organisation && organisationId) {
        const { kind, inn, kpp } = organisationKey(organisation);
        const name = organisationName({ ...organisation, orgName: organisation.kind === 'legal' ? organisation.orgName : null });
        await services.db.Organisation.create(
          { id: organisationId, kind, name, inn, kpp, ogrn: organisation.kind === 'legal' ? organisation.ogrn : null, ogrnip: organisation.kind === 'entrepreneur' ? organisation.ogrnip : null },
          { transaction },
        );
      }
      await services.db.User.create({ id: userId, ...attributes, organisationId, organisationRole: organisationId ? 'admin' : null }, { transaction });
      await startCredentialsMail(services, { userId, reason: 'registration' });
    });
  } catch (error) {
    if (error instanceof UniqueConstraintError && organisation && isOrganisationConflict(error)) throw organisationExists(organisation);
    if (error instanceof UniqueConstraintError) return { status: 'exists' };
    throw error;
  }
  return { status: 'created', userId };
}

/**
 * Creates the applicant with the credentials e-mail. An existing account is
 * never revealed to the caller by the public form; its owner gets an e-mail
 * instead.
 */
export async function registerApplicant(
  services: ApiServices,
  identity: ApplicantIdentity,
  origin: { registeredBy: string | null; consentOnPaper: boolean },
): Promise<RegistrationOutcome> {
  const { db } = services;
  const byEmail = await db.User.findOne({ where: { email: identity.email } });
  if (!byEmail && identity.kind !== 'individual' && (await db.Organisation.count({ where: organisationKey(identity) }))) throw organisationExists(identity);
  const owner = byEmail ?? (identity.kind === 'individual' ? await db.User.findOne({ where: { snils: identity.snils } }) : null);
  if (owner) {
    if (!origin.registeredBy) {
      const requestId = randomUUID();
      await services.temporal.workflow.start<typeof existingAccountMailWorkflow>('existingAccountMailWorkflow', {
        taskQueue: services.taskQueue,
        workflowId: `account-existing-${requestId}`,
        args: [{ userId: owner.id, requestId, matched: byEmail ? 'email' : 'identifier' }],
      });
    }
    return { status: 'exists' };
  }
  return createAccountWithCredentialsMail(services, {
    email: identity.email,
    role: 'applicant',
    kind: identity.kind,
    lastName: identity.lastName,
    firstName: identity.firstName,
    middleName: identity.middleName,
    orgName: identity.kind === 'legal' ? identity.orgName : null,
    snils: identity.kind === 'individual' ? identity.snils : null,
    inn: identity.kind === 'individual' ? null : identity.inn,
    kpp: identity.kind === 'legal' ? identity.kpp : null,
    ogrn: identity.kind === 'legal' ? identity.ogrn : null,
    ogrnip: identity.kind === 'entrepreneur' ? identity.ogrnip : null,
    phone: identity.phone,
    passwordHash: null,
    consentAt: new Date(),
    consentVersion: CONSENT_VERSION,
    consentOnPaper: origin.consentOnPaper,
    registeredBy: origin.registeredBy,
  }, identity.kind === 'individual' ? null : identity);
}

export async function createStaffAccount(
  services: ApiServices,
  input: { email: string; role: Exclude<Role, 'applicant'>; lastName: string; firstName: string; middleName: string; supplierId?: string | null },
  adminId: string,
): Promise<RegistrationOutcome> {
  const attributes = { ...input, kind: null, orgName: null, snils: null, inn: null, kpp: null, ogrn: null, ogrnip: null, passwordHash: null, consentAt: null, consentVersion: null, registeredBy: adminId };
  return createAccountWithCredentialsMail(services, attributes);
}
