// Who may call each procedure of the app router: the expected answer of the
// role matrix (tests/integration/security-roles.test.ts). Every procedure must
// have an entry; a new procedure fails that test until it is added here.
// "May call" means the session and role checks let the call through; what the
// procedure then does with the input and the ids is the ownership test's business.
import type { Audience } from './router';

const EVERYONE = ['anonymous', 'applicant', 'staff', 'auditor', 'admin', 'supplier'] as const;
const LOGGED_IN = ['applicant', 'staff', 'auditor', 'admin', 'supplier'] as const;
/** A supplier of last resort's user: only the cases handed over to its organisation. */
const SUPPLIER = ['supplier'] as const;
const APPLICANT = ['applicant'] as const;
/** Staff and supervisors (admins) act on cases. */
const STAFF = ['staff', 'admin'] as const;
/** Everyone of the grid company reads cases and reports; auditors only read. */
const READERS = ['staff', 'auditor', 'admin'] as const;
const AUDIT = ['auditor', 'admin'] as const;
const ADMIN = ['admin'] as const;

export const ACCESS_TABLE: Record<string, readonly Audience[]> = {
  // auth.me answers null to a visitor; register / login / recovery are how one gets a session at all.
  'auth.me': EVERYONE,
  'auth.register': EVERYONE,
  'auth.login': EVERYONE,
  'auth.forgotPassword': EVERYONE,
  'auth.logout': LOGGED_IN,
  'auth.logoutEverywhere': LOGGED_IN,
  // Both password procedures also work with a temporary password that must be changed (sessionProcedure).
  'auth.setInitialPassword': LOGGED_IN,
  'auth.changePassword': LOGGED_IN,
  'profile.get': LOGGED_IN,
  'profile.update': LOGGED_IN,

  'staff.registerVisitor': STAFF,
  'admin.listUsers': ADMIN,
  'admin.createStaffAccount': ADMIN,
  'admin.setBlocked': ADMIN,

  // The supplier of last resort: only its own handed-over cases (the service filters by the account's supplier).
  'supplier.cases': SUPPLIER,
  'supplier.get': SUPPLIER,
  'supplier.postContract': SUPPLIER,

  // Departments (issue 20): an admin defines them; the grid reads the queues; staff take cases, supervisors (or admins) assign them.
  'departments.list': READERS,
  'departments.queue': READERS,
  // Readers by role; a staff member must also supervise the department (tests/integration/departments.test.ts).
  'departments.workload': READERS,
  'departments.mine': STAFF,
  'departments.staff': STAFF,
  'departments.create': ADMIN,
  'departments.update': ADMIN,
  'departments.setMembers': ADMIN,
  'departments.takeCase': STAFF,
  'departments.assignCase': STAFF,

  // Conversations (issue 20 item 5): the applicant of the case and any staff member write; auditors only read.
  'conversations.get': [...APPLICANT, ...READERS],
  'conversations.post': [...APPLICANT, ...STAFF],
  'conversations.markRead': [...APPLICANT, ...STAFF],
  'conversations.unread': [...APPLICANT, ...STAFF],
  'conversations.inbox': [...APPLICANT, ...STAFF],

  'applications.drafts': APPLICANT,
  'applications.draft': APPLICANT,
  'applications.saveDraft': APPLICANT,
  'applications.deleteDraft': APPLICANT,
  'applications.submit': APPLICANT,
  'applications.list': APPLICANT,
  'applications.dashboard': APPLICANT,
  'applications.get': APPLICANT,
  'applications.act': APPLICANT,
  'applications.fileClaim': APPLICANT,
  'staffApplications.queue': READERS,
  'staffApplications.dashboard': READERS,
  'staffApplications.get': READERS,
  'staffApplications.act': STAFF,
  'staffApplications.invoicePreview': STAFF,
  'staffApplications.invoiceRegions': READERS,
  'staffApplications.penalties': READERS,

  'appeals.create': APPLICANT,
  'appeals.list': APPLICANT,
  'appeals.get': APPLICANT,
  'appeals.act': APPLICANT,
  'staffAppeals.inbox': READERS,
  'staffAppeals.get': READERS,
  'staffAppeals.assignees': READERS,
  'staffAppeals.report': READERS,
  'staffAppeals.act': STAFF,
  // An appeal received on paper or orally is registered by staff on the applicant's behalf.
  'staffAppeals.register': STAFF,

  // Everyone has a feed: applicants their cases' events, staff also the staff feed.
  'notifications.list': LOGGED_IN,
  'notifications.unreadCount': LOGGED_IN,
  'notifications.markRead': LOGGED_IN,

  // The outage schedule is public; any account may subscribe to warnings for its addresses.
  'outages.search': EVERYONE,
  'outages.import': STAFF,
  'outages.update': STAFF,
  'outages.cancel': STAFF,
  'outages.subscriptions': LOGGED_IN,
  'outages.suggestions': LOGGED_IN,
  'outages.subscribe': LOGGED_IN,
  'outages.unsubscribe': LOGGED_IN,

  'audit.searchCases': AUDIT,
  'audit.history': AUDIT,
  'audit.replay': AUDIT,
  'audit.checkReadModel': AUDIT,
  'audit.accessLog': AUDIT,

  // The fee calculator is open to visitors who have no account yet.
  'calculator.regions': EVERYONE,
  'calculator.calculate': EVERYONE,
  'tariffs.list': READERS,
  'tariffs.get': READERS,
  'tariffs.import': ADMIN,
  // The production calendar in force is public (pages count remaining working days); versions are staff's, loading is the admin's.
  'calendars.years': EVERYONE,
  'calendars.versions': READERS,
  'calendars.import': ADMIN,
  // The open figures (lead times, disclosures) are published for everyone.
  'transparency.leadTimes': EVERYONE,
  'transparency.disclosure': EVERYONE,
  'capacity.search': EVERYONE,
  'capacity.versions': READERS,
  'capacity.import': ADMIN,
  // The grid's bank requisites that invoices print: staff and auditors see the versions, admins change them.
  'paymentRequisites.history': READERS,
  'paymentRequisites.save': ADMIN,

  // Organisations (companies, ИП): any applicant asks; the service lets only the organisation's administrator invite
  // or remove (an individual and an employee are told why not). The invitee has no account yet: the link's token is the credential.
  'organisation.get': APPLICANT,
  'organisation.invite': APPLICANT,
  'organisation.removeMember': APPLICANT,
  'organisation.invitation': EVERYONE,
  'organisation.acceptInvitation': EVERYONE,
  // Representatives (issue 20 item 6): applicants grant, revoke and see theirs; the grid reads the check queue, staff decide.
  'representation.get': APPLICANT,
  'representation.grant': APPLICANT,
  'representation.revoke': APPLICANT,
  'staffRepresentation.queue': READERS,
  'staffRepresentation.verify': STAFF,
  'staffRepresentation.refuse': STAFF,

  'ratings.rateable': APPLICANT,
  'ratings.submit': APPLICANT,
  'ratings.summary': READERS,
};

/** The first audience allowed to call a procedure: the session the fuzzer uses for it. */
export function callerFor(path: string): Audience {
  const allowed = ACCESS_TABLE[path];
  if (!allowed?.length) throw new Error(`${path} has no entry in tests/integration/security/access-table.ts`);
  return allowed[0]!;
}
