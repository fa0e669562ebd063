// The supplier of last resort's draft supply contract becomes a document of the
// case (workflows/application/supplier-track.ts): the PDF it uploaded through
// the application-file rules (api/files) is attached to the application, so the
// applicant downloads it from the case's documents like any stage document.
import { ApplicationFailure } from '@temporalio/activity';
import type { Db } from '../db';
import { SUPPLY_CONTRACT_KIND, SUPPLY_CONTRACT_STAGE, SUPPLY_CONTRACT_TITLE } from '../domain/supply-contract';

export { SUPPLY_CONTRACT_KIND, SUPPLY_CONTRACT_TITLE };

export function createSupplierActivities({ db }: { db: Db }) {
  return {
    /**
     * Idempotent: attaching the same file to the same case again changes nothing.
     * A file that is not a supplier's unattached PDF (the API checked it; this is the
     * last word) fails without retrying.
     */
    async attachSupplyContract(request: { documentId: string; applicationId: string }): Promise<{ filename: string }> {
      const doc = await db.Document.findByPk(request.documentId);
      if (!doc || doc.kind !== SUPPLY_CONTRACT_KIND || doc.mime !== 'application/pdf' || (doc.caseId !== null && doc.caseId !== request.applicationId)) {
        throw ApplicationFailure.nonRetryable('Файл проекта договора не найден среди загруженных гарантирующим поставщиком', 'SupplyContractFile');
      }
      if (doc.caseId === null) await doc.update({ caseId: request.applicationId, stage: SUPPLY_CONTRACT_STAGE, title: SUPPLY_CONTRACT_TITLE });
      return { filename: doc.filename };
    },
  };
}
