// The loaded tariff sets, newest first: period, VAT, how many rates, whether in
// force or a sample; each opens its rates (and downloads them as CSV).
import { createResource, createSignal, For, Match, Show, Switch } from 'solid-js';
import { tariffRatesCsv } from '../../../../../domain/tariff-import';
import { describeApiError, trpc, type RouterOutputs } from '../../../trpc';
import { Alert, Button, DataTable, Loading, StatusChip, type Column } from '../../../ui';
import { formatDate, formatDateTime, formatRub } from '../../../ui/format';
import { download } from './files';

export type SetRow = RouterOutputs['tariffs']['list'][number];
type SetDetail = RouterOutputs['tariffs']['get'];
type Rate = SetDetail['rates'][number];

const RATE_COLUMNS: Column<Rate>[] = [
  {
    header: 'Ставка',
    cell: (r) => (
      <>
        <span class="fee-table__code">{r.item}</span> {r.itemLabel}
      </>
    ),
  },
  { header: 'Для кого', cell: (r) => r.keyLabel },
  { header: 'Разбивка (линия, прокладка, сечение, подстанция)', cell: (r) => r.detailsLabel || 'без разбивки' },
  {
    header: 'Размер',
    class: 'fee-table__amount',
    cell: (r) => (
      <>
        {formatRub(r.rateKop / 100)} <span class="muted small">{r.unit.replace(/^₽\s*/, '')}</span>
      </>
    ),
  },
  { header: 'НДС', cell: (r) => (r.vatIncluded ? 'включён' : 'не включён') },
  { header: 'Примечание', cell: (r) => r.note || '—' },
];

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
            <DataTable caption={`Ставки набора «${d().title}»`} columns={RATE_COLUMNS} rows={d().rates} class="fee-table" />
          </div>
        )}
      </Match>
      <Match when={true}>
        <Loading label="Загружаем ставки…" />
      </Match>
    </Switch>
  );
}

export function SetsCard(props: { sets: SetRow[] }) {
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

