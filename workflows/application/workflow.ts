// The procedure of technological connection (Rules 861, DOMAIN §3), one
// workflow per application. Each stage names who acts and the statutory term
// that runs; an applicant's missed term annuls the application, the grid's
// missed term marks the case overdue and escalates it.
import { tuFulfilmentTermKey } from '../../domain/regulations';
import { ANNUL_REASONS, type AnnulReason } from '../../domain/application';
import { CaseRun, type ActionName, type ApplicationWorkflowInput, type Ticket } from './case-run';

export type { ApplicationWorkflowInput };
export type ApplicationOutcome = 'completed' | 'annulled' | 'withdrawn';

export async function connectionApplicationWorkflow(input: ApplicationWorkflowInput): Promise<ApplicationOutcome> {
  const run = new CaseRun(input);
  run.listen();

  // 1. The application is registered with its number and date; the supplier of last resort is told.
  await run.enterStage('registered', { type: 'submitted', title: 'Заявка подана и зарегистрирована', actor: { ...input.applicant, role: 'applicant' } }, {
    docs: ['registrationReceipt'],
    tellStaff: `Новая заявка ${input.number}: ${input.object.name}, ${input.object.maxPowerKw} кВт.`,
    supplier: `Зарегистрирована заявка ${input.number} на технологическое присоединение: ${input.object.name}, ${input.object.address}, ${input.object.maxPowerKw} кВт.`,
  });

  // 2. Completeness check (grid, 3 working days); 2а. missing data from the applicant (20 working days) or annulment.
  await run.enterStage('completenessCheck', { type: 'check-started', title: 'Заявка передана на проверку полноты сведений' }, { term: 'completenessCheck' });
  for (;;) {
    const check = await run.gridActs(['acceptComplete', 'requestMissingData']);
    if (check.name === 'withdraw') return withdraw(run, check);
    if (check.name === 'acceptComplete') {
      // 3. The grid prepares the contract terms, ТУ, invoice and instructions (10 working days from a complete application).
      await run.enterStage('preparingDocuments', { ticket: check, type: 'accepted', title: 'Заявка принята как полная' }, { term: 'postContractDocuments' });
      break;
    }
    await run.enterStage('awaitingMissingData', { ticket: check, type: 'missing-data-requested', title: 'Запрошены недостающие сведения и документы' }, {
      term: 'supplyMissingData',
      docs: ['missingDataNotice'],
    });
    const supplied = await run.waitFor(['supplyMissingData'], { remind: 'applicant' });
    if (supplied === 'deadline') return annul(run, 'missingData');
    if (supplied.name === 'withdraw') return withdraw(run, supplied);
    await run.enterStage('completenessCheck', { ticket: supplied, type: 'missing-data-supplied', title: 'Заявитель представил недостающие сведения' }, {
      term: 'completenessCheck',
      tellStaff: `По заявке ${input.number} представлены недостающие сведения: проверьте полноту.`,
    });
  }

  const posted = await run.gridActs(['postContractDocuments']);
  if (posted.name === 'withdraw') return withdraw(run, posted);
  // The ТУ term depends on the construction the grid found necessary.
  const tuTerm = tuFulfilmentTermKey({
    voltageKv: input.object.voltageKv,
    distanceM: input.object.distanceM,
    territory: input.object.territory,
    constructionNeeded: posted.request.input.constructionNeeded === true,
    maxPowerKw: input.object.maxPowerKw,
  });

  // 4. Payment of the invoice is the acceptance: the contract is concluded on the payment day (5 working days, 15 for public buyers).
  await run.enterStage('awaitingPayment', { ticket: posted, type: 'documents-posted', title: 'Размещены условия договора, технические условия, счёт и инструкция' }, {
    term: input.publicBuyer ? 'payInvoicePublicBuyer' : 'payInvoice',
    docs: ['contractTerms', 'technicalConditions', 'invoice', 'instructions'],
    docFields: { tuTerm: input.terms[tuTerm] },
  });
  const paid = await run.waitFor(['payInvoice', 'confirmPayment'], { remind: 'applicant' });
  if (paid === 'deadline') return annul(run, 'unpaid');
  if (paid.name === 'withdraw') return withdraw(run, paid);
  run.markContractConcluded();

  // 5–6. Both sides carry out the ТУ within the term that follows from the application.
  await run.enterStage('tuFulfilment', { ticket: paid, type: 'paid', title: 'Счёт оплачен, договор заключён' }, {
    term: tuTerm,
    docs: ['paymentConfirmation'],
    supplier: `По заявке ${input.number} заключён договор об осуществлении технологического присоединения.`,
  });
  for (;;) {
    const done = await run.gridActs(['reportTuDone'], 'applicant');
    if (done.name === 'withdraw') return withdraw(run, done);
    // 7. The grid checks the fulfilment of the ТУ (inspection).
    await run.enterStage('inspection', { ticket: done, type: 'tu-done-reported', title: 'Заявитель сообщил о выполнении своей части ТУ' }, {
      term: 'inspection',
      tellStaff: `По заявке ${input.number} заявитель выполнил ТУ: назначьте осмотр.`,
    });
    const inspected = await run.gridActs(['recordInspection']);
    if (inspected.name === 'withdraw') return withdraw(run, inspected);
    if (inspected.request.input.passed === true) {
      // 8. Actual connection and admission of the meter.
      await run.enterStage('actualConnection', { ticket: inspected, type: 'inspection-passed', title: 'Осмотр проведён, замечаний нет' }, { term: 'actualConnection', docs: ['inspectionAct'] });
      break;
    }
    // Remarks send the case back to ТУ fulfilment; the ТУ term still runs from the contract.
    await run.enterStage('tuFulfilment', { ticket: inspected, type: 'inspection-failed', title: 'По результатам осмотра есть замечания' }, { keepDeadline: true, docs: ['inspectionAct'] });
  }

  const connected = await run.gridActs(['recordConnection']);
  if (connected.name === 'withdraw') return withdraw(run, connected);
  // 9. The act on technological connection; the supplier of last resort starts supply from it.
  await run.enterStage('actPosting', { ticket: connected, type: 'connected', title: 'Фактическое присоединение выполнено, прибор учёта допущен' }, {
    term: 'actPosting',
    docs: ['meterAdmissionAct'],
    supplier: `По заявке ${input.number} выполнено фактическое присоединение, прибор учёта допущен в эксплуатацию.`,
  });
  const act = await run.gridActs(['issueAct']);
  if (act.name === 'withdraw') return withdraw(run, act);
  await run.enterStage('completed', { ticket: act, type: 'act-issued', title: 'Акт об осуществлении технологического присоединения выдан' }, {
    docs: ['connectionAct'],
    supplier: `По заявке ${input.number} оформлен акт об осуществлении технологического присоединения: начните поставку электроэнергии.`,
  });
  await run.close();
  return 'completed';
}

async function annul(run: CaseRun, reason: AnnulReason): Promise<ApplicationOutcome> {
  run.snapshot.annulReason = ANNUL_REASONS[reason];
  await run.enterStage('annulled', { type: 'annulled', title: `Заявка аннулирована: ${ANNUL_REASONS[reason].toLowerCase()}` }, {
    docs: ['annulmentNotice'],
    docFields: { reason: ANNUL_REASONS[reason] },
    supplier: `Заявка ${run.input.number} аннулирована: ${ANNUL_REASONS[reason].toLowerCase()}.`,
  });
  await run.close();
  return 'annulled';
}

async function withdraw(run: CaseRun, ticket: Ticket<ActionName>): Promise<ApplicationOutcome> {
  await run.enterStage('withdrawn', { ticket, type: 'withdrawn', title: 'Заявка отозвана заявителем' }, { docs: ['withdrawalNotice'] });
  await run.close();
  return 'withdrawn';
}
