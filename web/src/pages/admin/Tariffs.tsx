// «Тарифы»: the admin loads a regional decision as a new tariff set (CSV or
// JSON). Every row is checked on the server; one bad row and nothing is saved,
// and the report says which row, which column and what is wrong. The import
// card and the list of sets live in tariffs/.
import { createResource, Match, Switch } from 'solid-js';
import { LoadError } from '../../components/LoadError';
import { trpc } from '../../trpc';
import { Card, EmptyState, Loading, PageHeader } from '../../ui';
import { TariffImportCard } from './tariffs/TariffImportCard';
import { SetsCard } from './tariffs/TariffSets';
import '../../fees.css';

export default function TariffsPage() {
  const [sets, { refetch }] = createResource(() => trpc.tariffs.list.query());
  return (
    <div class="stack stack--lg">
      <PageHeader title="Тарифы" description="Ставки платы за технологическое присоединение по регионам и периодам: по ним считает калькулятор стоимости." />
      <TariffImportCard onImported={() => void refetch()} />
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
