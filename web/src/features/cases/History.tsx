// The «История» card of a case: every event, newest first, with who did it,
// their comment and the details the action carried, in words.
import { createMemo, For, Show } from 'solid-js';
import { Card } from '../../ui';
import { formatDateTime, formatRub } from '../../ui/format';
import { actorLabel, type CaseEvent } from './wording';

function textOf(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/** What the history shows of an event; applications and appeals both have these fields. */
export type HistoryEvent = Pick<CaseEvent, 'seq' | 'at' | 'title' | 'actorName' | 'actorRole' | 'comment' | 'data'>;

/** The details an action carried, in words: what was asked, paid, found. */
export function EventDetails(props: { event: HistoryEvent }) {
  const input = (): Record<string, unknown> => {
    const raw = props.event.data.input;
    return raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  };
  const items = () => {
    const raw = input().items;
    return Array.isArray(raw) ? raw.filter((i): i is string => typeof i === 'string') : [];
  };
  const lines = () => {
    const i = input();
    const out: Array<[string, string]> = [];
    const add = (label: string, value: string | null) => value && out.push([label, value]);
    add('Пояснение', textOf(i.explanation));
    add('Причина', textOf(i.reason));
    if (typeof i.invoiceAmountRub === 'number') add('Сумма счёта', formatRub(i.invoiceAmountRub));
    add('Точка присоединения', textOf(i.connectionPoint));
    if (typeof i.constructionNeeded === 'boolean') add('Требуется строительство', i.constructionNeeded ? 'да' : 'нет');
    add('Мероприятия по ТУ', textOf(i.tuRequirements));
    add('Платёжный документ', textOf(i.paymentReference));
    if (typeof i.passed === 'boolean') add('Результат осмотра', i.passed ? 'технические условия выполнены' : 'есть замечания');
    add('Замечания', textOf(i.remarks));
    add('Прибор учёта', [textOf(i.meterType), textOf(i.meterNumber) ? `№ ${String(i.meterNumber)}` : null].filter(Boolean).join(', ') || null);
    if (Array.isArray(i.attachments) && i.attachments.length) add('Приложено файлов', String(i.attachments.length));
    return out;
  };
  return (
    <>
      <Show when={items().length}>
        <div class="history__detail">
          Запрошено:
          <ul class="plain-list">
            <For each={items()}>{(item) => <li>{item}</li>}</For>
          </ul>
        </div>
      </Show>
      <For each={lines()}>
        {([label, value]) => (
          <p class="history__detail">
            {label}: {value}
          </p>
        )}
      </For>
    </>
  );
}

export function HistoryCard(props: { events: readonly HistoryEvent[] }) {
  // Newest first: what happened last is what one looks for.
  const events = createMemo(() => [...props.events].reverse());
  return (
    <Card title="История">
      <ol class="history">
        <For each={events()}>
          {(event) => (
            <li class="history__item">
              <p class="history__when">
                <time dateTime={event.at}>{formatDateTime(event.at)}</time>
              </p>
              <p class="history__title">{event.title}</p>
              <p class="history__actor">{actorLabel(event)}</p>
              <Show when={event.comment}>
                <p class="history__comment">Комментарий: {event.comment}</p>
              </Show>
              <EventDetails event={event} />
            </li>
          )}
        </For>
      </ol>
    </Card>
  );
}
