// Every workflow the worker runs. Workflow code is deterministic: no Node
// modules, no I/O, only `import type` of activities (enforced by ESLint).
export { credentialsMailWorkflow, existingAccountMailWorkflow } from './accounts';
export { connectionApplicationWorkflow } from './application/workflow';
export { appealWorkflow } from './appeal/workflow';
export { outageWarningWorkflow } from './outage/workflow';
export { organisationInvitationMailWorkflow } from './organisations';
