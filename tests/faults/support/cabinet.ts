// What a fault scenario does as the cabinet itself would, without its API
// process: create applicant accounts in the database (no e-mailed password
// step), and run the API's commands with its own services — e.g. while the
// API is down.
import { randomUUID } from 'node:crypto';
import type { ApiServices } from '../../../api/context';
import { hashPassword } from '../../../auth/password';
import { DEFAULT_THROTTLE_RULES } from '../../../auth/throttle';
import type { Db } from '../../../db';
import type { User } from '../../../db/models';
import { CONSENT_VERSION } from '../../../domain/account';
import { resolveTerms } from '../../../domain/regulations';
import { individualRegistration, STRONG_PASSWORD } from '../../support/applicants';
import { uniqueEmail } from '../../support/mail';
import { TEST_TASK_QUEUE } from '../../support/test-env';
import type { FaultStack } from './fault-stack';

/** The API's services on the scenario's own connections: they work while the API process is stopped. */
export function apiServices(stack: FaultStack): ApiServices {
  return {
    db: stack.db,
    temporal: stack.client,
    taskQueue: TEST_TASK_QUEUE,
    publicUrl: stack.appUrl,
    throttle: DEFAULT_THROTTLE_RULES,
    terms: resolveTerms(),
    paymentsMode: 'test',
  };
}

/**
 * Applicants as registration leaves them once the e-mailed password has been
 * replaced by their own: individuals with valid СНИЛС, consent given, password
 * set. One argon2id hash serves them all (same password), logins verify it.
 */
export async function createApplicants(db: Db, count: number, prefix = 'fault'): Promise<Array<{ user: User; email: string; password: string }>> {
  const passwordHash = await hashPassword(STRONG_PASSWORD);
  const applicants = [];
  for (let i = 0; i < count; i++) {
    const { kind, lastName, firstName, middleName, snils, email, phone } = individualRegistration(uniqueEmail(prefix));
    const user = await db.User.create({
      id: randomUUID(),
      email,
      role: 'applicant',
      kind,
      lastName,
      firstName,
      middleName,
      orgName: null,
      snils,
      inn: null,
      kpp: null,
      ogrn: null,
      ogrnip: null,
      phone,
      passwordHash,
      mustChangePassword: false,
      passwordChangedAt: new Date(),
      consentAt: new Date(),
      consentVersion: CONSENT_VERSION,
      registeredBy: null,
    });
    applicants.push({ user, email, password: STRONG_PASSWORD });
  }
  return applicants;
}
