// Registering and logging in test applicants through the real API and mail.
import { DEMO_ACCOUNTS } from '../../db/seed-demo';
import type { RegistrationInput } from '../../domain/account';
import { apiClient } from './api-client';
import { fakeInn10, fakeInn12, fakeKpp, fakeOgrn, fakeOgrnip, fakeSnils } from './fake-identifiers';
import { passwordFrom, uniqueEmail, waitForMail } from './mail';

export const STRONG_PASSWORD = 'Лесная-тропа-47-рассвет';

export function individualRegistration(email = uniqueEmail('fl')): Extract<RegistrationInput, { kind: 'individual' }> {
  return { kind: 'individual', lastName: 'Петров', firstName: 'Пётр', middleName: 'Петрович', snils: fakeSnils(), email, phone: '+7 900 123-45-67', consent: true };
}

export function legalRegistration(email = uniqueEmail('ul')): Extract<RegistrationInput, { kind: 'legal' }> {
  return { kind: 'legal', orgName: 'ООО «Ромашка»', inn: fakeInn10(), kpp: fakeKpp(), ogrn: fakeOgrn(), lastName: 'Сидорова', firstName: 'Елена', middleName: '', email, phone: '', consent: true };
}

export function entrepreneurRegistration(email = uniqueEmail('ip')): Extract<RegistrationInput, { kind: 'entrepreneur' }> {
  return { kind: 'entrepreneur', lastName: 'Фёдоров', firstName: 'Олег', middleName: 'Ильич', inn: fakeInn12(), ogrnip: fakeOgrnip(), email, phone: '', consent: true };
}

/** Registers, reads the e-mailed one-time password, logs in and sets a real password. */
export async function registeredApplicant(input: RegistrationInput = individualRegistration()) {
  const client = apiClient();
  await client.auth.register.mutate(input);
  const [mail] = await waitForMail(input.email, 'Логин и пароль');
  await client.auth.login.mutate({ email: input.email, password: passwordFrom(mail!) });
  const user = await client.auth.setInitialPassword.mutate({ newPassword: STRONG_PASSWORD, confirmPassword: STRONG_PASSWORD });
  return { client, user, email: input.email, password: STRONG_PASSWORD };
}

export async function loggedIn(email: string, password: string) {
  const client = apiClient();
  await client.auth.login.mutate({ email, password });
  return client;
}

/** A fresh staff, auditor or admin account made by the demo admin, logged in with its own password: safe to log out everywhere. */
/** A grid employee, or (role 'supplier') a user of a supplier of last resort, 'gp-center' unless named. */
export async function registeredStaff(role: 'staff' | 'auditor' | 'admin' | 'supplier', supplierId: string | null = role === 'supplier' ? 'gp-center' : null) {
  const demoAdmin = DEMO_ACCOUNTS.find((a) => a.role === 'admin')!;
  const admin = await loggedIn(demoAdmin.email, demoAdmin.password);
  const email = uniqueEmail(role);
  await admin.admin.createStaffAccount.mutate({ email, role, lastName: 'Тестова', firstName: 'Вера', middleName: '', supplierId });
  const [mail] = await waitForMail(email, 'Логин и пароль');
  const client = apiClient();
  await client.auth.login.mutate({ email, password: passwordFrom(mail!) });
  const user = await client.auth.setInitialPassword.mutate({ newPassword: STRONG_PASSWORD, confirmPassword: STRONG_PASSWORD });
  return { client, user, email, password: STRONG_PASSWORD };
}
