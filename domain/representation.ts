// Representatives (issue 20, item 6): an applicant authorises another
// cabinet user by a power of attorney (доверенность, ГК РФ ст. 185) with its
// term; staff verify it against the uploaded scan or refuse it with a reason;
// while it is verified, in its term and not revoked, the representative files
// applications and appeals for the principal and acts on the principal's cases
// (domain/case-access.ts). Expiry and revocation end the authority at once:
// the active authorities are read with the session on every request.
//
// The term is the one the document states. The Civil Code gives a default
// (one year where none is stated, ГК РФ ст. 186) but no maximum, so the form
// asks for the end date and sets no upper bound of its own.
import { z } from 'zod';
import './zod-ru';
import { emailSchema, type ApplicantKind } from './account';
import { formatRuDate, isIsoDate, type IsoDate } from './calendar';

/** An authority the session carries: whose cases the account may act on, and by which power of attorney. */
export interface Authority {
  poaId: string;
  number: string;
  /** The account that issued it: an individual principal, or the administrator of the organisation it is issued for. */
  principalId: string;
  /** The organisation the power of attorney is issued for; null: the individual principal's own. */
  organisationId: string | null;
  principalName: string;
  /** What the applicant's form asks and allows follows the principal's kind, not the representative's. */
  principalKind: ApplicantKind;
  validUntil: IsoDate;
}

export const POA_STATUSES = ['pending', 'verified', 'refused', 'revoked', 'expired', 'notYetValid'] as const;
export type PoaStatus = (typeof POA_STATUSES)[number];

export const POA_STATUS_LABELS: Record<PoaStatus, string> = {
  pending: 'На проверке',
  verified: 'Действует',
  refused: 'Отклонена',
  revoked: 'Отозвана',
  expired: 'Срок истёк',
  notYetValid: 'Проверена, срок ещё не начался',
};

export interface PoaDates {
  issuedOn: IsoDate;
  validUntil: IsoDate;
  verifiedAt: Date | string | null;
  refusedAt: Date | string | null;
  revokedAt: Date | string | null;
}

/** Where a power of attorney stands on a Moscow date: revocation and refusal first, then staff's check, then the term. */
export function poaStatus(p: PoaDates, today: IsoDate): PoaStatus {
  if (p.revokedAt) return 'revoked';
  if (p.refusedAt) return 'refused';
  if (p.validUntil < today) return 'expired';
  if (!p.verifiedAt) return 'pending';
  return p.issuedOn > today ? 'notYetValid' : 'verified';
}

const isoDate = (what: string) => z.string({ error: `Укажите ${what}` }).trim().refine(isIsoDate, `Укажите ${what} в формате ГГГГ-ММ-ДД`);
const trimmed = (max: number) => z.string().trim().max(max, `Не более ${max} символов`);

/** «Выдать доверенность»: the principal names the representative (a registered cabinet user) and the document's particulars. */
export const grantPowerOfAttorneySchema = z
  .object({
    representativeEmail: emailSchema,
    number: trimmed(50).min(1, 'Укажите номер доверенности (если номера нет — «б/н»)'),
    issuedOn: isoDate('дату выдачи доверенности'),
    validUntil: isoDate('дату, до которой действует доверенность'),
    documentId: z.uuid({ error: 'Загрузите скан или файл доверенности' }),
  })
  .refine((v) => !isIsoDate(v.issuedOn) || !isIsoDate(v.validUntil) || v.validUntil >= v.issuedOn, {
    path: ['validUntil'],
    message: 'Доверенность не может закончиться раньше, чем выдана',
  });
export type GrantPowerOfAttorneyInput = z.input<typeof grantPowerOfAttorneySchema>;

/** The checks that depend on the day: a document dated in the future or already expired is not accepted. */
export function grantDateIssues(input: { issuedOn: IsoDate; validUntil: IsoDate }, today: IsoDate): Array<{ path: string; message: string }> {
  const issues: Array<{ path: string; message: string }> = [];
  if (input.issuedOn > today) issues.push({ path: 'issuedOn', message: `Дата выдачи не может быть позже сегодняшней (${formatRuDate(today)})` });
  if (input.validUntil < today) issues.push({ path: 'validUntil', message: `Срок доверенности уже истёк (${formatRuDate(input.validUntil)}): загрузите действующую` });
  return issues;
}

export const refusePowerOfAttorneySchema = z.object({
  id: z.uuid(),
  reason: trimmed(1000).min(10, 'Напишите причину отказа (не короче 10 символов): её увидит заявитель'),
});

/** How documents and notices name both parties of a case filed or handled by a representative. */
export function representationLine(r: { principalName: string; representativeName: string; number: string; issuedOn: IsoDate }): string {
  return `Заявитель: ${r.principalName}; представитель: ${r.representativeName}, доверенность № ${r.number} от ${formatRuDate(r.issuedOn)}`;
}

/** The actor's name in a case's history when a representative acts: who, for whom and by which document. */
export function representativeActorName(name: string, a: Pick<Authority, 'principalName' | 'number'>): string {
  return `${name}, представитель по доверенности № ${a.number} (доверитель: ${a.principalName})`;
}
