import { A, Navigate, Route, Router, useLocation, useNavigate, type RouteSectionProps } from '@solidjs/router';
import { createEffect, createSignal, For, Match, on, Show, Switch } from 'solid-js';
import type { Role } from '../../domain/account';
import { PublicOnly, RequireUser } from './guards';
import AdminTariffsPage from './pages/admin/Tariffs';
import AdminUsersPage from './pages/admin/Users';
import AuditAccessLogPage from './pages/audit/AccessLog';
import AuditCaseHistoryPage from './pages/audit/CaseHistory';
import AuditSearchPage from './pages/audit/Search';
import { AUDIT_ROLES } from './pages/audit/shared';
import CalculatorPage from './pages/Calculator';
import ChangePasswordPage from './pages/ChangePassword';
import ForgotPasswordPage from './pages/ForgotPassword';
import HomePage from './pages/Home';
import LandingPage from './pages/Landing';
import LoginPage from './pages/Login';
import NotFoundPage from './pages/NotFound';
import ProfilePage from './pages/Profile';
import RegisterPage from './pages/Register';
import AppealCasePage from './pages/appeals/Case';
import AppealsListPage from './pages/appeals/List';
import NewAppealPage from './pages/appeals/New';
import ApplicationCasePage from './pages/applications/Case';
import ApplicationsListPage from './pages/applications/List';
import NewApplicationPage from './pages/applications/New';
import NotificationsPage from './pages/Notifications';
import OutagesPage from './pages/outages/Schedule';
import RatingPage from './pages/Rating';
import StaffAppealCasePage from './pages/staff/appeals/Case';
import StaffAppealsInboxPage from './pages/staff/appeals/Inbox';
import AppealsReportPage from './pages/staff/appeals/Report';
import StaffApplicationCasePage from './pages/staff/ApplicationCase';
import StaffApplicationsPage from './pages/staff/Applications';
import StaffOutagesPage from './pages/staff/outages/Outages';
import StaffRatingsPage from './pages/staff/Ratings';
import RegisterVisitorPage from './pages/staff/RegisterVisitor';
import { unread } from './notifications';
import { ADMIN_ROLES, APPLICANT_ROLES, hasRole, READER_ROLES, session, STAFF_ROLES } from './session';
import { describeApiError } from './trpc';
import { Alert, Button, Card, Loading } from './ui';

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
            <Match when={session.state() === 'ready'}>{props.children}</Match>
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
