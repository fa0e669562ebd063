// Organisations in the cabinet: a legal entity (by ИНН/КПП) or an ИП (by
// ИНН/ОГРНИП) with several users. The first registered user is its
// administrator; the administrator invites colleagues by e-mail and removes
// them. The schemas validate the forms in the browser and again on the server.
import { z } from 'zod';
import './zod-ru';
import { emailSchema, newPasswordSchema, phoneSchema } from './account';

export const ORGANISATION_ROLES = ['admin', 'member'] as const;
export type OrganisationRole = (typeof ORGANISATION_ROLES)[number];

export const ORGANISATION_ROLE_LABELS: Record<OrganisationRole, string> = {
  admin: 'Администратор организации',
  member: 'Сотрудник',
};

/** How long an invitation link works. A product choice, not a regulation: long enough for a weekend, short enough to go stale. */
export const INVITATION_VALID_DAYS = 7;

/** At most this many invitations wait at once per organisation: a stolen admin session cannot mail-bomb hundreds of addresses. */
export const MAX_PENDING_INVITATIONS = 50;

const trimmed = (max: number) => z.string().trim().max(max, `Не более ${max} символов`);

export const invitationSchema = z.object({
  email: emailSchema,
  lastName: trimmed(100).min(1, 'Укажите фамилию сотрудника'),
  firstName: trimmed(100).min(1, 'Укажите имя сотрудника'),
  middleName: trimmed(100).optional().default(''),
});
export type InvitationInput = z.input<typeof invitationSchema>;

/** The token of an invitation link: base32 of 20 random bytes (auth/tokens.ts). */
export const invitationTokenSchema = z
  .string({ error: 'Ссылка приглашения неполная: откройте её из письма целиком' })
  .trim()
  .regex(/^[a-z2-7]{32}$/, 'Ссылка приглашения неполная: откройте её из письма целиком');

export const acceptInvitationSchema = z
  .object({
    token: invitationTokenSchema,
    phone: phoneSchema,
    newPassword: newPasswordSchema,
    confirmPassword: z.string(),
    consent: z.literal(true, { error: 'Необходимо согласие на обработку персональных данных' }),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ['confirmPassword'], message: 'Пароли не совпадают' });
export type AcceptInvitationInput = z.input<typeof acceptInvitationSchema>;

/** What a second person registering an organisation that already has a cabinet is told. */
export function organisationExistsMessage(o: { kind: 'legal' | 'entrepreneur'; inn: string; kpp: string | null }): string {
  const who = o.kind === 'legal' ? `Организация с ИНН ${o.inn} и КПП ${o.kpp}` : `Индивидуальный предприниматель с ИНН ${o.inn}`;
  return `${who} уже зарегистрирован${o.kind === 'legal' ? 'а' : ''} в личном кабинете. Второй учётной записи организации не создаётся: попросите администратора организации в личном кабинете пригласить вас по адресу электронной почты (раздел «Организация»).`;
}

/** The name an organisation's cases and documents carry for an ИП: the entrepreneur, not the employee who filed. */
export function organisationName(o: { kind: 'legal' | 'entrepreneur'; orgName?: string | null; lastName: string; firstName: string; middleName?: string | null }): string {
  if (o.kind === 'legal') return o.orgName ?? '';
  return `ИП ${[o.lastName, o.firstName, o.middleName].filter(Boolean).join(' ')}`;
}
