// The supplier of last resort's own page (issue 18 item 5): only the cases the
// grid handed over to its organisation, each with what the supplier needs to
// prepare the supply contract and its own term (п.105 of Rules 861 ◐), and the
// posting of the draft contract: the PDF (the application-file upload rules),
// payment requisites and the account number. Nothing else of the cabinet.
import { createResource, createSignal, For, Show } from 'solid-js';
import { postSupplyContractSchema } from '../../../../domain/supply-contract';
import { REGULATIONS } from '../../../../domain/regulations';
import { Loaded } from '../../components/Loaded';
import { describeApiError, trpc, type RouterOutputs } from '../../trpc';
import { Alert, Button, Card, EmptyState, Fact, Facts, Field, PageHeader, StatusChip } from '../../ui';
import { formatDate, formatDateTime } from '../../ui/format';
import { uploadSupplyContract, UploadError } from '../../uploads';

type SupplierCase = RouterOutputs['supplier']['cases']['cases'][number];

const STAGE_LABELS: Record<SupplierCase['stage'], string> = {
  draftContract: 'Ожидается проект договора',
  contractPosted: 'Проект договора размещён',
  cancelled: 'Прекращено',
};

function PostContract(props: { case: SupplierCase; onPosted: () => void }) {
  const id = props.case.id;
  const [file, setFile] = createSignal<File | null>(null);
  const [requisites, setRequisites] = createSignal('');
  const [account, setAccount] = createSignal('');
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [problem, setProblem] = createSignal('');
  const [busy, setBusy] = createSignal(false);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    setProblem('');
    const found: Record<string, string> = {};
    if (!file()) found.fileId = 'Выберите файл проекта договора (PDF)';
    const checked = postSupplyContractSchema.omit({ fileId: true }).safeParse({ paymentRequisites: requisites(), accountNumber: account() });
    if (!checked.success) for (const issue of checked.error.issues) found[String(issue.path[0])] ??= issue.message;
    setErrors(found);
    if (Object.keys(found).length > 0 || !checked.success) return;
    setBusy(true);
    try {
      const uploaded = await uploadSupplyContract(file()!);
      await trpc.supplier.postContract.mutate({ id, fileId: uploaded.id, ...checked.data });
      props.onPosted();
    } catch (error) {
      setProblem(error instanceof UploadError ? error.message : describeApiError(error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="stack" novalidate onSubmit={(e) => void submit(e)} aria-label={`Проект договора по заявке ${props.case.number}`}>
      <div class="field">
        <label class="field__label" for={`contract-file-${id}`}>
          Проект договора энергоснабжения (PDF, подписанный квалифицированной электронной подписью)
        </label>
        <input
          id={`contract-file-${id}`}
          class="field__control"
          type="file"
          accept=".pdf,application/pdf"
          aria-invalid={errors().fileId ? 'true' : undefined}
          aria-describedby={errors().fileId ? `contract-file-${id}-error` : undefined}
          onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
        />
        <Show when={errors().fileId}>
          <p id={`contract-file-${id}-error`} class="field__error">
            {errors().fileId}
          </p>
        </Show>
      </div>
      <Field id={`requisites-${id}`} label="Платёжные реквизиты гарантирующего поставщика" multiline rows={3} maxLength={2000} required value={requisites()} onValue={setRequisites} error={errors().paymentRequisites} />
      <Field id={`account-${id}`} label="Номер лицевого счёта потребителя" maxLength={30} required value={account()} onValue={setAccount} error={errors().accountNumber} />
      <Show when={problem()}>
        <Alert tone="error">{problem()}</Alert>
      </Show>
      <div>
        <Button type="submit" disabled={busy()}>
          {busy() ? 'Размещаем…' : 'Разместить проект договора'}
        </Button>
      </div>
    </form>
  );
}

export default function SupplierCases() {
  const [data, { refetch }] = createResource(() => trpc.supplier.cases.query());
  const term = REGULATIONS.supplierDraftContract;
  const handover = REGULATIONS.supplierHandover;
  return (
    <>
      <PageHeader
        title="Заявки, переданные гарантирующему поставщику"
        description={
          <>
            Проект договора энергоснабжения, платёжные реквизиты и номер лицевого счёта размещаются в личном кабинете заявителя в течение {term.amount} рабочих дней со дня передачи заявки ({term.source}, {term.mark}). Срок передачи заявки сетевой организацией — {handover.from} ({handover.mark} проверить: настраивается).
          </>
        }
      />
      <Loaded resource={data} loadError="Не удалось загрузить переданные заявки" loading="Загружаем переданные заявки">
        {(value) => (
          <div class="stack">
            <p class="muted">Организация: {value().supplierName}</p>
            <Show when={value().cases.length > 0} fallback={<EmptyState title="Переданных заявок пока нет">Заявки появятся здесь, когда сетевая организация их зарегистрирует.</EmptyState>}>
              <For each={value().cases}>
                {(c) => (
                  <Card title={`Заявка ${c.number}`}>
                    <div class="cluster">
                      <StatusChip tone={c.stage === 'contractPosted' ? 'success' : c.stage === 'cancelled' ? 'neutral' : c.late ? 'danger' : 'info'}>{STAGE_LABELS[c.stage]}</StatusChip>
                      <Show when={c.late}>
                        <StatusChip tone="danger">Срок гарантирующего поставщика пропущен</StatusChip>
                      </Show>
                    </div>
                    <Facts>
                      <Fact term="Заявитель">{c.applicantName}</Fact>
                      <Fact term="Объект">{c.objectName}</Fact>
                      <Fact term="Адрес">{c.objectAddress}</Fact>
                      <Fact term="Максимальная мощность">{c.maxPowerKw} кВт</Fact>
                      <Fact term="Категория">{c.category}</Fact>
                      <Fact term="Заявка зарегистрирована">{formatDate(c.submittedAt)}</Fact>
                      <Fact term="Передана вам">{formatDateTime(c.handedOverAt)}</Fact>
                      <Fact term="Срок размещения проекта договора">до {formatDateTime(c.deadlineAt)}</Fact>
                      <Show when={c.posted}>{(p) => <Fact term="Проект договора размещён">{`${formatDateTime(p().at)}, «${p().filename}», лицевой счёт ${p().accountNumber}`}</Fact>}</Show>
                      <Show when={c.cancelledAt}>{(at) => <Fact term="Заявка отозвана или аннулирована, либо дело завершено">{formatDateTime(at())}</Fact>}</Show>
                    </Facts>
                    <Show when={c.stage === 'draftContract'}>
                      <PostContract case={c} onPosted={() => void refetch()} />
                    </Show>
                  </Card>
                )}
              </For>
            </Show>
          </div>
        )}
      </Loaded>
    </>
  );
}
