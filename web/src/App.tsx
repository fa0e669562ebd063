// The cabinet's routes, as one table: each section behind the guard of the role
// group that may open it (domain/roles.ts; the server checks again). Every page
// is its own chunk: the first page (login, then the application list) loads only
// what it shows; staff, admin, audit and calculator code comes when it is opened.
import { Navigate, Router, type RouteDefinition, type RouteSectionProps } from '@solidjs/router';
import { lazy, Match, Switch, type Component } from 'solid-js';
import type { RoleGroup } from '../../domain/roles';
// The guards show the 404/403 page themselves, so it is in the entry chunk anyway.
import NotFoundPage from './pages/NotFound';
import { session } from './session';
import { PublicOnly, RequireUser } from './shell/guards';
import { Shell } from './shell/Shell';

const HomePage = lazy(() => import('./pages/Home'));
const LandingPage = lazy(() => import('./pages/Landing'));
const ChangePasswordPage = lazy(() => import('./pages/ChangePassword'));

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
const PasswordChange = () => (
  <RequireUser allowForcedChange>
    <ChangePasswordPage />
  </RequireUser>
);

/** A section of routes for one role group (none: any logged-in user); `forbidden` says where the others should go. */
function guarded(group: RoleGroup | undefined, forbidden?: string): Component<RouteSectionProps> {
  return (props) => (
    <RequireUser group={group} forbidden={forbidden}>
      {props.children}
    </RequireUser>
  );
}

type Loader = () => Promise<{ default: Component }>;
const section = (component: Component<RouteSectionProps>, pages: Record<string, Loader>): RouteDefinition => ({
  component,
  children: Object.entries(pages).map(([path, load]) => ({ path, component: lazy(load) })),
});

const ROUTES: RouteDefinition[] = [
  { path: '/', component: HomeRoute },
  { path: '/calculator', component: lazy(() => import('./pages/Calculator')) },
  { path: '/outages', component: lazy(() => import('./pages/outages/Schedule')) },
  { path: '/open-data/lead-times', component: lazy(() => import('./features/transparency/LeadTimes')) },
  { path: '/open-data/disclosures', component: lazy(() => import('./features/transparency/Disclosures')) },
  { path: '/open-data/capacity', component: lazy(() => import('./features/transparency/Capacity')) },
  section(Public, {
    '/login': () => import('./pages/Login'),
    '/register': () => import('./pages/Register'),
    '/forgot-password': () => import('./pages/ForgotPassword'),
    // An invitation to a company's or ИП's organisation (the token in the link's fragment).
    '/invitation': () => import('./features/organisation/InvitationPage'),
  }),
  { path: '/change-password', component: PasswordChange },
  section(guarded('applicants', 'Этот раздел предназначен для заявителей. Заявки на технологическое присоединение сотрудники ведут в разделе «Заявки на ТП».'), {
    '/applications/new': () => import('./pages/applications/New'),
    '/applications': () => import('./pages/applications/List'),
    '/applications/:id': () => import('./pages/applications/Case'),
  }),
  section(guarded('applicants', 'Этот раздел предназначен для заявителей. Обращения потребителей сотрудники ведут в разделе «Обращения» группы «Сотрудникам».'), {
    '/appeals': () => import('./pages/appeals/List'),
    '/appeals/new': () => import('./pages/appeals/New'),
    '/appeals/:id': () => import('./pages/appeals/Case'),
  }),
  section(guarded('applicants', 'Раздел «Организация» — для заявителей: организаций и индивидуальных предпринимателей.'), {
    '/organisation': () => import('./features/organisation/OrganisationPage'),
  }),
  section(guarded('applicants', 'Раздел «Представители» — для заявителей. Доверенности сотрудники проверяют в разделе «Доверенности» группы «Сотрудникам».'), {
    // Powers of attorney: whom the applicant authorised and whom they represent (issue 20 item 6).
    '/representation': () => import('./features/representation/RepresentationPage'),
  }),
  section(guarded(undefined), {
    '/notifications': () => import('./pages/Notifications'),
    // Conversations of an applicant's cases, or applicants' unread messages for staff (issue 20 item 5).
    '/messages': () => import('./features/conversation/Inbox'),
    '/rating': () => import('./pages/Rating'),
    '/profile': () => import('./pages/Profile'),
  }),
  section(guarded('readers'), {
    '/staff/applications': () => import('./pages/staff/Applications'),
    '/staff/applications/:id': () => import('./pages/staff/ApplicationCase'),
    '/staff/ratings': () => import('./pages/staff/Ratings'),
    '/staff/appeals': () => import('./pages/staff/appeals/Inbox'),
    '/staff/appeals/report': () => import('./pages/staff/appeals/Report'),
    '/staff/penalties': () => import('./pages/staff/Penalties'),
    '/staff/departments': () => import('./features/departments/DepartmentList'),
    '/staff/departments/:id': () => import('./features/departments/DepartmentQueue'),
    '/staff/departments/:id/workload': () => import('./features/departments/DepartmentWorkload'),
    '/staff/powers-of-attorney': () => import('./features/representation/StaffPowersOfAttorney'),
    '/staff/appeals/:id': () => import('./pages/staff/appeals/Case'),
  }),
  section(guarded('staff'), {
    '/staff/register-visitor': () => import('./pages/staff/RegisterVisitor'),
    '/staff/outages': () => import('./pages/staff/outages/Outages'),
  }),
  section(guarded('admins'), {
    '/admin/users': () => import('./pages/admin/Users'),
    '/admin/tariffs': () => import('./pages/admin/Tariffs'),
    '/admin/calendars': () => import('./pages/admin/Calendars'),
    '/admin/capacity': () => import('./features/transparency/CapacityAdmin'),
    '/admin/payment-requisites': () => import('./features/payment-requisites/PaymentRequisitesAdmin'),
    '/admin/departments': () => import('./features/departments/DepartmentsAdmin'),
  }),
  section(guarded('suppliers'), {
    '/supplier': () => import('./features/supplier/SupplierCases'),
  }),
  section(guarded('auditors'), {
    '/audit': () => import('./pages/audit/Search'),
    '/audit/cases/:workflowId': () => import('./pages/audit/CaseHistory'),
    '/audit/access-log': () => import('./pages/audit/AccessLog'),
  }),
  { path: '*404', component: NotFoundPage },
];

export default function App() {
  return <Router root={Shell}>{ROUTES}</Router>;
}
