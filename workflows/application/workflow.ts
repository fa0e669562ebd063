// The procedure of technological connection (Rules 861, DOMAIN §3), one
// workflow per application. Each step waits on the party whose clock runs in
// its stage (domain/procedures/application.ts): a missed grid term marks the
// case overdue and escalates it, a missed applicant term annuls the
// application. Withdrawal, open in every stage, leaves the procedure anywhere.
import { connectionTuTermKey } from '../../domain/connection-kind';
import type { AnnulReason } from '../../domain/application';
import { isTypedAmount } from '../../domain/invoice';
import type { ApplicationAction } from '../../domain/procedures/application';
import { CaseExit, type Ticket } from '../case/machine';
import { openConversation } from '../case/conversation';
import { since } from '../case/patches';
import { ConnectionCase } from './connection-case';
import type { ApplicationOutcome, ApplicationWorkflowInput } from './contract';
import { events, toStaff, toSupplier } from './notices';
import { terminate } from './termination';
import { SupplierTrack } from './supplier-track';

export type { ApplicationOutcome, ApplicationWorkflowInput };

export async function connectionApplicationWorkflow(input: ApplicationWorkflowInput): Promise<ApplicationOutcome> {
  const run = new ConnectionCase(input);
  run.listen();
  // The case's conversation runs beside the procedure (issue 20 item 5).
  openConversation(run, 'application');
  try {
    return await connect(run);
  } catch (exit) {
    if (exit instanceof CaseExit) return withdraw(run, (exit as CaseExit<ApplicationAction>).ticket);
    throw exit;
  }
}

async function connect(run: ConnectionCase): Promise<ApplicationOutcome> {
  const input = run.input;
  // 1. The application is registered with its number and date; the supplier of last resort is told
  // (by the handover below, which names the application, once its track exists).
  const oneSupplierMail = since('supplier-one-mail-at-registration');
  await run.enterStage('registered', { type: 'submitted', title: events.submitted, actor: input.filedBy ?? { ...input.applicant, role: 'applicant' } }, {
    docs: ['registrationReceipt'],
    tellStaff: toStaff.newApplication(input),
    ...(oneSupplierMail ? {} : { supplier: toSupplier.registered(input) }),
  });
  // The application is handed over to the supplier of last resort, whose own clock for the draft supply contract starts (п.105, beside the procedure).
  if (since('supplier-track')) run.supplierTrack = await SupplierTrack.handOver(run);

  // 2. Completeness check (grid); 2а. missing data from the applicant, or annulment.
  await run.enterStage('completenessCheck', { type: 'check-started', title: events.checkStarted });
  // The application is complete as registered, or from the day the missing data arrived.
  let completeAt = input.submittedAt;
  for (;;) {
    const check = await run.awaitGrid('completenessCheck');
    if (check.name === 'acceptComplete') {
      // 3. The grid prepares the contract terms, ТУ, invoice and instructions, within its term from the complete application.
      const fromComplete = since('document-term-from-complete-application');
      await run.enterStage('preparingDocuments', { ticket: check, type: 'accepted', title: events.accepted }, fromComplete ? { deadline: { startAt: completeAt } } : {});
      break;
    }
    check.name satisfies 'requestMissingData'; // a new action of this stage needs its step here
    await run.enterStage('awaitingMissingData', { ticket: check, type: 'missing-data-requested', title: events.missingDataRequested }, { docs: ['missingDataNotice'] });
    const supplied = await run.awaitApplicant('awaitingMissingData');
    if (supplied === 'lapsed') return annul(run, 'missingData');
    completeAt = Date.now();
    await run.enterStage('completenessCheck', { ticket: supplied, type: 'missing-data-supplied', title: events.missingDataSupplied }, { tellStaff: toStaff.missingDataSupplied(input) });
  }

  let posted = await run.awaitGrid('preparingDocuments');
  if (since('invoice-from-tariff')) {
    // The invoice is computed from the tariff in force on the day of registration and the construction staff decided;
    // one that cannot be computed (a gap in the tariff) is refused in words, and the stage waits on.
    for (let refusal = await run.computeInvoice(posted); refusal !== null; refusal = await run.computeInvoice(posted)) {
      posted.refusal = refusal;
      posted.done = true;
      posted = await run.awaitGrid('preparingDocuments');
    }
  } else if (isTypedAmount(posted.request.input)) {
    run.feeRub = posted.request.input.invoiceAmountRub;
  }
  // The ТУ term depends on the construction the grid found necessary.
  // A mobile object on a temporary connection has its own term (domain/connection-kind.ts); cases without a kind are permanent.
  run.setTuTerm(
    connectionTuTermKey(input.connection ?? {}, {
      voltageKv: input.object.voltageKv,
      distanceM: input.object.distanceM,
      territory: input.object.territory,
      constructionNeeded: posted.request.input.constructionNeeded === true,
      maxPowerKw: input.object.maxPowerKw,
    }),
  );
  // Paying in parts (DOMAIN §9): the schedule of the invoice's total, printed on the invoice; its first part is due within the invoice term.
  if (input.paymentSchedule && since('payment-schedule')) await run.planInstalments(Math.round(run.feeRub * 100));

  // 4. Payment of the invoice is the acceptance: the contract is concluded on the payment day (with a schedule, by its first payment).
  await run.enterStage('awaitingPayment', { ticket: posted, type: 'documents-posted', title: events.documentsPosted }, {
    docs: ['contractTerms', 'technicalConditions', 'invoice', 'instructions'],
    docFields: { tuTerm: run.tuTermSpec(), ...(run.instalments ? { paymentSchedule: run.snapshot.paymentSchedule } : {}) },
  });
  const paid = await run.awaitApplicant('awaitingPayment');
  if (paid === 'lapsed') return annul(run, 'unpaid');
  run.markContractConcluded();
  if (run.instalments) {
    run.instalments.firstPaid(paid.request.actor, paid.name === 'confirmPayment' ? paid.request.input.paymentReference : `Тестовый платёж (кабинет), ${input.number}/1`);
    // The later parts run beside the procedure from here: reminders, due dates, payments.
    run.instalments.start();
  }

  // 5–6. Both sides carry out the ТУ within the term that follows from the application (п.16 «б», from the contract).
  const byParty = since('obligations-by-party');
  if (byParty) run.trackObligations();
  // The payment confirmation prints the term, so its deadline is known before the entry is stored.
  await run.enterStage('tuFulfilment', { ticket: paid, type: 'paid', title: run.instalments ? events.firstPartPaid : events.paid }, { docs: ['paymentConfirmation'], supplier: toSupplier.contractConcluded(input) });
  if (byParty) return fulfilContract(run);
  for (;;) {
    const done = await run.awaitGrid('tuFulfilment');
    // 7. The grid checks the fulfilment of the ТУ (inspection).
    await run.enterStage('inspection', { ticket: done, type: 'tu-done-reported', title: events.tuDoneReported }, { tellStaff: toStaff.tuDone(input) });
    const inspected = await run.awaitGrid('inspection');
    if (inspected.request.input.passed) {
      // 8. Actual connection and admission of the meter.
      await run.enterStage('actualConnection', { ticket: inspected, type: 'inspection-passed', title: events.inspectionPassed }, { docs: ['inspectionAct'] });
      break;
    }
    // Remarks send the case back to ТУ fulfilment; the ТУ term still runs from the contract.
    await run.enterStage('tuFulfilment', { ticket: inspected, type: 'inspection-failed', title: events.inspectionFailed }, { deadline: 'keep', docs: ['inspectionAct'] });
  }

  const connected = await run.awaitGrid('actualConnection');
  // 9. The act on technological connection; the supplier of last resort starts supply from it.
  await run.enterStage('actPosting', { ticket: connected, type: 'connected', title: events.connected }, { docs: ['meterAdmissionAct'], supplier: toSupplier.connected(input) });
  const act = await run.awaitGrid('actPosting');
  await run.enterStage('completed', { ticket: act, type: 'act-issued', title: events.actIssued }, { docs: ['connectionAct'], supplier: toSupplier.actIssued(input) });
  await run.close();
  return 'completed';
}

/**
 * 5–9 under the contract: the grid and the applicant each do their part of the
 * ТУ within the connection term, recorded apart; then the grid checks, connects
 * and issues the act, each within its own term and, while the grid is on time,
 * within the connection term. Whoever misses the term is named, alone, and owes
 * the penalty of п.16 «в» until it has done its part.
 */
async function fulfilContract(run: ConnectionCase): Promise<ApplicationOutcome> {
  const input = run.input;
  for (;;) {
    const step = await run.awaitBoth('tuFulfilment');
    if (step === 'lapsed') {
      await run.connectionTermMissed();
      continue;
    }
    let party: 'grid' | 'applicant' = 'grid';
    if (step.name !== 'recordGridTuDone') {
      step.name satisfies 'reportTuDone'; // a new action of this stage needs its step here
      party = 'applicant';
    }
    await run.partDone(party);
    const done = { ticket: step, type: party === 'grid' ? 'grid-tu-done' : 'tu-done-reported', title: party === 'grid' ? events.gridTuDone : events.tuDoneReported };
    if (run.owed.grid || run.owed.applicant) {
      await run.enterStage('tuFulfilment', done, { deadline: 'keep', ...(party === 'applicant' ? { tellStaff: toStaff.applicantPartDone(input) } : {}) });
      continue;
    }
    // 7. Both parts are done: the grid checks the fulfilment of the ТУ (inspection).
    await run.enterStage('inspection', done, { deadline: run.withinConnectionTerm(), tellStaff: toStaff.tuDone(input) });
    const inspected = await run.awaitGrid('inspection');
    if (inspected.request.input.passed) {
      // 8. Actual connection and admission of the meter.
      await run.enterStage('actualConnection', { ticket: inspected, type: 'inspection-passed', title: events.inspectionPassed }, { deadline: run.withinConnectionTerm(), docs: ['inspectionAct'] });
      break;
    }
    // Remarks: the applicant's part is owed again, within what is left of the connection term.
    run.owePartAgain('applicant');
    await run.enterStage('tuFulfilment', { ticket: inspected, type: 'inspection-failed', title: events.inspectionFailed }, { deadline: run.backToConnectionTerm(), docs: ['inspectionAct'] });
  }
  const connected = await run.awaitGrid('actualConnection');
  // 9. The act on technological connection; the supplier of last resort starts supply from it.
  await run.enterStage('actPosting', { ticket: connected, type: 'connected', title: events.connected }, { deadline: run.withinConnectionTerm(), docs: ['meterAdmissionAct'], supplier: toSupplier.connected(input) });
  const act = await run.awaitGrid('actPosting');
  await run.settleAtAct();
  await run.enterStage('completed', { ticket: act, type: 'act-issued', title: events.actIssued }, { docs: ['connectionAct'], supplier: toSupplier.actIssued(input) });
  if (run.instalments) {
    // The parts counted from the act get their dates; the case stays open until the schedule is settled.
    await run.instalments.datesFromAct(Date.now());
    await run.instalments.settled();
  }
  await run.close();
  return 'completed';
}

async function annul(run: ConnectionCase, reason: AnnulReason): Promise<ApplicationOutcome> {
  run.markAnnulled(reason);
  run.instalments?.cancel();
  // The supplier of last resort's track ends with the application (its annulment notice goes out with the stage).
  if (run.supplierTrack && since('supplier-track-ends-with-application')) await run.supplierTrack.cancel('аннулирована', false);
  await run.enterStage('annulled', { type: 'annulled', title: events.annulled(reason) }, {
    docs: ['annulmentNotice'],
    docFields: { reason: run.snapshot.annulReason },
    supplier: toSupplier.annulled(run.input, reason),
  });
  await run.close();
  return 'annulled';
}

async function withdraw(run: ConnectionCase, ticket: Ticket<ApplicationAction, unknown>): Promise<ApplicationOutcome> {
  // The payment schedule ends with the case: its unpaid parts are cancelled (a termination settles the costs instead).
  run.instalments?.cancel();
  // The supplier of last resort is told at once: its draft supply contract is no longer needed.
  if (run.supplierTrack && since('supplier-track-ends-with-application')) await run.supplierTrack.cancel('отозвана заявителем', true);
  // After the contract, withdrawal is its termination with the costs actually incurred (Rules 861, ГК РФ ст. 782).
  if (run.snapshot.contractConcludedAt !== null && since('contract-termination')) return terminate(run, ticket);
  await run.enterStage('withdrawn', { ticket, type: 'withdrawn', title: events.withdrawn }, { docs: ['withdrawalNotice'] });
  await run.close();
  return 'withdrawn';
}
