// The schedule from a CSV file (or pasted text). The server checks every row;
// one bad row and nothing is saved, and the report names line, column and fault.
import { createSignal, onCleanup, Show } from 'solid-js';
import { OUTAGE_CSV_COLUMNS, type RowError } from '../../../../../domain/outages';
import { outageCsvTemplate } from '../../../features/outages/outages';
import { describeApiError, trpc } from '../../../trpc';
import { ColumnsHelp, FileSource, ImportErrors, readImportFile } from '../../../components/ImportParts';
import { Alert, Button, buttonClass, Card, type Column } from '../../../ui';
import { pluralRu } from '../../../ui/format';

const COLUMN_HELP: Record<(typeof OUTAGE_CSV_COLUMNS)[number], string> = {
  Район: 'муниципальный район или городской округ',
  'Населённый пункт': 'город, посёлок, деревня или СНТ, как его ищут жители: «г. Истра», «СНТ «Ромашка»»',
  'Улицы и дома': 'улицы через «;», дома после двоеточия через запятую, диапазон через тире: «ул. Садовая: 1, 3, 5–9; ул. Лесная» (без домов — вся улица); поле с «;» заключите в кавычки',
  Дата: 'ДД.ММ.ГГГГ',
  Начало: 'ЧЧ:ММ, московское время',
  Окончание: 'ЧЧ:ММ, московское время, позже начала',
  Причина: 'что за работы, например «Замена опор ВЛ-0,4 кВ»',
  'Объект сети': 'линия или подстанция, например «ВЛ-0,4 кВ Ф-3 от ТП-112»',
};

type Outcome = { kind: 'imported'; count: number } | { kind: 'refused'; errors: RowError[] } | { kind: 'failed'; message: string };

const narrow = <K extends Outcome['kind']>(o: Outcome | null, kind: K) => (o?.kind === kind ? (o as Extract<Outcome, { kind: K }>) : null);

const ERROR_COLUMNS: Column<RowError>[] = [
  { header: 'Строка', cell: (e) => e.line },
  { header: 'Столбец', cell: (e) => e.column || 'вся строка' },
  { header: 'Ошибка', cell: (e) => e.message },
];

export function ImportCard(props: { onImported: () => void }) {
  const [content, setContent] = createSignal('');
  const [fileName, setFileName] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [outcome, setOutcome] = createSignal<Outcome | null>(null);
  let fileInput: HTMLInputElement | undefined;
  const imported = () => narrow(outcome(), 'imported');
  const refused = () => narrow(outcome(), 'refused');
  const failed = () => narrow(outcome(), 'failed');

  // The BOM lets Excel open the UTF-8 template with its Cyrillic intact.
  const templateUrl = URL.createObjectURL(new Blob(['\ufeff', outageCsvTemplate()], { type: 'text/csv;charset=utf-8' }));
  onCleanup(() => URL.revokeObjectURL(templateUrl));

  async function onFile(file: File | undefined) {
    setOutcome(null);
    if (!file) return;
    setFileName(file.name);
    setContent(await readImportFile(file));
  }

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (busy()) return;
    if (!content().trim()) {
      setOutcome({ kind: 'failed', message: 'Выберите файл CSV или вставьте его содержимое.' });
      return;
    }
    setBusy(true);
    setOutcome(null);
    try {
      const result = await trpc.outages.import.mutate({ csv: content() });
      if (result.errors.length) {
        setOutcome({ kind: 'refused', errors: result.errors });
        return;
      }
      setOutcome({ kind: 'imported', count: result.imported });
      setContent('');
      setFileName(null);
      if (fileInput) fileInput.value = '';
      props.onImported();
    } catch (error) {
      const { message, fieldErrors } = describeApiError(error);
      setOutcome({ kind: 'failed', message: fieldErrors.csv?.[0] ?? message });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title="Загрузить график из CSV">
      <form class="stack" novalidate onSubmit={submit}>
        <p class="muted" style={{ margin: 0 }}>
          Каждая строка файла — одно отключение. Если в файле есть ошибка, не загружается ни одна строка: исправьте файл и загрузите его целиком.
        </p>
        <FileSource
          ref={(input) => (fileInput = input)}
          id="outage-file"
          contentId="outage-csv"
          label="Файл CSV"
          accept=".csv,text/csv"
          fileName={fileName()}
          content={content()}
          onFile={(file) => void onFile(file)}
          onContent={(v) => (setContent(v), setOutcome(null))}
        />
        <ColumnsHelp columns={OUTAGE_CSV_COLUMNS} help={COLUMN_HELP} />
        <div class="cluster">
          <Button type="submit" loading={busy()}>
            Загрузить
          </Button>
          <a class={buttonClass('secondary')} href={templateUrl} download="шаблон-графика-отключений.csv">
            Скачать шаблон CSV
          </a>
        </div>
      </form>

      <Show when={outcome()}>
        <div class="stack" style={{ 'margin-top': 'var(--space-4)' }}>
          <Show when={imported()}>
            {(ok) => (
              <Alert tone="success" title="График загружен">
                <p style={{ margin: 0 }}>Загружено: {ok().count}. Подписчики получат предупреждения по этим адресам.</p>
              </Alert>
            )}
          </Show>
          <Show when={refused()}>
            {(bad) => (
              <>
                <Alert tone="error" title="График не загружен: ничего не сохранено">
                  <p style={{ margin: 0 }}>
                    В файле {bad().errors.length} {pluralRu(bad().errors.length, ['ошибка', 'ошибки', 'ошибок'])}. Ни одна строка не сохранена — исправьте файл и загрузите его снова.
                  </p>
                </Alert>
                <ImportErrors columns={ERROR_COLUMNS} errors={bad().errors} class="table--compact outage-errors" />
              </>
            )}
          </Show>
          <Show when={failed()}>
            {(f) => (
              <Alert tone="error" title="График не загружен">
                <p style={{ margin: 0 }}>{f().message}</p>
              </Alert>
            )}
          </Show>
        </div>
      </Show>
    </Card>
  );
}
