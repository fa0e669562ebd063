// All activities the worker registers, built from their dependencies so tests
// can hand them real services on other ports.
import { createAccountActivities } from './accounts';
import { createCaseActivities } from './cases';
import { createDocumentActivities } from './documents';
import type { Db } from '../db';
import type { DocumentStore } from '../documents/store';
import type { Mailer } from './mailer';

export interface ActivityDeps {
  db: Db;
  mailer: Mailer;
  store: DocumentStore;
  publicUrl: string;
}

export function createActivities(deps: ActivityDeps) {
  return {
    ...createAccountActivities(deps),
    ...createCaseActivities(deps),
    ...createDocumentActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
