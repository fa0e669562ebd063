// The parts of a case page and of case lists, for applications and appeals alike.
export { ApplicationTitle, CaseNumber, CaseStatusChip, DeadlineTermNote, DeadlineText, TwoLines } from './CaseParts';
export { DocumentRow, DocumentsCard } from './Documents';
export { EventDetails, HistoryCard, type HistoryEvent } from './History';
export { CurrentTerm, StageTimeline, Timeline, type TimelineStep } from './Timeline';
export { buildSteps, type StepState } from './timeline';
export { CaseActions, CaseHeader, CasePage, casePage, type CaseOutcome, type CaseWords } from './CasePage';
export { ApplicationSummaryCard, categoryLabel } from './SummaryCard';
export { PenaltyCard } from './PenaltyCard';
export { PaymentScheduleCard } from './PaymentScheduleCard';
export { InvoiceBreakdown, InvoiceCard } from './InvoiceBreakdown';
