// Who may do what, in one table: the role groups every guard uses — tRPC
// procedures, the raw HTTP routes (downloads, audit history, codec, live
// stream) and the cabinet's menus and route guards. A new group or a change of
// who belongs to one is one edit here.
import type { Role } from './account';

export const ROLE_GROUPS = {
  /** Applicants: their own applications, appeals, ratings and subscriptions. */
  applicants: ['applicant'],
  /** Grid staff who act on cases; an admin is also a supervisor who may step in. */
  staff: ['staff', 'admin'],
  /** Who reads every case, queue and report: staff and admins act, auditors only read. */
  readers: ['staff', 'admin', 'auditor'],
  /** Who works in the audit screens: histories, replay, read-model checks, the access log. */
  auditors: ['auditor', 'admin'],
  /** Suppliers of last resort (гарантирующие поставщики): only the cases handed over to their own organisation. */
  suppliers: ['supplier'],
  /** Account and tariff administration. */
  admins: ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type RoleGroup = keyof typeof ROLE_GROUPS;

export function inGroup(role: Role | string | null | undefined, group: RoleGroup): boolean {
  return role !== null && role !== undefined && (ROLE_GROUPS[group] as readonly string[]).includes(role);
}
