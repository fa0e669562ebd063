// «Тарифы»: the admin loads a regional decision as a new tariff set (CSV or
// JSON). Every row is checked on the server; one bad row and nothing is saved,
// and the report says which row, which column and what is wrong. The import
// card and the list of sets live in tariffs/.
import { createResource } from 'solid-js';
import { Loaded } from '../../components/Loaded';
import { trpc } from '../../trpc';
import { Card, EmptyState, PageHeader } from '../../ui';
import { TariffImportCard } from './tariffs/TariffImportCard';
import { SetsCard } from './tariffs/TariffSets';
import '../../features/fees/fees.css';

export default function TariffsPage() {
  const [sets, { refetch }] = createResource(() => trpc.tariffs.list.query());
  return (
    <div class="stack stack--lg">
      <PageHeader title="Тарифы" description="Ставки платы за технологическое присоединение по регионам и периодам: по ним считает калькулятор стоимости." />
      <TariffImportCard onImported={() => void refetch()} />
      <Card title="Наборы тарифов">
        <Loaded resource={sets} retry={refetch} loadError="Не удалось загрузить список" loading="Загружаем наборы тарифов…" empty={<EmptyState title="Наборов пока нет">Загруженные наборы тарифов появятся здесь.</EmptyState>}>
          {(list) => <SetsCard sets={list()} />}
        </Loaded>
      </Card>
    </div>
  );
}
