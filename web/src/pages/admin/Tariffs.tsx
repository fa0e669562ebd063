// «Тарифы»: the admin loads a regional decision as a new tariff set (CSV or
// JSON). Every row is checked on the server; one bad row and nothing is saved,
// and the report says which row, which column and what is wrong.
import { createResource, createSignal, For, Match, Show, Switch } from 'solid-js';
import { IMPORT_FORMATS, TARIFF_COLUMN_HELP, TARIFF_COLUMNS, tariffCsvTemplate, tariffRatesCsv, type ImportFormat, type ImportProblem } from '../../../../domain/tariff-import';
import { tariffSetMetaSchema, vatRateOn } from '../../../../domain/tariffs';
import { createForm, focusFirstInvalid, type FormValue } from '../../forms';
import { describeApiError, trpc, type RouterOutputs } from '../../trpc';
import { Alert, Button, Card, Checkbox, EmptyState, Field, Loading, PageHeader, Select, StatusChip, type AlertTone } from '../../ui';
import { formatDate, formatDateTime, formatRub } from '../../ui/format';
import '../../fees.css';
import { LoadError } from '../../components/LoadError';

type SetRow = RouterOutputs['tariffs']['list'][number];
type SetDetail = RouterOutputs['tariffs']['get'];

const FORMAT_OPTIONS = IMPORT_FORMATS.map((f) => ({ value: f, label: f === 'csv' ? 'CSV (разделитель «;» или «,»)' : 'JSON' }));

function download(name: string, text: string, type: string) {
  // The BOM lets Excel open a UTF-8 CSV with Cyrillic intact.
  const blob = new Blob([type.startsWith('text/csv') ? '\ufeff' : '', text], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Spreadsheets in Russia often save CSV in Windows-1251: UTF-8 is tried first, strictly. */
async function readText(file: File): Promise<string> {
  const bytes = await file.arrayBuffer();
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1251').decode(bytes);
  }
}

function numberText(v: FormValue): string | undefined {
  const t = typeof v === 'string' ? v.replace(/[\s\u00a0]/g, '').replace(',', '.') : '';
  return t === '' ? undefined : t;
}

/** A JSON file that carries its own set ({ "set": …, "rows": … }) needs no set fields in the form. */
function fileCarriesSet(format: ImportFormat, content: string): boolean {
  if (format !== 'json') return false;
  try {
    const data: unknown = JSON.parse(content);
    return typeof data === 'object' && data !== null && !Array.isArray(data) && 'set' in data;
  } catch {
    return false;
  }
}

function ProblemsTable(props: { problems: ImportProblem[]; format: ImportFormat }) {
  return (
    <div class="table-wrap">
      <table class="table">
        <caption class="visually-hidden">Ошибки в файле</caption>
        <thead>
          <tr>
            <th scope="col">{props.format === 'csv' ? 'Строка файла' : 'Запись'}</th>
            <th scope="col">Столбец</th>
            <th scope="col">Значение</th>
            <th scope="col">Что не так</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.problems}>
            {(p) => (
              <tr>
                <td data-label={props.format === 'csv' ? 'Строка файла' : 'Запись'}>{p.row ?? 'весь файл'}</td>
                <td data-label="Столбец">{p.column ?? '—'}</td>
                <td data-label="Значение">{p.value ?? '—'}</td>
                <td data-label="Что не так">{p.message}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}

function ImportCard(props: { onImported: () => void }) {
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
    setContent(await readText(file));
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
          <div class="form-grid">
            <Select id="tariff-format" label="Формат" options={FORMAT_OPTIONS} value={format()} onValue={(v) => setFormat(v === 'json' ? 'json' : 'csv')} />
            <div class="field">
              <label class="field__label" for="tariff-file">
                Файл с тарифами
              </label>
              <input id="tariff-file" class="field__control" type="file" accept=".csv,.json,.txt,text/csv,application/json" onChange={(e) => void onFile(e.currentTarget.files?.[0])} />
              <Show when={fileName()}>
                <div class="field__hint">Выбран файл: {fileName()}</div>
              </Show>
            </div>
          </div>
          <Field id="tariff-content" label="Или вставьте содержимое файла" multiline rows={6} spellcheck={false} value={content()} onValue={setContent} />
          <div class="cluster">
            <Button variant="secondary" size="small" onClick={() => download('tariffs-template.csv', tariffCsvTemplate(), 'text/csv;charset=utf-8')}>
              Скачать шаблон CSV
            </Button>
          </div>
          <details>
            <summary>Столбцы файла</summary>
            <ul class="rules">
              <For each={TARIFF_COLUMNS}>
                {(c) => (
                  <li>
                    <code>{c}</code> — {TARIFF_COLUMN_HELP[c]}
                  </li>
                )}
              </For>
            </ul>
            <p class="muted small">JSON — массив таких записей или объект {'{ "set": {…параметры набора…}, "rows": [ … ] }'}.</p>
          </details>
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
          <ProblemsTable problems={problems()} format={format()} />
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

function RatesOf(props: { id: string }) {
  const [detail] = createResource(() => props.id, (id) => trpc.tariffs.get.query({ id }));
  return (
    <Switch>
      <Match when={detail.state === 'errored'}>
        <Alert tone="error">{describeApiError(detail.error).message}</Alert>
      </Match>
      <Match when={detail.state === 'ready' && detail()}>
        {(d: () => SetDetail) => (
          <div class="stack" style={{ gap: 'var(--space-3)' }}>
            <div class="cluster">
              <Button variant="secondary" size="small" onClick={() => download(`tariffs-${d().validFrom}.csv`, tariffRatesCsv(d().rates), 'text/csv;charset=utf-8')}>
                Скачать ставки CSV
              </Button>
              <span class="muted small">Решение: {d().decision}</span>
            </div>
            <div class="table-wrap">
              <table class="table fee-table">
                <caption class="visually-hidden">Ставки набора «{d().title}»</caption>
                <thead>
                  <tr>
                    <th scope="col">Ставка</th>
                    <th scope="col">Для кого</th>
                    <th scope="col" class="fee-table__amount">
                      Размер
                    </th>
                    <th scope="col">НДС</th>
                    <th scope="col">Примечание</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={d().rates}>
                    {(r) => (
                      <tr>
                        <td data-label="Ставка">
                          <span class="fee-table__code">{r.item}</span> {r.itemLabel}
                        </td>
                        <td data-label="Для кого">{r.keyLabel}</td>
                        <td data-label="Размер" class="fee-table__amount">
                          {formatRub(r.rateKop / 100)} <span class="muted small">{r.unit.replace(/^₽\s*/, '')}</span>
                        </td>
                        <td data-label="НДС">{r.vatIncluded ? 'включён' : 'не включён'}</td>
                        <td data-label="Примечание">{r.note || '—'}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
          </div>
        )}
      </Match>
      <Match when={true}>
        <Loading label="Загружаем ставки…" />
      </Match>
    </Switch>
  );
}

function SetsCard(props: { sets: SetRow[] }) {
  const [open, setOpen] = createSignal<string | null>(null);
  const period = (s: SetRow) => (s.validTo ? `${formatDate(s.validFrom)} — ${formatDate(s.validTo)}` : `с ${formatDate(s.validFrom)}`);
  return (
    <div class="stack">
      <For each={props.sets}>
        {(s) => (
          <section class="card" aria-label={`${s.region}: ${s.title}`}>
            <div class="cluster" style={{ 'justify-content': 'space-between' }}>
              <div>
                <h3 style={{ margin: 0 }}>{s.title}</h3>
                <p class="muted small" style={{ margin: 0 }}>
                  {s.region} · {period(s)} · НДС {String(s.vatRatePercent).replace('.', ',')} % · ставок: {s.rateCount} · загружен {formatDateTime(s.createdAt)}
                </p>
              </div>
              <div class="cluster">
                <Show when={s.inForceToday}>
                  <StatusChip tone="success">Действует сейчас</StatusChip>
                </Show>
                <Show when={s.sample}>
                  <StatusChip tone="warning">Образец</StatusChip>
                </Show>
                <Button variant="secondary" size="small" aria-expanded={open() === s.id} onClick={() => setOpen(open() === s.id ? null : s.id)}>
                  {open() === s.id ? 'Скрыть ставки' : 'Показать ставки'}
                </Button>
              </div>
            </div>
            <Show when={open() === s.id}>
              <div style={{ 'margin-top': 'var(--space-3)' }}>
                <RatesOf id={s.id} />
              </div>
            </Show>
          </section>
        )}
      </For>
    </div>
  );
}

export default function TariffsPage() {
  const [sets, { refetch }] = createResource(() => trpc.tariffs.list.query());
  return (
    <div class="stack stack--lg">
      <PageHeader title="Тарифы" description="Ставки платы за технологическое присоединение по регионам и периодам: по ним считает калькулятор стоимости." />
      <ImportCard onImported={() => void refetch()} />
      <Card title="Наборы тарифов">
        <Switch>
          <Match when={sets.state === 'errored'}>
            <LoadError title="Не удалось загрузить список" error={sets.error} onRetry={refetch} />
          </Match>
          <Match when={(sets.state === 'ready' || sets.state === 'refreshing') && sets.latest?.length === 0}>
            <EmptyState title="Наборов пока нет">Загруженные наборы тарифов появятся здесь.</EmptyState>
          </Match>
          <Match when={(sets.state === 'ready' || sets.state === 'refreshing') && sets.latest}>{(list) => <SetsCard sets={list()} />}</Match>
          <Match when={true}>
            <Loading label="Загружаем наборы тарифов…" />
          </Match>
        </Switch>
      </Card>
    </div>
  );
}
