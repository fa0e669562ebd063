// Grid staff with names of their own (departments and holders tell people apart by name), made by the demo admin.
import { DEMO_ACCOUNTS } from '../../db/seed-demo';
import { apiClient } from './api-client';
import { loggedIn, STRONG_PASSWORD } from './applicants';
import { passwordFrom, uniqueEmail, waitForMail } from './mail';

export async function namedStaff(lastName: string, firstName: string) {
  const demoAdmin = DEMO_ACCOUNTS.find((a) => a.role === 'admin')!;
  const admin = await loggedIn(demoAdmin.email, demoAdmin.password);
  const email = uniqueEmail('dept');
  await admin.admin.createStaffAccount.mutate({ email, role: 'staff', lastName, firstName, middleName: '', supplierId: null });
  const [mail] = await waitForMail(email, 'Логин и пароль');
  const client = apiClient();
  await client.auth.login.mutate({ email, password: passwordFrom(mail!) });
  const user = await client.auth.setInitialPassword.mutate({ newPassword: STRONG_PASSWORD, confirmPassword: STRONG_PASSWORD });
  return { client, id: user.id, email, name: `${lastName} ${firstName}` };
}
