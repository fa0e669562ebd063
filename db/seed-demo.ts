// Demo staff, auditor and admin accounts for the embedded default, so a
// newcomer can try every role at once. Never created on a real database.
import { randomUUID } from 'node:crypto';
import type { Role } from '../domain/account';
import { hashPassword } from '../auth/password';
import type { Db } from '.';

export const DEMO_ACCOUNTS: Array<{ email: string; password: string; role: Exclude<Role, 'applicant'>; lastName: string; firstName: string; middleName: string }> = [
  { email: 'operator@kabinet.local', password: 'Operator-Demo-2026', role: 'staff', lastName: 'Смирнова', firstName: 'Анна', middleName: 'Петровна' },
  { email: 'auditor@kabinet.local', password: 'Auditor-Demo-2026', role: 'auditor', lastName: 'Кузнецов', firstName: 'Игорь', middleName: 'Олегович' },
  { email: 'admin@kabinet.local', password: 'Admin-Demo-2026', role: 'admin', lastName: 'Орлова', firstName: 'Мария', middleName: 'Сергеевна' },
];

export async function seedDemoAccounts(db: Db): Promise<void> {
  for (const account of DEMO_ACCOUNTS) {
    if (await db.User.findOne({ where: { email: account.email } })) continue;
    const { password, ...fields } = account;
    await db.User.create({
      id: randomUUID(),
      ...fields,
      kind: null,
      orgName: null,
      snils: null,
      inn: null,
      kpp: null,
      ogrn: null,
      ogrnip: null,
      passwordHash: await hashPassword(password),
      mustChangePassword: false,
      passwordChangedAt: new Date(),
      consentAt: null,
      consentVersion: null,
      registeredBy: null,
    });
  }
}
