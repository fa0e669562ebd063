// «График плановых отключений»: open to everyone, like the calculator. The
// selection starts at today and the next 30 days; a link may preset it
// (/outages?settlement=…&street=…&from=…&to=…). Logged-in users subscribe below.
import { A, useSearchParams } from '@solidjs/router';
import { createEffect, createMemo, createResource, createSignal, onCleanup, Show } from 'solid-js';
import { icsHref, isIsoDay, moscowDay, SCHEDULE_LOAD_WORDS, type OutageFilter } from '../../features/outages/outages';
import { rememberTyped } from '../../features/visitor/carry';
import { session, userIn } from '../../session';
import { trpc } from '../../trpc';
import { buttonClass, Card, Checkbox, EmptyState, Field, PageHeader } from '../../ui';
import { formatDate, pluralRu } from '../../ui/format';
import { OutageTable } from './OutageTable';
import { SubscriptionsCard } from './Subscriptions';
import '../../features/outages/outages.css';
import { Loaded, StatusLine } from '../../components/Loaded';

const DEFAULT_DAYS = 30;
const TYPING_DELAY_MS = 300;

export default function OutagesPage() {
  const [params] = useSearchParams<{ settlement?: string; street?: string; from?: string; to?: string }>();
  const preset = (v: unknown) => (typeof v === 'string' ? v.slice(0, 200) : '');
  const [settlement, setSettlement] = createSignal(preset(params.settlement));
  const [street, setStreet] = createSignal(preset(params.street));
  const [from, setFrom] = createSignal(isIsoDay(params.from) ? params.from : moscowDay(0));
  const [to, setTo] = createSignal(isIsoDay(params.to) ? params.to : moscowDay(DEFAULT_DAYS));
  const [includeCancelled, setIncludeCancelled] = createSignal(false);

  // Names are searched a moment after the typing stops, not at every letter.
  const [names, setNames] = createSignal({ settlement: settlement(), street: street() });
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));
  const typed = (set: (v: string) => void) => (value: string) => {
    set(value);
    clearTimeout(timer);
    timer = setTimeout(() => setNames({ settlement: settlement().trim(), street: street().trim() }), TYPING_DELAY_MS);
  };

  // The address a visitor checked is kept for the application they may file after registering (features/visitor/carry.ts).
  createEffect(() => {
    const { settlement: place, street: road } = names();
    if (session.user() === null && place) rememberTyped({ objectAddress: [place, road].filter(Boolean).join(', ') });
  });

  const rangeError = () => (from() && to() && from() > to() ? 'Дата «по» не может быть раньше даты «с»' : undefined);
  const filter = createMemo((): OutageFilter | false => {
    if (rangeError()) return false;
    return {
      settlement: names().settlement || undefined,
      street: names().street || undefined,
      from: from() || undefined,
      to: to() || undefined,
      includeCancelled: includeCancelled() || undefined,
    };
  });
  const [outages, { refetch }] = createResource(filter, (f) => trpc.outages.search.query(f));
  const calendarLink = () => icsHref({ settlement: settlement(), street: street(), from: from(), to: to() });
  const period = () => [from() ? `с ${formatDate(from())}` : '', to() ? `по ${formatDate(to())}` : ''].filter(Boolean).join(' ');

  return (
    <div class="stack stack--lg">
      <PageHeader
        title="График плановых отключений"
        description="Плановые отключения электроэнергии: где, когда и почему. Время московское. Смотреть график можно без входа в личный кабинет."
        actions={
          <Show when={userIn(session.user(), 'staff')}>
            <A href="/staff/outages" class={buttonClass('secondary', 'small')}>
              Ведение графика
            </A>
          </Show>
        }
      />

      <Card>
        <div class="stack">
          <div class="form-grid outage-filters" role="search" aria-label="Отбор отключений">
            <Field id="outages-settlement" label="Населённый пункт" type="search" hint="Город, посёлок, деревня или СНТ" autocomplete="address-level2" maxLength={200} value={settlement()} onValue={typed(setSettlement)} />
            <Field id="outages-street" label="Улица" type="search" autocomplete="off" maxLength={200} value={street()} onValue={typed(setStreet)} />
            <Field id="outages-from" label="С даты" type="date" value={from()} onValue={setFrom} />
            <Field id="outages-to" label="По дату" type="date" value={to()} onValue={setTo} error={rangeError()} />
          </div>
          <div class="cluster outage-tools">
            <Checkbox id="outages-cancelled" checked={includeCancelled()} onChange={setIncludeCancelled}>
              Показать отменённые
            </Checkbox>
            <a class={buttonClass('secondary', 'small')} href={calendarLink()} download="отключения.ics">
              Скачать в календарь (.ics)
            </a>
          </div>
          <p class="muted small" style={{ margin: 0 }}>
            Файл .ics открывается в Яндекс Календаре, Google Календаре, Outlook и календаре телефона; отменённые отключения в нём помечены.
          </p>
        </div>
      </Card>

      <Card>
        <Show
          when={!rangeError()}
          fallback={
            <EmptyState icon="search" title="Проверьте даты">
              Дата «по» должна быть не раньше даты «с».
            </EmptyState>
          }
        >
          <Loaded
            resource={outages}
            retry={refetch}
            {...SCHEDULE_LOAD_WORDS}
            empty={
              <EmptyState icon="search" title="Плановых отключений не найдено">
                По выбранным условиям{period() ? ` ${period()}` : ''} плановых отключений нет. Измените населённый пункт, улицу или даты.
              </EmptyState>
            }
          >
            {(items) => (
              <div class="stack" aria-busy={outages.loading ? 'true' : undefined}>
                <StatusLine>
                  {outages.loading ? 'Обновляем график…' : `Найдено ${items().length} ${pluralRu(items().length, ['отключение', 'отключения', 'отключений'])}${period() ? ` ${period()}` : ''}`}
                </StatusLine>
                <OutageTable outages={items()} />
              </div>
            )}
          </Loaded>
        </Show>
      </Card>

      <SubscriptionsCard />
    </div>
  );
}
