// Powers of attorney as pure rules (domain/representation.ts, domain/case-access.ts):
// where one stands on a day, the day-dependent checks of the form, and whose cases a
// representative reaches — an individual principal's own, an organisation's all.
import { describe, expect, it } from 'vitest';
import { authorityFor, canActForApplicant, reachOf } from '../../domain/case-access';
import { grantDateIssues, grantPowerOfAttorneySchema, poaStatus, representationLine, type Authority } from '../../domain/representation';

const dates = { issuedOn: '2026-11-01', validUntil: '2026-12-31', verifiedAt: null, refusedAt: null, revokedAt: null };

describe('the status of a power of attorney', () => {
  it('is pending until staff verify it, then in force within its term, expired after it', () => {
    expect(poaStatus(dates, '2026-12-05')).toBe('pending');
    expect(poaStatus({ ...dates, verifiedAt: new Date() }, '2026-12-05')).toBe('verified');
    expect(poaStatus({ ...dates, verifiedAt: new Date() }, '2026-12-31')).toBe('verified');
    expect(poaStatus({ ...dates, verifiedAt: new Date() }, '2027-01-01')).toBe('expired');
    expect(poaStatus({ ...dates, verifiedAt: new Date(), issuedOn: '2026-12-10' }, '2026-12-05')).toBe('notYetValid');
  });

  it('is revoked or refused whatever its term says', () => {
    expect(poaStatus({ ...dates, verifiedAt: new Date(), revokedAt: new Date() }, '2026-12-05')).toBe('revoked');
    expect(poaStatus({ ...dates, refusedAt: new Date() }, '2027-06-01')).toBe('refused');
  });
});

describe('the grant form', () => {
  it('refuses an end before the issue date, a document from the future and one already expired', () => {
    const parsed = grantPowerOfAttorneySchema.safeParse({ representativeEmail: 'r@example.ru', number: '1', issuedOn: '2026-12-01', validUntil: '2026-11-30', documentId: crypto.randomUUID() });
    expect(parsed.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['validUntil', 'Доверенность не может закончиться раньше, чем выдана']]);
    expect(grantDateIssues({ issuedOn: '2026-12-06', validUntil: '2027-12-06' }, '2026-12-05').map((i) => i.path)).toEqual(['issuedOn']);
    expect(grantDateIssues({ issuedOn: '2025-12-06', validUntil: '2026-12-04' }, '2026-12-05').map((i) => i.path)).toEqual(['validUntil']);
    expect(grantDateIssues({ issuedOn: '2026-12-05', validUntil: '2026-12-05' }, '2026-12-05')).toEqual([]);
  });
});

describe('whose cases a representative reaches', () => {
  const person: Authority = { poaId: 'p1', number: '1', principalId: 'anna', organisationId: null, principalName: 'Доверова А. П.', principalKind: 'individual', validUntil: '2027-01-01' };
  const company: Authority = { ...person, poaId: 'p2', principalId: 'admin-of-romashka', organisationId: 'romashka', principalName: 'ООО «Ромашка»', principalKind: 'legal' };
  const representative = { id: 'ilya', organisationId: null, representing: [person, company] };

  it('acts on an individual principal’s own cases and on every case of an organisation principal', () => {
    expect(authorityFor(representative, { applicantId: 'anna', organisationId: null })).toBe(person);
    expect(authorityFor(representative, { applicantId: 'another-employee', organisationId: 'romashka' })).toBe(company);
    expect(canActForApplicant(representative, { applicantId: 'ilya', organisationId: null })).toBe(true);
    expect(authorityFor(representative, { applicantId: 'ilya', organisationId: null })).toBeNull();
  });

  it('reaches nothing else: not a principal’s case of another organisation, not a stranger’s', () => {
    expect(canActForApplicant(representative, { applicantId: 'anna', organisationId: 'elsewhere' })).toBe(false);
    expect(canActForApplicant(representative, { applicantId: 'stranger', organisationId: null })).toBe(false);
    expect(canActForApplicant({ id: 'ilya', organisationId: null }, { applicantId: 'anna', organisationId: null })).toBe(false);
  });

  it('lists the same reach for the SQL forms', () => {
    expect(reachOf(representative)).toEqual({ applicantIds: ['ilya', 'anna'], organisationIds: ['romashka'] });
    expect(reachOf({ id: 'x', organisationId: 'org' })).toEqual({ applicantIds: ['x'], organisationIds: ['org'] });
  });

  it('names both parties the way documents and notices print them', () => {
    expect(representationLine({ principalName: 'Доверова Анна Павловна', representativeName: 'Поверенный Илья Сергеевич', number: '77 АА 1234567', issuedOn: '2026-12-03' })).toBe(
      'Заявитель: Доверова Анна Павловна; представитель: Поверенный Илья Сергеевич, доверенность № 77 АА 1234567 от 03.12.2026',
    );
  });
});
