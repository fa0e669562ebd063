// «Загрузить новый набор тарифов»: a regional decision as CSV or JSON, with the
// set's parameters (unless the JSON file carries them). Every row is checked on
// the server; one bad row and nothing is saved, and the report says where.
import { createSignal, Show } from 'solid-js';
import { TARIFF_COLUMN_HELP, TARIFF_COLUMNS, tariffCsvTemplate, type ImportFormat, type ImportProblem } from '../../../../../domain/tariff-import';
import { tariffSetMetaSchema, vatRateOn } from '../../../../../domain/tariffs';
import { ColumnsHelp, FileSource, ImportErrors, readImportFile } from '../../../components/ImportParts';
import { createForm, focusFirstInvalid } from '../../../forms';
import { describeApiError, trpc } from '../../../trpc';
import { Alert, Button, Card, Checkbox, Field, Select, type AlertTone, type Column } from '../../../ui';
import { formatDate } from '../../../ui/format';
import { download, FORMAT_OPTIONS, fileCarriesSet, numberText } from './files';

const problemColumns = (format: ImportFormat): Column<ImportProblem>[] => [
  { header: format === 'csv' ? 'Строка файла' : 'Запись', cell: (p) => p.row ?? 'весь файл' },
  { header: 'Столбец', cell: (p) => p.column ?? '—' },
  { header: 'Значение', cell: (p) => p.value ?? '—' },
  { header: 'Что не так', cell: (p) => p.message },
];

export function TariffImportCard(props: { onImported: () => void }) {
  const form = createForm({
    initial: {
      region: '',
      title: '',
      validFrom: '',
      validTo: '',
      decision: '',
      source: '',
      vatRatePercent: '',
      preferentialRatePerKw: '',
      preferentialRateVatIncluded: true,
      sample: false,
    },
    schema: tariffSetMetaSchema,
    toInput: (v) => ({
      ...v,
      validTo: v.validTo === '' ? null : v.validTo,
      vatRatePercent: numberText(v.vatRatePercent),
      preferentialRatePerKw: numberText(v.preferentialRatePerKw) ?? null,
    }),
  });
  const [format, setFormat] = createSignal<ImportFormat>('csv');
  const [content, setContent] = createSignal('');
  const [fileName, setFileName] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [notice, setNotice] = createSignal<{ tone: AlertTone; title: string; text: string } | null>(null);
  const [problems, setProblems] = createSignal<ImportProblem[]>([]);
  let formEl: HTMLFormElement | undefined;

  const setFromFile = () => fileCarriesSet(format(), content());
  const defaultVat = () => {
    const from = form.text('validFrom');
    return /^\d{4}-\d{2}-\d{2}$/.test(from) ? vatRateOn(from) : null;
  };

  async function onFile(file: File | undefined) {
    if (!file) return;
    setFileName(file.name);
    if (/\.json$/i.test(file.name)) setFormat('json');
    else if (/\.(csv|txt)$/i.test(file.name)) setFormat('csv');
    setContent(await readImportFile(file));
  }

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (busy()) return;
    setNotice(null);
    setProblems([]);
    if (!content().trim()) {
      setNotice({ tone: 'error', title: 'Нет данных', text: 'Выберите файл с тарифами или вставьте его содержимое.' });
      return;
    }
    const set = setFromFile() ? undefined : form.parse();
    if (set === null) {
      focusFirstInvalid(formEl);
      return;
    }
    setBusy(true);
    try {
      const outcome = await trpc.tariffs.import.mutate({ format: format(), content: content(), ...(set ? { set } : {}) });
      if (outcome.status === 'imported') {
        setNotice({
          tone: 'success',
          title: 'Набор тарифов загружен',
          text: `«${outcome.set.title}», ${outcome.set.region}: ставок — ${outcome.rateCount}, действует с ${formatDate(outcome.set.validFrom)}.`,
        });
        form.reset();
        setContent('');
        setFileName(null);
        props.onImported();
      } else {
        setProblems(outcome.problems);
        setNotice({ tone: 'error', title: 'Набор не загружен', text: `Найдено ошибок: ${outcome.problems.length}. Ничего не сохранено — исправьте файл и загрузите его снова.` });
      }
    } catch (error) {
      const { message, fieldErrors } = describeApiError(error);
      setNotice({ tone: 'error', title: 'Набор не загружен', text: [message, ...form.showServerErrors(fieldErrors)].join(' ') });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title="Загрузить новый набор тарифов">
      <form ref={formEl} class="stack" novalidate onSubmit={submit}>
        <p class="muted" style={{ margin: 0 }}>
          Наборы не изменяются: новое решение органа регулирования загружается новым набором и действует с указанной даты. Расчёты на более ранние даты остаются прежними.
        </p>

        <fieldset class="fieldset stack">
          <legend class="fieldset__legend">Ставки</legend>
          <FileSource
            id="tariff-file"
            contentId="tariff-content"
            label="Файл с тарифами"
            accept=".csv,.json,.txt,text/csv,application/json"
            fileName={fileName()}
            content={content()}
            onFile={(file) => void onFile(file)}
            onContent={setContent}
            before={<Select id="tariff-format" label="Формат" options={FORMAT_OPTIONS} value={format()} onValue={(v) => setFormat(v === 'json' ? 'json' : 'csv')} />}
          />
          <div class="cluster">
            <Button variant="secondary" size="small" onClick={() => download('tariffs-template.csv', tariffCsvTemplate(), 'text/csv;charset=utf-8')}>
              Скачать шаблон CSV
            </Button>
          </div>
          <ColumnsHelp columns={TARIFF_COLUMNS} help={TARIFF_COLUMN_HELP} code>
            <p class="muted small">JSON — массив таких записей или объект {'{ "set": {…параметры набора…}, "rows": [ … ] }'}.</p>
          </ColumnsHelp>
        </fieldset>

        <Show
          when={!setFromFile()}
          fallback={<Alert tone="info">Параметры набора (регион, период, решение) взяты из файла: поле «set».</Alert>}
        >
          <fieldset class="fieldset stack">
            <legend class="fieldset__legend">Параметры набора</legend>
            <div class="form-grid">
              <Field id="tariff-region" label="Регион" autocomplete="off" maxLength={200} required {...form.bindText('region')} />
              <Field id="tariff-title" label="Название набора" autocomplete="off" maxLength={300} required {...form.bindText('title')} />
            </div>
            <div class="form-grid">
              <Field id="tariff-validFrom" label="Действует с" type="date" required {...form.bindText('validFrom')} />
              <Field id="tariff-validTo" label="Действует по" type="date" hint="Пусто — до следующего набора" {...form.bindText('validTo')} />
            </div>
            <Field id="tariff-decision" label="Решение органа регулирования" hint="Например: Постановление комитета по тарифам от 20.12.2025 № 99/1" maxLength={500} required {...form.bindText('decision')} />
            <Field id="tariff-source" label="Источник ставок" multiline rows={3} maxLength={4000} required {...form.bindText('source')} />
            <div class="form-grid">
              <Field
                id="tariff-vatRatePercent"
                label="Ставка НДС, %"
                inputMode="decimal"
                autocomplete="off"
                maxLength={6}
                hint={defaultVat() ? `Пусто — ${defaultVat()!.percent} % (${defaultVat()!.source})` : 'Пусто — ставка, действующая на дату начала'}
                {...form.bindText('vatRatePercent')}
              />
              <Field
                id="tariff-preferentialRatePerKw"
                label="Льготная ставка для физических лиц до 15 кВт, ₽/кВт"
                hint="Предел платы по ПП РФ № 1178; пусто — не установлена"
                inputMode="decimal"
                autocomplete="off"
                maxLength={12}
                {...form.bindText('preferentialRatePerKw')}
              />
            </div>
            <Checkbox id="tariff-preferentialRateVatIncluded" {...form.bindCheck('preferentialRateVatIncluded')}>
              Льготная ставка указана с НДС
            </Checkbox>
            <Checkbox id="tariff-sample" {...form.bindCheck('sample')} hint="Калькулятор пометит расчёт как выполненный по образцу">
              Это образец, а не действующее решение
            </Checkbox>
          </fieldset>
        </Show>

        <Show when={notice()}>
          {(n) => (
            <Alert tone={n().tone} title={n().title}>
              <p style={{ margin: 0 }}>{n().text}</p>
            </Alert>
          )}
        </Show>
        <Show when={problems().length > 0}>
          <ImportErrors columns={problemColumns(format())} errors={problems()} />
        </Show>

        <div class="cluster">
          <Button type="submit" loading={busy()}>
            Проверить и загрузить
          </Button>
        </div>
      </form>
    </Card>
  );
}
