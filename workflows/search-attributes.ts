// Typed search attributes of case workflows: what auditors and staff can find
// cases by through Temporal visibility. Registered on the cluster at start.
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

export const CaseNumber = defineSearchAttributeKey('CaseNumber', SearchAttributeType.KEYWORD);
export const CaseKind = defineSearchAttributeKey('CaseKind', SearchAttributeType.KEYWORD);
export const CaseStage = defineSearchAttributeKey('CaseStage', SearchAttributeType.KEYWORD);
export const CaseStatus = defineSearchAttributeKey('CaseStatus', SearchAttributeType.KEYWORD);
export const ApplicantId = defineSearchAttributeKey('ApplicantId', SearchAttributeType.KEYWORD);
export const CaseOverdue = defineSearchAttributeKey('CaseOverdue', SearchAttributeType.BOOL);

export const ALL_SEARCH_ATTRIBUTES = [CaseNumber, CaseKind, CaseStage, CaseStatus, ApplicantId, CaseOverdue];
