// «Производственный календарь»: the admin loads a year (the decree's days off
// and working weekends) as CSV or JSON, with the decree's number and date, or
// marks it provisional. Every line is checked on the server; one bad line and
// nothing is saved. A loaded year recomputes the deadlines of running cases
// that fall in it, and the answer says how many moved. Versions are kept: the
// newest of a year is in force; the list shows who loaded each and when.
import { createResource, createSignal, Match, Show, Switch } from 'solid-js';
import { SHIPPED_CALENDAR_YEARS } from '../../../../domain/calendar-data';
import { calendarYearCsv, type CalendarImportFormat, type ImportProblem } from '../../../../domain/calendar-import';
import { ColumnsHelp, FileSource, ImportErrors, readImportFile } from '../../components/ImportParts';
import { LoadError } from '../../components/LoadError';
import { describeApiError, trpc, type RouterOutputs } from '../../trpc';
import { Alert, Button, Card, Checkbox, DataTable, EmptyState, Field, Loading, PageHeader, Select, StatusChip, type AlertTone, type Column } from '../../ui';
import { formatDateTime } from '../../ui/format';
import { download, FORMAT_OPTIONS } from './tariffs/files';

type Version = RouterOutputs['calendars']['versions'][number];

const COLUMNS = ['date', 'kind', 'note'] as const;
const COLUMN_HELP: Record<(typeof COLUMNS)[number], string> = {
  date: 'дата: 04.01.2027 или 2027-01-04; все даты — одного года',
  kind: '«выходной» (off) — нерабочий будний день: праздник или перенесённый выходной; «рабочий» (working) — суббота или воскресенье, ставшие рабочими',
  note: 'основание (необязательно), например «перенос с 2 января»',
};

const problemColumns = (format: CalendarImportFormat): Column<ImportProblem>[] => [
  { header: format === 'csv' ? 'Строка файла' : 'Запись', cell: (p) => p.row ?? 'весь файл' },
  { header: 'Поле', cell: (p) => p.column ?? '—' },
  { header: 'Значение', cell: (p) => p.value ?? '—' },
  { header: 'Что не так', cell: (p) => p.message },
];

const versionColumns: Column<Version>[] = [
  { header: 'Год', cell: (v) => v.year },
  {
    header: 'Статус',
    cell: (v) => (
      <>
        <StatusChip tone={v.provisional ? 'warning' : 'success'}>{v.provisional ? 'Предварительный' : 'По постановлению'}</StatusChip>{' '}
        {v.inForce ? <StatusChip tone="info">действует</StatusChip> : <span class="muted small">заменён</span>}
      </>
    ),
  },
  { header: 'Основание', cell: (v) => <span title={v.note ?? undefined}>{v.source}</span> },
  { header: 'Рабочих дней', cell: (v) => v.workingDayCount },
  { header: 'Загружен', cell: (v) => `${formatDateTime(v.createdAt)}${v.importedByName ? `, ${v.importedByName}` : ' (поставка кабинета)'}` },
];

function CalendarImportCard(props: { onImported: () => void }) {
  const [format, setFormat] = createSignal<CalendarImportFormat>('csv');
  const [content, setContent] = createSignal('');
  const [fileName, setFileName] = createSignal<string | null>(null);
  const [year, setYear] = createSignal(String(new Date().getFullYear() + 1));
  const [decreeNumber, setDecreeNumber] = createSignal('');
  const [decreeDate, setDecreeDate] = createSignal('');
  const [provisional, setProvisional] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [notice, setNotice] = createSignal<{ tone: AlertTone; title: string; text: string } | null>(null);
  const [problems, setProblems] = createSignal<ImportProblem[]>([]);
  const fileCarriesYear = () => format() === 'json' && /"calendar"\s*:/.test(content());

  async function onFile(file: File | undefined) {
    if (!file) return;
    setFileName(file.name);
    if (/\.json$/i.test(file.name)) setFormat('json');
    else if (/\.(csv|txt)$/i.test(file.name)) setFormat('csv');
    setContent(await readImportFile(file));
  }

  function template() {
    const shipped = SHIPPED_CALENDAR_YEARS[Number(year())] ?? SHIPPED_CALENDAR_YEARS[2027]!;
    download(`calendar-${shipped.year}.csv`, calendarYearCsv(shipped), 'text/csv;charset=utf-8');
  }

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (busy()) return;
    setNotice(null);
    setProblems([]);
    if (!content().trim()) {
      setNotice({ tone: 'error', title: 'Нет данных', text: 'Выберите файл календаря или вставьте его содержимое.' });
      return;
    }
    setBusy(true);
    try {
      const calendar = fileCarriesYear() ? undefined : { year: year(), decreeNumber: decreeNumber(), decreeDate: decreeDate(), provisional: provisional() };
      const outcome = await trpc.calendars.import.mutate({ format: format(), content: content(), ...(calendar ? { calendar } : {}) });
      if (outcome.status === 'imported') {
        const r = outcome.recalculation;
        const failed = r.failed.length ? ` Не удалось пересчитать: ${r.failed.map((f) => `${f.number} (${f.message})`).join('; ')}.` : '';
        setNotice({
          tone: r.failed.length ? 'warning' : 'success',
          title: `Календарь ${outcome.year} года загружен${outcome.provisional ? ' как предварительный' : ''}`,
          text: `${outcome.source}. Рабочих дней: ${outcome.workingDayCount}. Дел в работе со сроком в ${outcome.year} году и позже: ${r.found}, сроки пересчитаны: ${r.recalculated}.${failed}`,
        });
        setContent('');
        setFileName(null);
        props.onImported();
      } else {
        setProblems(outcome.problems);
        setNotice({ tone: 'error', title: 'Календарь не загружен', text: `Найдено ошибок: ${outcome.problems.length}. Ничего не сохранено — исправьте файл и загрузите его снова.` });
      }
    } catch (error) {
      setNotice({ tone: 'error', title: 'Календарь не загружен', text: describeApiError(error).message });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title="Загрузить календарь года">
      <form class="stack" novalidate onSubmit={submit}>
        <p class="muted" style={{ margin: 0 }}>
          Укажите нерабочие будние дни года (праздники и перенесённые выходные) и субботы или воскресенья, ставшие рабочими, — как в постановлении Правительства «О переносе выходных дней».
          Загруженный календарь заменяет прежний для этого года; сроки дел в работе, которые приходятся на этот год и позже, пересчитываются, заявители получают уведомление с указанием постановления.
        </p>
        <fieldset class="fieldset stack">
          <legend class="fieldset__legend">Дни</legend>
          <FileSource
            id="calendar-file"
            contentId="calendar-content"
            label="Файл календаря"
            accept=".csv,.json,.txt,text/csv,application/json"
            fileName={fileName()}
            content={content()}
            onFile={(file) => void onFile(file)}
            onContent={setContent}
            before={<Select id="calendar-format" label="Формат" options={FORMAT_OPTIONS} value={format()} onValue={(v) => setFormat(v === 'json' ? 'json' : 'csv')} />}
          />
          <div class="cluster">
            <Button variant="secondary" size="small" onClick={template}>
              Скачать шаблон CSV (календарь из поставки)
            </Button>
          </div>
          <ColumnsHelp columns={COLUMNS} help={COLUMN_HELP} code>
            <p class="muted small">JSON — объект {'{ "calendar": { "year": 2027, "decreeNumber": "…", "decreeDate": "2026-10-01" }, "days": [ { "date": "2027-01-04", "kind": "off" }, … ] }'}. Подробнее: docs/production-calendar.md.</p>
          </ColumnsHelp>
        </fieldset>
        <Show when={!fileCarriesYear()} fallback={<Alert tone="info">Год и постановление взяты из файла: поле «calendar».</Alert>}>
          <fieldset class="fieldset stack">
            <legend class="fieldset__legend">Год и постановление</legend>
            <div class="form-grid">
              <Field id="calendar-year" label="Год" inputMode="numeric" maxLength={4} required value={year()} onValue={setYear} />
              <Field id="calendar-decreeNumber" label="Номер постановления" hint="Например: 1466" maxLength={50} value={decreeNumber()} onValue={setDecreeNumber} />
              <Field id="calendar-decreeDate" label="Дата постановления" type="date" value={decreeDate()} onValue={setDecreeDate} />
            </div>
            <Checkbox id="calendar-provisional" checked={provisional()} onChange={setProvisional} hint="Постановления ещё нет: сроки в этом году будут помечены «предварительно»">
              Предварительный календарь
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

export default function CalendarsPage() {
  const [versions, { refetch }] = createResource(() => trpc.calendars.versions.query());
  return (
    <div class="stack stack--lg">
      <PageHeader title="Производственный календарь" description="Рабочие и нерабочие дни по годам: по ним считаются сроки в рабочих днях и переносы сроков с выходных." />
      <CalendarImportCard onImported={() => void refetch()} />
      <Card title="Версии календаря">
        <Switch>
          <Match when={versions.state === 'errored'}>
            <LoadError title="Не удалось загрузить список" error={versions.error} onRetry={refetch} />
          </Match>
          <Match when={(versions.state === 'ready' || versions.state === 'refreshing') && versions.latest?.length === 0}>
            <EmptyState title="Календарей пока нет">Загруженные годы появятся здесь.</EmptyState>
          </Match>
          <Match when={(versions.state === 'ready' || versions.state === 'refreshing') && versions.latest}>
            {(list) => (
              <>
                <DataTable caption="Версии календаря по годам" columns={versionColumns} rows={list()} />
                <p class="muted small">Год без загруженного календаря считается по ст. 112 ТК РФ (выходные и праздники) и помечается как предварительный.</p>
              </>
            )}
          </Match>
          <Match when={true}>
            <Loading label="Загружаем календарь…" />
          </Match>
        </Switch>
      </Card>
    </div>
  );
}
