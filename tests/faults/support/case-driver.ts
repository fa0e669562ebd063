// Cases driven through the real API as applicants and staff would drive them,
// while something underneath is broken. The driver looks at where a case is
// and takes the step that stage needs, so a call lost to a fault is simply
// taken again: a step already done is refused (the stage moved on) and the
// driver reads the stage anew. Calls that fail because a component is down
// (503, no answer) are repeated until the scenario's deadline.
import { randomUUID } from 'node:crypto';
import { TRPCClientError } from '@trpc/client';
import { DEMO_ACCOUNTS } from '../../../db/seed-demo';
import type { AppealStage } from '../../../domain/appeal';
import type { Stage } from '../../../domain/application';
import { apiClient } from '../../support/api-client';
import { completeIndividualForm, newDraftId } from '../../support/applications';
import { invoiceOf } from '../../support/invoice-input';

export type CabinetClient = ReturnType<typeof apiClient>;

/** Every failed call the driver met, by HTTP status ('no answer' when none came), with the Russian message of each 503. */
export class CallLog {
  readonly failures = new Map<string, number>();
  readonly unavailableMessages = new Set<string>();

  record(error: unknown): void {
    const status = statusOf(error);
    this.failures.set(status, (this.failures.get(status) ?? 0) + 1);
    if (status === '503' && error instanceof Error) this.unavailableMessages.add(error.message);
  }

  count(status: string): number {
    return this.failures.get(status) ?? 0;
  }

  get total(): number {
    return [...this.failures.values()].reduce((a, b) => a + b, 0);
  }
}

function statusOf(error: unknown): string {
  if (error instanceof TRPCClientError) {
    const status = (error.data as { httpStatus?: number } | undefined)?.httpStatus;
    return status ? String(status) : 'no answer';
  }
  const upload = error instanceof Error ? /upload failed: (\d{3})/.exec(error.message) : null;
  return upload ? upload[1]! : 'no answer';
}

/** A refusal by the rules (wrong stage, bad input): repeating the same call cannot help. */
function isRefusal(error: unknown): boolean {
  const status = Number(statusOf(error));
  return status >= 400 && status < 500 && status !== 408 && status !== 429;
}

export class CaseDriver {
  readonly calls = new CallLog();
  private staff: CabinetClient | undefined;

  constructor(
    private readonly appUrl: string,
    private readonly deadline: number,
    /** Think time before each step, as a person takes: keeps the cases moving long enough for a scenario's faults to hit them. */
    private readonly paceMs = 0,
  ) {}

  private pause(): Promise<void> {
    return new Promise((r) => setTimeout(r, this.paceMs));
  }

  private client(): CabinetClient {
    return apiClient({ appUrl: this.appUrl });
  }

  /** Repeats a call that failed for want of a component until it succeeds; refusals go to the caller. */
  async persist<T>(what: string, call: () => Promise<T>): Promise<T> {
    for (;;) {
      try {
        return await call();
      } catch (error) {
        if (isRefusal(error)) throw error;
        this.calls.record(error);
        if (Date.now() > this.deadline) throw new Error(`${what}: still failing at the deadline (${error instanceof Error ? error.message : String(error)})`);
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
  }

  async loggedIn(email: string, password: string): Promise<CabinetClient> {
    const client = this.client();
    await this.persist(`login ${email}`, () => client.auth.login.mutate({ email, password }));
    return client;
  }

  private async operator(): Promise<CabinetClient> {
    const account = DEMO_ACCOUNTS.find((a) => a.role === 'staff')!;
    this.staff ??= await this.loggedIn(account.email, account.password);
    return this.staff;
  }

  async fileApplication(applicant: { email: string; password: string }): Promise<DrivenCase> {
    const client = await this.loggedIn(applicant.email, applicant.password);
    const form = await this.persist('uploads', () => completeIndividualForm(client));
    const draftId = newDraftId();
    // The draft id makes a repeated submission find the same application.
    const filed = await this.persist('submit', () => client.applications.submit.mutate({ draftId, form }));
    return { kind: 'application', id: filed.id, number: filed.number, email: applicant.email, client };
  }

  async fileAppeal(applicant: { email: string; password: string }): Promise<DrivenCase> {
    const client = await this.loggedIn(applicant.email, applicant.password);
    const id = randomUUID();
    const form = { topic: 'metering' as const, kind: 'question' as const, text: 'Когда заменят прибор учёта на опоре у дома?' };
    const filed = await this.persist('file appeal', () => client.appeals.create.mutate({ id, form }));
    return { kind: 'appeal', id, number: filed.number, email: applicant.email, client };
  }

  /** Takes the case to its end; returns the final stage. */
  drive(c: DrivenCase): Promise<string> {
    return c.kind === 'application' ? this.driveApplication(c) : this.driveAppeal(c);
  }

  private async driveApplication(c: DrivenCase): Promise<string> {
    const staff = await this.operator();
    const read = async () => (await this.persist(`read ${c.number}`, () => c.client.applications.get.query({ id: c.id }))).summary.stage;
    let stage: Stage = await read();
    while (stage !== 'completed') {
      this.checkDeadline(c, stage);
      const steps = APPLICATION_STEPS[stage];
      if (!steps) {
        await new Promise((r) => setTimeout(r, 500));
        stage = await read();
        continue;
      }
      // A stage may wait for both sides (the connection term: the applicant's and the grid's parts of the ТУ);
      // a part already done is refused and the next one is taken.
      const at = stage;
      for (const step of [steps].flat()) {
        await this.pause();
        try {
          const view =
            step.by === 'staff'
              ? await this.persist(`${step.action} ${c.number}`, () => staff.staffApplications.act.mutate({ id: c.id, action: step.action, input: step.input }))
              : await this.persist(`${step.action} ${c.number}`, () => c.client.applications.act.mutate({ id: c.id, action: step.action, input: step.input }));
          stage = view.stage as Stage;
        } catch (error) {
          if (!isRefusal(error)) throw error;
          stage = await read(); // overtaken by a repeat of the same step
        }
        if (stage !== at) break;
      }
    }
    return stage;
  }

  private async driveAppeal(c: DrivenCase): Promise<string> {
    const staff = await this.operator();
    const read = async () => (await this.persist(`read ${c.number}`, () => c.client.appeals.get.query({ id: c.id }))).summary.stage as AppealStage;
    let stage = await read();
    while (stage !== 'closed') {
      this.checkDeadline(c, stage);
      const step = APPEAL_STEPS[stage];
      if (!step) {
        // Answered: the appeal closes by itself when its (shrunk) auto-close term runs out.
        await new Promise((r) => setTimeout(r, 1000));
        stage = await read();
        continue;
      }
      await this.pause();
      try {
        stage = (await this.persist(`${step.action} ${c.number}`, () => staff.staffAppeals.act.mutate({ id: c.id, action: step.action, input: step.input }))).stage;
      } catch (error) {
        if (!isRefusal(error)) throw error;
        stage = await read();
      }
    }
    return stage;
  }

  private checkDeadline(c: DrivenCase, stage: string): void {
    if (Date.now() > this.deadline) throw new Error(`${c.number} is still in ${stage} at the deadline`);
  }
}

export interface DrivenCase {
  kind: 'application' | 'appeal';
  id: string;
  number: string;
  email: string;
  client: CabinetClient;
}

type ApplicationStep =
  | { by: 'staff'; action: 'acceptComplete' | 'postContractDocuments' | 'recordGridTuDone' | 'recordInspection' | 'recordConnection' | 'issueAct'; input: object }
  | { by: 'applicant'; action: 'payInvoice' | 'reportTuDone'; input: object };

/** The happy path of a connection: the step (or the steps of both sides) each stage waits for. */
const APPLICATION_STEPS: Partial<Record<Stage, ApplicationStep | ApplicationStep[]>> = {
  completenessCheck: { by: 'staff', action: 'acceptComplete', input: { comment: 'Сведения полные' } },
  preparingDocuments: {
    by: 'staff',
    action: 'postContractDocuments',
    input: { ...invoiceOf(48_000), tuRequirements: 'Установить прибор учёта на границе участка', connectionPoint: 'Опора № 3 ВЛ-0,4 кВ', constructionNeeded: false, comment: '' },
  },
  awaitingPayment: { by: 'applicant', action: 'payInvoice', input: {} },
  tuFulfilment: [
    { by: 'applicant', action: 'reportTuDone', input: { comment: 'Прибор учёта установлен' } },
    { by: 'staff', action: 'recordGridTuDone', input: { comment: 'Мероприятия сетевой организации выполнены' } },
  ],
  inspection: { by: 'staff', action: 'recordInspection', input: { passed: true, remarks: '', comment: '' } },
  actualConnection: { by: 'staff', action: 'recordConnection', input: { meterNumber: '011552123456789', meterType: 'Меркурий 201.8', comment: '' } },
  actPosting: { by: 'staff', action: 'issueAct', input: { comment: 'Акт подписан' } },
};

const APPEAL_STEPS: Partial<Record<AppealStage, { action: 'take' | 'answer'; input: object }>> = {
  registered: { action: 'take', input: { comment: '' } },
  assigned: { action: 'answer', input: { text: 'Замена прибора учёта назначена на следующую неделю.', comment: '' } },
};

/** Drives every case at once; a case that does not finish by the deadline is reported, not thrown. */
export async function driveAll(driver: CaseDriver, cases: DrivenCase[]): Promise<{ finished: DrivenCase[]; unfinished: Array<{ c: DrivenCase; reason: string }> }> {
  const results = await Promise.allSettled(cases.map((c) => driver.drive(c)));
  const finished: DrivenCase[] = [];
  const unfinished: Array<{ c: DrivenCase; reason: string }> = [];
  results.forEach((r, i) => (r.status === 'fulfilled' ? finished.push(cases[i]!) : unfinished.push({ c: cases[i]!, reason: String(r.reason) })));
  for (const u of unfinished) console.warn(`unfinished ${u.c.number}: ${u.reason}`);
  return { finished, unfinished };
}
