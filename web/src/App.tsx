import { A, Navigate, Route, Router, useLocation, useNavigate, type RouteSectionProps } from '@solidjs/router';
import { createEffect, createSignal, For, lazy, Match, on, Show, Suspense, Switch } from 'solid-js';
import type { Role } from '../../domain/account';
import { PublicOnly, RequireUser } from './guards';
// The guards show the 404/403 page themselves, so it is in the entry chunk anyway.
import NotFoundPage from './pages/NotFound';
import { unread } from './notifications';
import { ADMIN_ROLES, APPLICANT_ROLES, AUDIT_ROLES, hasRole, READER_ROLES, session, STAFF_ROLES } from './session';
import { describeApiError } from './trpc';
import { Alert, Button, Card, Loading } from './ui';

// Every page is its own chunk: the first page (login, then the application list) loads
// only what it shows; staff, admin, audit and calculator code comes when it is opened.
const AdminTariffsPage = lazy(() => import('./pages/admin/Tariffs'));
const AdminUsersPage = lazy(() => import('./pages/admin/Users'));
const AuditAccessLogPage = lazy(() => import('./pages/audit/AccessLog'));
const AuditCaseHistoryPage = lazy(() => import('./pages/audit/CaseHistory'));
const AuditSearchPage = lazy(() => import('./pages/audit/Search'));
const CalculatorPage = lazy(() => import('./pages/Calculator'));
const ChangePasswordPage = lazy(() => import('./pages/ChangePassword'));
const ForgotPasswordPage = lazy(() => import('./pages/ForgotPassword'));
const HomePage = lazy(() => import('./pages/Home'));
const LandingPage = lazy(() => import('./pages/Landing'));
const LoginPage = lazy(() => import('./pages/Login'));
const ProfilePage = lazy(() => import('./pages/Profile'));
const RegisterPage = lazy(() => import('./pages/Register'));
const AppealCasePage = lazy(() => import('./pages/appeals/Case'));
const AppealsListPage = lazy(() => import('./pages/appeals/List'));
const NewAppealPage = lazy(() => import('./pages/appeals/New'));
const ApplicationCasePage = lazy(() => import('./pages/applications/Case'));
const ApplicationsListPage = lazy(() => import('./pages/applications/List'));
const NewApplicationPage = lazy(() => import('./pages/applications/New'));
const NotificationsPage = lazy(() => import('./pages/Notifications'));
const OutagesPage = lazy(() => import('./pages/outages/Schedule'));
const RatingPage = lazy(() => import('./pages/Rating'));
const StaffAppealCasePage = lazy(() => import('./pages/staff/appeals/Case'));
const StaffAppealsInboxPage = lazy(() => import('./pages/staff/appeals/Inbox'));
const AppealsReportPage = lazy(() => import('./pages/staff/appeals/Report'));
const StaffApplicationCasePage = lazy(() => import('./pages/staff/ApplicationCase'));
const StaffApplicationsPage = lazy(() => import('./pages/staff/Applications'));
const StaffOutagesPage = lazy(() => import('./pages/staff/outages/Outages'));
const StaffRatingsPage = lazy(() => import('./pages/staff/Ratings'));
const RegisterVisitorPage = lazy(() => import('./pages/staff/RegisterVisitor'));

const COMPANY_NAME = 'Сетевая компания';

interface NavItem {
  href: string;
  label: string;
  roles?: readonly Role[];
  /** A number shown beside the label (and read out with it), e.g. unread notifications. */
  count?: () => number;
}

const NAV_GROUPS: { title: string; items: NavItem[] }[] = [
  {
    title: 'Заявки и обращения',
    items: [
      { href: '/applications/new', label: 'Подать заявку', roles: APPLICANT_ROLES },
      { href: '/applications', label: 'Поданные заявки', roles: APPLICANT_ROLES },
      { href: '/appeals', label: 'Обращения', roles: APPLICANT_ROLES },
      { href: '/notifications', label: 'Уведомления', count: () => unread.count() },
    ],
  },
  {
    title: 'Сервисы',
    items: [
      { href: '/calculator', label: 'Калькулятор стоимости' },
      { href: '/outages', label: 'График плановых отключений' },
      { href: '/rating', label: 'Оценить качество' },
    ],
  },
  { title: 'Учётная запись', items: [{ href: '/profile', label: 'Профиль' }] },
  {
    title: 'Сотрудникам',
    items: [
      { href: '/staff/applications', label: 'Заявки на ТП', roles: READER_ROLES },
      { href: '/staff/ratings', label: 'Оценки качества', roles: READER_ROLES },
      { href: '/staff/appeals', label: 'Обращения', roles: READER_ROLES },
      { href: '/staff/appeals/report', label: 'Отчёт по обращениям', roles: READER_ROLES },
      { href: '/staff/register-visitor', label: 'Регистрация посетителя', roles: STAFF_ROLES },
      { href: '/staff/outages', label: 'Отключения (сотрудники)', roles: STAFF_ROLES },
      { href: '/admin/users', label: 'Пользователи', roles: ADMIN_ROLES },
      { href: '/admin/tariffs', label: 'Тарифы', roles: ADMIN_ROLES },
      { href: '/audit', label: 'Аудит', roles: AUDIT_ROLES },
      { href: '/audit/access-log', label: 'Журнал доступа', roles: AUDIT_ROLES },
    ],
  },
];

function MainNav(props: { open: boolean; onClose: () => void }) {
  const groups = () =>
    NAV_GROUPS.map((group) => ({ ...group, items: group.items.filter((item) => !item.roles || hasRole(session.user(), item.roles)) })).filter((group) => group.items.length > 0);
  return (
    <nav id="app-nav" class="app-nav" classList={{ 'is-open': props.open }} aria-label="Разделы личного кабинета" onKeyDown={(e) => e.key === 'Escape' && props.onClose()}>
      <For each={groups()}>
        {(group, i) => (
          <div class="app-nav__group">
            <h2 class="app-nav__title" id={`nav-group-${i()}`}>
              {group.title}
            </h2>
            <ul class="app-nav__list" aria-labelledby={`nav-group-${i()}`}>
              <For each={group.items}>
                {(item) => (
                  <li>
                    <A
                      href={item.href}
                      class="app-nav__link"
                      activeClass="is-active"
                      end={item.href !== '/staff/applications'}
                      aria-label={item.count && item.count() > 0 ? `${item.label}, непрочитанных: ${item.count()}` : undefined}
                    >
                      {item.label}
                      <Show when={item.count?.()}>
                        {(n) => (
                          <span class="nav-badge" aria-hidden="true">
                            {n() > 99 ? '99+' : n()}
                          </span>
                        )}
                      </Show>
                    </A>
                  </li>
                )}
              </For>
            </ul>
          </div>
        )}
      </For>
    </nav>
  );
}

function Shell(props: RouteSectionProps) {
  const location = useLocation();
  const navigate = useNavigate();
  const [menuOpen, setMenuOpen] = createSignal(false);
  const [loggingOut, setLoggingOut] = createSignal(false);
  const [logoutProblem, setLogoutProblem] = createSignal<string | null>(null);
  const user = () => session.user();
  // A user who still has to replace a temporary password sees no sections: they would all refuse.
  const showNav = () => Boolean(user() && !user()?.mustChangePassword);

  createEffect(
    on(
      () => location.pathname,
      () => {
        setMenuOpen(false);
        setLogoutProblem(null);
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
    setLoggingOut(true);
    setLogoutProblem(null);
    try {
      await session.logout();
      navigate('/login', { replace: true });
    } catch (error) {
      setLogoutProblem(describeApiError(error).message);
    } finally {
      setLoggingOut(false);
    }
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
                <Button variant="secondary" size="small" class="btn--inverse" loading={loggingOut()} onClick={() => void logout()}>
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
          <Show when={logoutProblem()}>
            <Alert tone="error" class="app-main__notice">
              {logoutProblem()}
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

function HomeRoute() {
  const user = () => session.user();
  return (
    <Switch>
      <Match when={user() === null}>
        <LandingPage />
      </Match>
      <Match when={user()?.mustChangePassword}>
        <Navigate href="/change-password" />
      </Match>
      <Match when={user()}>{(u) => <HomePage user={u()} />}</Match>
    </Switch>
  );
}

const Public = (props: RouteSectionProps) => <PublicOnly>{props.children}</PublicOnly>;
const Member = (props: RouteSectionProps) => <RequireUser>{props.children}</RequireUser>;
const PasswordChange = () => (
  <RequireUser allowForcedChange>
    <ChangePasswordPage />
  </RequireUser>
);
const ApplicantOnly = (props: RouteSectionProps) => (
  <RequireUser roles={APPLICANT_ROLES} forbidden="Этот раздел предназначен для заявителей. Заявки на технологическое присоединение сотрудники ведут в разделе «Заявки на ТП».">
    {props.children}
  </RequireUser>
);
const StaffOnly = (props: RouteSectionProps) => <RequireUser roles={STAFF_ROLES}>{props.children}</RequireUser>;
const ApplicantAppeals = (props: RouteSectionProps) => (
  <RequireUser roles={APPLICANT_ROLES} forbidden="Этот раздел предназначен для заявителей. Обращения потребителей сотрудники ведут в разделе «Обращения» группы «Сотрудникам».">
    {props.children}
  </RequireUser>
);
const Readers = (props: RouteSectionProps) => <RequireUser roles={READER_ROLES}>{props.children}</RequireUser>;
const AdminOnly = (props: RouteSectionProps) => <RequireUser roles={ADMIN_ROLES}>{props.children}</RequireUser>;
const Auditors = (props: RouteSectionProps) => <RequireUser roles={AUDIT_ROLES}>{props.children}</RequireUser>;

export default function App() {
  return (
    <Router root={Shell}>
      <Route path="/" component={HomeRoute} />
      <Route path="/calculator" component={CalculatorPage} />
      <Route path="/outages" component={OutagesPage} />
      <Route component={Public}>
        <Route path="/login" component={LoginPage} />
        <Route path="/register" component={RegisterPage} />
        <Route path="/forgot-password" component={ForgotPasswordPage} />
      </Route>
      <Route path="/change-password" component={PasswordChange} />
      <Route component={ApplicantOnly}>
        <Route path="/applications/new" component={NewApplicationPage} />
        <Route path="/applications" component={ApplicationsListPage} />
        <Route path="/applications/:id" component={ApplicationCasePage} />
      </Route>
      <Route component={ApplicantAppeals}>
        <Route path="/appeals" component={AppealsListPage} />
        <Route path="/appeals/new" component={NewAppealPage} />
        <Route path="/appeals/:id" component={AppealCasePage} />
      </Route>
      <Route component={Member}>
        <Route path="/notifications" component={NotificationsPage} />
        <Route path="/rating" component={RatingPage} />
        <Route path="/profile" component={ProfilePage} />
      </Route>
      <Route component={Readers}>
        <Route path="/staff/applications" component={StaffApplicationsPage} />
        <Route path="/staff/applications/:id" component={StaffApplicationCasePage} />
        <Route path="/staff/ratings" component={StaffRatingsPage} />
        <Route path="/staff/appeals" component={StaffAppealsInboxPage} />
        <Route path="/staff/appeals/report" component={AppealsReportPage} />
        <Route path="/staff/appeals/:id" component={StaffAppealCasePage} />
      </Route>
      <Route component={StaffOnly}>
        <Route path="/staff/register-visitor" component={RegisterVisitorPage} />
        <Route path="/staff/outages" component={StaffOutagesPage} />
      </Route>
      <Route component={AdminOnly}>
        <Route path="/admin/users" component={AdminUsersPage} />
        <Route path="/admin/tariffs" component={AdminTariffsPage} />
      </Route>
      <Route component={Auditors}>
        <Route path="/audit" component={AuditSearchPage} />
        <Route path="/audit/cases/:workflowId" component={AuditCaseHistoryPage} />
        <Route path="/audit/access-log" component={AuditAccessLogPage} />
      </Route>
      <Route path="*404" component={NotFoundPage} />
    </Router>
  );
}
