// The frame of every page: header with the user and «Выйти», the side menu,
// the session's loading and failure states, the footer. Moves focus to the new
// page's title on navigation so screen readers announce it.
import { A, useLocation, useNavigate, type RouteSectionProps } from '@solidjs/router';
import { createEffect, createSignal, Match, on, Show, Suspense, Switch } from 'solid-js';
import { session } from '../session';
import { createBusy } from '../busy';
import { Alert, Button, Card, Loading } from '../ui';
import { MainNav } from './MainNav';

const COMPANY_NAME = 'Сетевая компания';

export function Shell(props: RouteSectionProps) {
  const location = useLocation();
  const navigate = useNavigate();
  const [menuOpen, setMenuOpen] = createSignal(false);
  const leaving = createBusy<true>();
  const user = () => session.user();
  // A user who still has to replace a temporary password sees no sections: they would all refuse.
  const showNav = () => Boolean(user() && !user()?.mustChangePassword);

  createEffect(
    on(
      () => location.pathname,
      () => {
        setMenuOpen(false);
        leaving.dismiss();
        // A screen reader should hear the new page's title, not silence after a click.
        requestAnimationFrame(() => {
          const active = document.activeElement;
          if (active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement || active instanceof HTMLSelectElement) return;
          document.querySelector<HTMLElement>('#main h1')?.focus();
        });
      },
      { defer: true },
    ),
  );

  async function logout() {
    if (await leaving.run(true, () => session.logout())) navigate('/login', { replace: true });
  }

  return (
    <div class="app">
      <a class="skip-link" href="#main">
        Перейти к основному содержанию
      </a>
      <header class="app-header">
        <div class="app-header__inner">
          <A href="/" class="brand">
            <span class="brand__company">{COMPANY_NAME}</span>
            <span class="brand__product">Личный кабинет</span>
          </A>
          <Show when={user()}>
            {(u) => (
              <div class="app-header__user">
                <span class="app-header__name" title={u().email}>
                  {u().displayName || u().email}
                </span>
                <Button variant="secondary" size="small" class="btn--inverse" loading={leaving.busy() === true} onClick={() => void logout()}>
                  Выйти
                </Button>
                <Show when={showNav()}>
                  <button type="button" class="menu-button" aria-expanded={menuOpen()} aria-controls="app-nav" onClick={() => setMenuOpen(!menuOpen())}>
                    <span class="menu-button__icon" aria-hidden="true" classList={{ 'is-open': menuOpen() }} />
                    Меню
                  </button>
                </Show>
              </div>
            )}
          </Show>
        </div>
      </header>

      <div class="app-body" classList={{ 'app-body--with-nav': showNav() }}>
        <Show when={showNav()}>
          <MainNav open={menuOpen()} onClose={() => setMenuOpen(false)} />
        </Show>
        <main id="main" class="app-main" tabIndex={-1}>
          <Show when={leaving.problem()}>
            <Alert tone="error" class="app-main__notice">
              {leaving.problem()}
            </Alert>
          </Show>
          <Switch>
            <Match when={session.state() === 'failed'}>
              <Card>
                <Alert tone="error" title="Личный кабинет временно недоступен">
                  <p>Не удалось связаться с сервером. Проверьте подключение к интернету и повторите попытку.</p>
                  <Button variant="secondary" size="small" onClick={() => session.retry()}>
                    Повторить
                  </Button>
                </Alert>
              </Card>
            </Match>
            <Match when={session.state() === 'loading'}>
              <Loading label="Загружаем личный кабинет…" />
            </Match>
            <Match when={session.state() === 'ready'}>
              {/* A page's chunk is fetched on first visit; later navigations keep the old page until the new one is ready. */}
              <Suspense fallback={<Loading label="Загружаем страницу…" />}>{props.children}</Suspense>
            </Match>
          </Switch>
        </main>
      </div>

      <footer class="app-footer">
        <div class="app-footer__inner">
          <p>
            © {new Date().getFullYear()} {COMPANY_NAME}
          </p>
          <p class="muted">Электронный сервис «Личный кабинет» реализован в соответствии с едиными стандартами качества обслуживания потребителей (приказ Минэнерго России от 15.04.2014 № 186).</p>
        </div>
      </footer>
    </div>
  );
}
