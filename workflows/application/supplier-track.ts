// The supplier of last resort's part of a connection case (п.105 of Rules 861 as
// amended by ПП 262, ◐; domain/procedures/supplier.ts), since patch
// 'supplier-track'. At registration the grid hands the application over to the
// chosen гарантирующий поставщик (automatically, within the configurable ❓ term
// «supplierHandover», by default the day of registration); the handover starts
// the supplier's own clock to post its draft supply contract (10 wd ◐). The
// track runs beside the procedure and never holds it: a missed term is the
// supplier's alone (never the grid's overdue flag, never the applicant's), and
// notifies the supplier and grid staff. Withdrawal or annulment cancels the
// track and tells the supplier; the act ends it with the case. The workflow ends only after the track has.
import { condition, defineUpdate, setHandler, ApplicationFailure } from '@temporalio/workflow';
import { z } from 'zod';
import { actionsFor, openIn, performs, REFUSAL_BY } from '../../domain/procedures/table';
import { SUPPLIER_PROCEDURE } from '../../domain/procedures/supplier';
import { postSupplyContractSchema, type SupplierTrackState } from '../../domain/supply-contract';
import type { CaseEventRecord, ActionRequest, CaseView } from '../case/contract';
import { computeDeadline } from '../case/deadline';
import { caseActivities } from '../case/machine';
import { formatInstant } from '../case/notices';
import type { ApplicationSnapshot, ApplicationWorkflowInput } from './contract';

const { informSupplier, attachSupplyContract } = caseActivities;

/** The Update the supplier posts its draft with; its input carries the supplier the API found on the account (checked again here). */
export const postSupplyContractUpdate = defineUpdate<CaseView<string>, [ActionRequest<unknown>]>('postSupplyContract');

/** The workflow's own schema (per workflow, never shared): the form's fields and the poster's organisation. */
const updateInputSchema = postSupplyContractSchema.extend({ supplierId: z.string().min(1, 'Не указан гарантирующий поставщик') });

/** What the track needs of its case (workflows/application/connection-case.ts provides it). */
export interface SupplierTrackHost {
  readonly input: ApplicationWorkflowInput;
  readonly snapshot: ApplicationSnapshot;
  recordEvent(type: string, title: string, data: Record<string, unknown>, actor?: CaseEventRecord['actor'], comment?: string): Promise<number>;
  notify(key: string, to: 'applicant' | 'staff', title: string, body: string, deadlineAt?: number | null): Promise<void>;
  view(): CaseView<string>;
}

export const supplierNotices = {
  handedOver: (name: string) => `Заявка передана гарантирующему поставщику (${name})`,
  handedOverBody: (i: ApplicationWorkflowInput, deadlineAt: number) =>
    `Сетевая организация передала вам заявку ${i.number} на технологическое присоединение: ${i.object.name}, ${i.object.address}, ${i.object.maxPowerKw} кВт. Разместите проект договора энергоснабжения (с квалифицированной электронной подписью), платёжные реквизиты и номер лицевого счёта в личном кабинете гарантирующего поставщика до ${formatInstant(deadlineAt)} (п. 105 Правил).`,
  posted: 'Гарантирующий поставщик разместил проект договора энергоснабжения',
  postedApplicant: (name: string) => `${name} разместил проект договора энергоснабжения, платёжные реквизиты и номер лицевого счёта. Документ — на странице заявки.`,
  lateTitle: 'Гарантирующий поставщик не разместил проект договора энергоснабжения в срок (просрочка гарантирующего поставщика)',
  lateSupplier: (number: string, deadlineAt: number) =>
    `Срок размещения проекта договора энергоснабжения по заявке ${number} истёк ${formatInstant(deadlineAt)}. Разместите проект в личном кабинете гарантирующего поставщика.`,
  lateStaff: (number: string, name: string, deadlineAt: number) =>
    `${number}: ${name} не разместил проект договора энергоснабжения до ${formatInstant(deadlineAt)}. Это просрочка гарантирующего поставщика, не сетевой организации и не заявителя.`,
  cancelledTitle: 'Передача заявки гарантирующему поставщику прекращена',
  cancelled: (number: string, why: string) => `Заявка ${number} ${why}: проект договора энергоснабжения по ней не нужен.`,
} as const;

export class SupplierTrack {
  /** Bumped when the track changes, so the watcher wakes. */
  private version = 0;
  /** A post being recorded: the workflow does not end under an Update still answering. */
  private recording = 0;

  private constructor(private readonly host: SupplierTrackHost) {}

  private get state(): SupplierTrackState {
    return this.host.snapshot.supplierTrack!;
  }

  /**
   * The handover at registration: recorded in the history (the grid's act, on
   * time by construction), the supplier's term computed on the production
   * calendar and the supplier told. The Update handler is registered here.
   */
  static async handOver(host: SupplierTrackHost): Promise<SupplierTrack> {
    const track = new SupplierTrack(host);
    const i = host.input;
    const at = Date.now();
    const deadlineAt = await computeDeadline(at, i.terms.supplierDraftContract);
    host.snapshot.supplierTrack = { supplierId: i.supplier.id, supplierName: i.supplier.name, stage: 'draftContract', handedOverAt: at, deadlineAt, late: false, posted: null, cancelledAt: null };
    setHandler(postSupplyContractUpdate, (request) => track.receive(request), { validator: (request) => track.validate(request) });
    const seq = await host.recordEvent('supplier-handover', supplierNotices.handedOver(i.supplier.name), { supplierId: i.supplier.id, deadlineAt, term: 'supplierDraftContract' });
    await informSupplier({ key: `${i.applicationId}:${seq}:supplier-handover`, supplierEmail: i.supplier.email, caseNumber: i.number, title: supplierNotices.handedOver(i.supplier.name), body: supplierNotices.handedOverBody(i, deadlineAt) });
    void track.watch();
    return track;
  }

  /** Synchronous, as Update validators must be: the table decides who and when, then this case's supplier and the input. */
  private validate(request: ActionRequest<unknown>): void {
    const refusal = this.refusal(request);
    if (refusal) throw new Error(refusal);
  }

  private refusal(request: ActionRequest<unknown>): string | null {
    const row = SUPPLIER_PROCEDURE.actions.postSupplyContract;
    if (!openIn(SUPPLIER_PROCEDURE, this.state.stage, 'postSupplyContract')) {
      return this.state.stage === 'contractPosted' ? 'Проект договора энергоснабжения уже размещён' : 'Заявка отозвана или аннулирована: проект договора не нужен';
    }
    if (!performs(row.by, request.actor.role) || actionsFor(SUPPLIER_PROCEDURE, this.state.stage, { id: request.actor.id, role: request.actor.role as 'supplier' }).length === 0) return REFUSAL_BY.supplier;
    const parsed = updateInputSchema.safeParse(request.input);
    if (!parsed.success) return parsed.error.issues.map((x) => x.message).join('; ');
    if (parsed.data.supplierId !== this.host.input.supplier.id) return 'Заявка передана другому гарантирующему поставщику';
    return null;
  }

  private async receive(request: ActionRequest<unknown>): Promise<CaseView<string>> {
    // Checked again: another post may have been applied since the validator ran.
    const refusal = this.refusal(request);
    if (refusal) throw ApplicationFailure.nonRetryable(refusal, 'ActionRefused');
    const input = updateInputSchema.parse(request.input);
    this.recording++;
    try {
      const i = this.host.input;
      // The uploaded PDF becomes a document of the case (the applicant downloads it from the case's documents).
      const doc = await attachSupplyContract({ documentId: input.fileId, applicationId: i.applicationId });
      const at = Date.now();
      const late = at > this.state.deadlineAt;
      this.state.stage = 'contractPosted';
      this.state.posted = { fileId: input.fileId, paymentRequisites: input.paymentRequisites, accountNumber: input.accountNumber, at, by: { id: request.actor.id, name: request.actor.name }, filename: doc.filename };
      this.version++;
      const seq = await this.host.recordEvent('supply-contract-posted', supplierNotices.posted, { documentId: input.fileId, accountNumber: input.accountNumber, late }, request.actor);
      await this.host.notify(`${i.applicationId}:${seq}:supply-contract`, 'applicant', supplierNotices.posted, supplierNotices.postedApplicant(i.supplier.name));
    } finally {
      this.recording--;
    }
    return this.host.view();
  }

  /** Withdrawal or annulment: the track ends and the supplier is told (п.105; DOMAIN §3). */
  async cancel(why: string, mail: boolean): Promise<void> {
    if (this.state.stage === 'cancelled') return;
    const i = this.host.input;
    this.state.stage = 'cancelled';
    this.state.cancelledAt = Date.now();
    this.version++;
    const seq = await this.host.recordEvent('supplier-track-cancelled', supplierNotices.cancelledTitle, { why });
    if (mail) await informSupplier({ key: `${i.applicationId}:${seq}:supplier-cancelled`, supplierEmail: i.supplier.email, caseNumber: i.number, title: supplierNotices.cancelledTitle, body: supplierNotices.cancelled(i.number, why) });
  }

  /**
   * The case is closing: a withdrawn or annulled case cancels the track (an annulment already told the supplier
   * by the procedure's own notice, a withdrawal tells it here); after the act the track ends with the case
   * (the supplier heard of the act by the procedure's notice). Then a post still being recorded is awaited.
   */
  async closing(status: ApplicationSnapshot['status']): Promise<void> {
    // Withdrawal and annulment cancelled the track already (workflow.ts); this only covers a path that did not.
    if (status === 'withdrawn' || status === 'annulled') await this.cancel(status === 'withdrawn' ? 'отозвана заявителем' : 'аннулирована', status === 'withdrawn');
    // Supply starts from the act (п.105): a draft still missing then is no longer awaited; a lateness already flagged stays on record.
    else if (this.state.stage === 'draftContract') await this.cancel('исполнена: оформлен акт об осуществлении технологического присоединения', false);
    await this.ended();
  }

  /** Resolves when the draft is posted or the track is cancelled, and no post is still answering. */
  ended(): Promise<void> {
    return condition(() => this.state.stage !== 'draftContract' && this.recording === 0);
  }

  /** The supplier's durable timer: at its deadline, a draft still missing is the supplier's lateness. */
  private async watch(): Promise<void> {
    const seen = this.version;
    const left = this.state.deadlineAt - Date.now();
    if (left > 0 && (await condition(() => this.version !== seen, left))) return;
    if (this.state.stage !== 'draftContract') return;
    const i = this.host.input;
    this.state.late = true;
    const seq = await this.host.recordEvent('supplier-late', supplierNotices.lateTitle, { party: 'supplier', deadlineAt: this.state.deadlineAt, supplierId: i.supplier.id });
    await informSupplier({ key: `${i.applicationId}:${seq}:supplier-late`, supplierEmail: i.supplier.email, caseNumber: i.number, title: supplierNotices.lateTitle, body: supplierNotices.lateSupplier(i.number, this.state.deadlineAt) });
    await this.host.notify(`${i.applicationId}:${seq}:supplier-late-staff`, 'staff', `${i.number}: просрочка гарантирующего поставщика`, supplierNotices.lateStaff(i.number, i.supplier.name, this.state.deadlineAt));
  }
}
