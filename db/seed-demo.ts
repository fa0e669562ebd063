// Demo staff, auditor, admin and supplier accounts for the embedded default, so
// a newcomer can try every role at once. Never created on a real database.
import { randomUUID } from 'node:crypto';
import type { Role } from '../domain/account';
import { hashPassword } from '../auth/password';
import type { Db } from '.';
import type { PaymentRequisites } from '../domain/payment-requisites';
import { paymentRequisitesHistory, savePaymentRequisites } from './read-models/payment-requisites';

export const DEMO_ACCOUNTS: Array<{ email: string; password: string; role: Exclude<Role, 'applicant'>; lastName: string; firstName: string; middleName: string; supplierId?: string }> = [
  { email: 'operator@kabinet.local', password: 'Operator-Demo-2026', role: 'staff', lastName: 'Смирнова', firstName: 'Анна', middleName: 'Петровна' },
  { email: 'auditor@kabinet.local', password: 'Auditor-Demo-2026', role: 'auditor', lastName: 'Кузнецов', firstName: 'Игорь', middleName: 'Олегович' },
  { email: 'admin@kabinet.local', password: 'Admin-Demo-2026', role: 'admin', lastName: 'Орлова', firstName: 'Мария', middleName: 'Сергеевна' },
  // Works for the sample supplier of last resort (domain/application.ts SUPPLIERS): sees only the cases handed to it.
  { email: 'supplier@kabinet.local', password: 'Supplier-Demo-2026', role: 'supplier', lastName: 'Волков', firstName: 'Денис', middleName: 'Андреевич', supplierId: 'gp-center' },
];

export async function seedDemoAccounts(db: Db): Promise<void> {
  for (const account of DEMO_ACCOUNTS) {
    if (await db.User.findOne({ where: { email: account.email } })) continue;
    const { password, supplierId, ...fields } = account;
    await db.User.create({
      id: randomUUID(),
      ...fields,
      supplierId: supplierId ?? null,
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

/**
 * Sample bank requisites of the demo and test stacks, marked «образец» in every
 * name and flagged `sample`: invoices there show a payment block and a QR code
 * without pretending to be payable. The БИК 049999001 is in no bank directory, so
 * a banking app that reads the QR refuses it; the ИНН and both accounts pass
 * their checksums. Never saved on a real database (see seedDemoAccounts).
 */
export const SAMPLE_PAYMENT_REQUISITES: PaymentRequisites = {
  name: 'АО «Сетевая компания» (образец)',
  inn: '5000999991',
  kpp: '500001001',
  address: '143500, Московская обл., г. Истра, ул. Примерная, д. 1 (образец)',
  bankName: 'АО «Банк» (образец)',
  bik: '049999001',
  correspondentAccount: '30101810900000000001',
  account: '40702810500000000123',
};

/** Saves the sample requisites once, unless any requisites (sample or real) are already saved. */
export async function seedSamplePaymentRequisites(db: Db): Promise<void> {
  if ((await paymentRequisitesHistory(db, 1)).length > 0) return;
  await savePaymentRequisites(db, SAMPLE_PAYMENT_REQUISITES, null, { sample: true });
}
