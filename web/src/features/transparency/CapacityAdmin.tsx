// «Свободная мощность центров питания» for admins: load a new version from CSV (every
// row checked on the server, one bad row and nothing is stored), and the versions
// loaded so far. The newest version is what visitors see on /open-data/capacity.
import { createResource } from 'solid-js';
import { CAPACITY_COLUMN_HELP, CAPACITY_COLUMNS, capacityCsvTemplate, capacityMetaSchema, type CapacityProblem } from '../../../../domain/capacity';
import { failureShownOn, FileImportCard, problemColumns, refusal, type ImportAnswer, type ImportFile } from '../../components/FileImportCard';
import { ColumnsHelp } from '../../components/ImportParts';
import { Loaded } from '../../components/Loaded';
import { createForm } from '../../forms';
import { trpc, type RouterOutputs } from '../../trpc';
import { Button, Card, DataTable, EmptyState, Field, PageHeader } from '../../ui';
import { formatDate, formatDateTime, formatNumber } from '../../ui/format';
import { download } from './wording';

type Version = RouterOutputs['capacity']['versions'][number];

function CapacityImportCard(props: { onImported: () => void }) {
  const form = createForm({ initial: { asOf: '', source: '' }, schema: capacityMetaSchema });
  async function send(file: ImportFile): Promise<ImportAnswer<CapacityProblem> | null> {
    const meta = form.parse();
    if (meta === null) return null;
    const outcome = await trpc.capacity.import.mutate({ ...meta, content: file.content });
    if (outcome.status !== 'imported') return refusal('Данные не загружены', outcome.problems);
    form.reset();
    return { status: 'imported', notice: { tone: 'success', title: 'Данные загружены', text: `Центров питания — ${outcome.rowCount}, на ${formatDate(meta.asOf)}. Они уже показаны посетителям.` } };
  }
  return (
    <FileImportCard
      title="Загрузить свободную мощность"
      intro="Загруженные данные не изменяются: новые сведения загружаются новой версией, которая сразу заменяет прежнюю на открытой странице."
      source={{ id: 'capacity-file', contentId: 'capacity-content', label: 'Файл CSV', accept: '.csv,.txt,text/csv' }}
      help={
        <>
          <div class="cluster">
            <Button variant="secondary" size="small" onClick={() => download(capacityCsvTemplate(), 'capacity-template.csv', 'text/csv', true)}>
              Скачать шаблон CSV
            </Button>
          </div>
          <ColumnsHelp columns={CAPACITY_COLUMNS} help={CAPACITY_COLUMN_HELP} code />
        </>
      }
      settings={{ legend: 'Сведения о версии', inFile: () => false, inFileNote: '' }}
      submitLabel="Проверить и загрузить"
      empty={{ title: 'Нет данных', text: 'Выберите файл или вставьте его содержимое.' }}
      failure={failureShownOn('Данные не загружены', form)}
      send={send}
      errorColumns={(format) => problemColumns(format, 'Столбец')}
      onImported={props.onImported}
    >
      <div class="form-grid">
        <Field id="capacity-asOf" label="Данные на дату" type="date" required {...form.bindText('asOf')} />
        <Field id="capacity-source" label="Источник данных" hint="Например: данные диспетчерской службы на 01.10.2026" maxLength={300} required {...form.bindText('source')} />
      </div>
    </FileImportCard>
  );
}

export default function CapacityAdminPage() {
  const [versions, { refetch }] = createResource(() => trpc.capacity.versions.query());
  return (
    <div class="stack stack--lg">
      <PageHeader title="Свободная мощность центров питания" description="Сведения о свободной для технологического присоединения мощности подстанций ниже 35 кВ: публикуются на открытой странице «Свободная мощность»." />
      <CapacityImportCard onImported={() => void refetch()} />
      <Card title="Загруженные версии">
        <Loaded resource={versions} retry={refetch} loadError="Не удалось загрузить версии" loading="Загружаем версии…" empty={<EmptyState title="Версий пока нет">Загруженные версии появятся здесь.</EmptyState>}>
          {(list) => (
            <DataTable<Version>
              caption="Загруженные версии, новые первыми"
              rows={list()}
              columns={[
                { header: 'Данные на', cell: (v) => formatDate(v.asOf) },
                { header: 'Источник', cell: (v) => v.source },
                { header: 'Центров питания', cell: (v) => formatNumber(v.rowCount) },
                { header: 'Загрузил', cell: (v) => v.importedBy ?? '—' },
                { header: 'Загружено', cell: (v) => formatDateTime(v.createdAt) },
              ]}
            />
          )}
        </Loaded>
      </Card>
    </div>
  );
}
