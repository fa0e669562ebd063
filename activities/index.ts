// All activities the worker registers, built from their dependencies so tests
// can hand them real services on other ports.
import { createAccountActivities, type AccountActivityDeps } from './accounts';

export type ActivityDeps = AccountActivityDeps;

export function createActivities(deps: ActivityDeps) {
  return {
    ...createAccountActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
