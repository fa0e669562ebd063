// All activities the worker registers, built from their dependencies so tests
// can hand them real services on other ports.
import { createAccountActivities } from './accounts';
import { createCaseActivities } from './cases';
import { createConversationActivities } from './conversations';
import { createDocumentActivities } from './documents';
import { createInvoiceActivities } from './invoice';
import { createOutageActivities } from './outages';
import { createOrganisationActivities } from './organisations';
import { createPenaltyActivities } from './penalties';
import { createSupplierActivities } from './supplier';
import type { Db } from '../db';
import type { DocumentStore } from '../documents/store';
import type { PenaltyRules } from '../domain/penalties';
import type { Mailer } from './mailer';

export interface ActivityDeps {
  db: Db;
  mailer: Mailer;
  store: DocumentStore;
  publicUrl: string;
  /** The penalty rules with the operator's overrides; the shipped table when absent. */
  penaltyRules?: PenaltyRules;
}

export function createActivities(deps: ActivityDeps) {
  const cases = createCaseActivities(deps);
  return {
    ...createAccountActivities(deps),
    ...cases,
    ...createDocumentActivities(deps),
    ...createOutageActivities({ db: deps.db, notify: cases.notify }),
    ...createPenaltyActivities({ penaltyRules: deps.penaltyRules }),
    ...createInvoiceActivities({ db: deps.db }),
    ...createSupplierActivities({ db: deps.db }),
    ...createConversationActivities({ db: deps.db }),
    ...createOrganisationActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
