// «Подписка на уведомления»: addresses a logged-in user wants to be warned
// about, typed in or taken from the addresses of their applications.
import { A } from '@solidjs/router';
import { createResource, createSignal, For, Match, Show, Switch } from 'solid-js';
import { normalizePlace, subscriptionSchema, type SubscriptionAddress } from '../../../../domain/outages';
import { formatTerm, REGULATIONS } from '../../../../domain/regulations';
import { createForm, focusFirstInvalid } from '../../forms';
import { LoginLinks } from '../../components/LoginLinks';
import { formatAddress } from '../../features/outages/outages';
import { session } from '../../session';
import { describeApiError, trpc } from '../../trpc';
import { Alert, Button, Card, Field, Loading, StatusChip, type AlertTone } from '../../ui';

const TITLE = 'Подписка на уведомления';

export const WARNING_RULE = `Мы напомним за ${formatTerm(REGULATIONS.outageWarning)} до отключения по e-mail и в разделе «Уведомления».`;

const sameAddress = (a: SubscriptionAddress, b: SubscriptionAddress) =>
  normalizePlace(a.settlement) === normalizePlace(b.settlement) && normalizePlace(a.street) === normalizePlace(b.street) && a.house.trim().toLowerCase() === b.house.trim().toLowerCase();

export function SubscriptionsCard() {
  const user = () => session.user();
  return (
    <Switch>
      <Match when={user()?.mustChangePassword}>
        <Card title={TITLE}>
          <div class="stack">
            <p class="subscribe-rule">{WARNING_RULE}</p>
            <p style={{ margin: 0 }}>
              Чтобы подписаться, сначала <A href="/change-password">смените временный пароль</A>.
            </p>
          </div>
        </Card>
      </Match>
      <Match when={user()}>
        <Subscriptions />
      </Match>
      <Match when={user() === null}>
        <Card title={TITLE}>
          <div class="stack">
            <p class="subscribe-rule">{WARNING_RULE}</p>
            <p style={{ margin: 0 }}>Войдите в личный кабинет, чтобы подписаться на отключения по своему адресу.</p>
            <LoginLinks />
          </div>
        </Card>
      </Match>
    </Switch>
  );
}

function Subscriptions() {
  const [subscriptions, { refetch }] = createResource(() => trpc.outages.subscriptions.query());
  const [suggestions] = createResource(() => trpc.outages.suggestions.query());
  const form = createForm({ initial: { settlement: '', street: '', house: '' }, schema: subscriptionSchema });
  const [busy, setBusy] = createSignal<string | null>(null);
  const [notice, setNotice] = createSignal<{ tone: AlertTone; text: string } | null>(null);
  let formEl: HTMLFormElement | undefined;

  const list = () => (subscriptions.state === 'ready' || subscriptions.state === 'refreshing' ? subscriptions.latest : undefined);
  const subscribed = (a: SubscriptionAddress) => Boolean(list()?.some((s) => sameAddress(s, a)));

  async function subscribe(address: SubscriptionAddress, key: string): Promise<boolean> {
    setBusy(key);
    setNotice(null);
    try {
      await trpc.outages.subscribe.mutate(address);
      await refetch();
      // The form may hold this very address from «Уточнить адрес»: it is done with.
      if (sameAddress({ settlement: form.text('settlement'), street: form.text('street'), house: form.text('house') }, address)) form.reset();
      setNotice({ tone: 'success', text: `Вы подписаны: ${formatAddress(address)}.` });
      return true;
    } catch (error) {
      const { message, fieldErrors } = describeApiError(error);
      const stray = form.showServerErrors(fieldErrors);
      setNotice({ tone: 'error', text: stray.length || !Object.keys(fieldErrors).length ? [message, ...stray].join(' ') : message });
      return false;
    } finally {
      setBusy(null);
    }
  }

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (busy()) return;
    const address = form.parse();
    if (!address) return focusFirstInvalid(formEl);
    if (await subscribe(address, 'form')) form.reset();
  }

  async function unsubscribe(id: string, address: SubscriptionAddress) {
    setBusy(id);
    setNotice(null);
    try {
      await trpc.outages.unsubscribe.mutate({ id });
      await refetch();
      setNotice({ tone: 'info', text: `Подписка отменена: ${formatAddress(address)}.` });
    } catch (error) {
      setNotice({ tone: 'error', text: describeApiError(error).message });
    } finally {
      setBusy(null);
    }
  }

  function prefill(address: SubscriptionAddress) {
    form.reset({ ...address });
    formEl?.querySelector<HTMLInputElement>('input')?.focus();
  }

  return (
    <Card title={TITLE}>
      <div class="stack">
        <p class="subscribe-rule">{WARNING_RULE}</p>
        <Show when={notice()}>{(n) => <Alert tone={n().tone}>{n().text}</Alert>}</Show>

        <section class="stack" aria-labelledby="subs-mine">
          <h3 id="subs-mine" class="subscribe-heading">
            Ваши подписки
          </h3>
          <Switch>
            <Match when={subscriptions.state === 'errored'}>
              <Alert tone="error">Не удалось загрузить подписки: {describeApiError(subscriptions.error).message}</Alert>
            </Match>
            <Match when={list()?.length === 0}>
              <p class="muted" style={{ margin: 0 }}>
                Подписок пока нет. Укажите адрес ниже или выберите адрес своей заявки.
              </p>
            </Match>
            <Match when={list()}>
              {(items) => (
                <ul class="subscribe-list" aria-label="Ваши подписки">
                  <For each={items()}>
                    {(s) => (
                      <li class="subscribe-item spread">
                        <span class="subscribe-item__address">{formatAddress(s)}</span>
                        <Button variant="secondary" size="small" loading={busy() === s.id} disabled={busy() !== null} onClick={() => void unsubscribe(s.id, s)}>
                          Отписаться
                        </Button>
                      </li>
                    )}
                  </For>
                </ul>
              )}
            </Match>
            <Match when={true}>
              <Loading inline label="Загружаем подписки…" />
            </Match>
          </Switch>
        </section>

        <Show when={suggestions.state === 'ready' && suggestions().length > 0}>
          <section class="stack" aria-labelledby="subs-suggested">
            <h3 id="subs-suggested" class="subscribe-heading">
              Адреса ваших заявок
            </h3>
            <ul class="subscribe-list" aria-labelledby="subs-suggested">
              <For each={suggestions()}>
                {(s, i) => (
                  <li class="subscribe-item spread">
                    <div class="subscribe-item__address">
                      <div>{s.address}</div>
                      <div class="muted small">{s.source}</div>
                    </div>
                    <div class="cluster">
                      <Show when={!subscribed(s)} fallback={<StatusChip tone="success">Вы подписаны</StatusChip>}>
                        <Show when={s.settlement}>
                          <Button size="small" loading={busy() === `suggestion-${i()}`} disabled={busy() !== null} onClick={() => void subscribe({ settlement: s.settlement, street: s.street, house: s.house }, `suggestion-${i()}`)}>
                            Подписаться на этот адрес
                          </Button>
                        </Show>
                        <Button variant="ghost" size="small" onClick={() => prefill({ settlement: s.settlement, street: s.street, house: s.house })}>
                          Уточнить адрес
                        </Button>
                      </Show>
                    </div>
                  </li>
                )}
              </For>
            </ul>
          </section>
        </Show>

        <form ref={formEl} class="stack" novalidate aria-label="Новая подписка" onSubmit={submit}>
          <h3 class="subscribe-heading">Новая подписка</h3>
          <div class="form-grid subscribe-form">
            <Field id="sub-settlement" label="Населённый пункт или СНТ" autocomplete="address-level2" maxLength={200} required {...form.bindText('settlement')} />
            <Field id="sub-street" label="Улица" hint="Пусто — весь населённый пункт" autocomplete="off" maxLength={200} {...form.bindText('street')} />
            <Field id="sub-house" label="Дом" hint="Пусто — вся улица" autocomplete="off" maxLength={20} {...form.bindText('house')} />
          </div>
          <div class="cluster">
            <Button type="submit" loading={busy() === 'form'} disabled={busy() !== null && busy() !== 'form'}>
              Подписаться
            </Button>
          </div>
        </form>
      </div>
    </Card>
  );
}
