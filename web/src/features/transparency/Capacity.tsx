// «Свободная мощность» (public): the free transformer capacity of supply centres below
// 35 kV as the grid company last published it (disclosure standards, ПП РФ № 24,
// п. 19), searchable by settlement, so an applicant sees before applying whether the
// centre near them has power to spare.
import { useSearchParams } from '@solidjs/router';
import { createResource, createSignal, Show } from 'solid-js';
import { formatVoltage } from '../../../../domain/capacity';
import { Loaded } from '../../components/Loaded';
import { trpc, type RouterOutputs } from '../../trpc';
import { Button, Card, DataTable, EmptyState, Field, PageHeader, SmallNote } from '../../ui';
import { formatDate } from '../../ui/format';
import './transparency.css';

type Found = RouterOutputs['capacity']['search'];
type Entry = Found['rows'][number];

const mva = (n: number) => `${n.toLocaleString('ru-RU', { minimumFractionDigits: 3, maximumFractionDigits: 3 })} МВА`;

export default function CapacityPage() {
  const [params, setParams] = useSearchParams<{ settlement?: string }>();
  const [text, setText] = createSignal(params.settlement ?? '');
  const [found, { refetch }] = createResource(
    () => params.settlement ?? '',
    (settlement) => trpc.capacity.search.query({ settlement }),
  );
  function submit(event: SubmitEvent) {
    event.preventDefault();
    setParams({ settlement: text().trim() || undefined }, { replace: true });
  }
  return (
    <div class="stack stack--lg">
      <PageHeader
        title="Свободная мощность центров питания"
        description="Свободная для технологического присоединения мощность подстанций напряжением ниже 35 кВ по уровням напряжения, как её опубликовала сетевая организация."
      />
      <Card>
        <form class="cluster" role="search" aria-label="Поиск по населённому пункту" onSubmit={submit}>
          <Field id="capacity-settlement" label="Населённый пункт" autocomplete="address-level2" maxLength={100} value={text()} onValue={setText} />
          <div class="field">
            <Button type="submit" loading={found.loading}>
              Найти
            </Button>
          </div>
        </form>
      </Card>
      <Loaded resource={found} retry={refetch} loadError="Не удалось загрузить сведения" loading="Ищем…">
        {(result) => (
          <Show when={result().version} fallback={<EmptyState title="Сведения ещё не опубликованы">Сетевая организация пока не загрузила данные о свободной мощности.</EmptyState>}>
            {(version) => (
              <Card title={`Данные на ${formatDate(version().asOf)}`}>
                <Show when={result().rows.length} fallback={<EmptyState title="Ничего не найдено">Проверьте название населённого пункта.</EmptyState>}>
                  <DataTable<Entry>
                    caption={`Свободная мощность центров питания${params.settlement ? ` — «${params.settlement}»` : ''}`}
                    rows={result().rows}
                    columns={[
                      { header: 'Населённый пункт', cell: (r) => r.settlement },
                      { header: 'Центр питания', cell: (r) => r.centre },
                      { header: 'Уровень напряжения', label: 'Напряжение', cell: (r) => formatVoltage(r.voltage) },
                      { header: 'Свободная мощность', class: 'transparency-num', cell: (r) => mva(r.freeMva) },
                      { header: 'Примечание', cell: (r) => r.note || '—' },
                    ]}
                  />
                  <Show when={result().more}>
                    <SmallNote spaced>Показаны первые 200 строк: уточните название населённого пункта.</SmallNote>
                  </Show>
                </Show>
                <SmallNote spaced>Источник: {version().source}. Периодичность публикации по стандартам раскрытия — ежеквартально (◐).</SmallNote>
              </Card>
            )}
          </Show>
        )}
      </Loaded>
    </div>
  );
}
