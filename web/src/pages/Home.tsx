import { Show } from 'solid-js';
import { ROLE_LABELS } from '../../../domain/account';
import { takeFlash } from '../flash';
import { hasRole, session, STAFF_ROLES } from '../session';
import type { PublicUser } from '../trpc';
import { Alert, Card, PageHeader } from '../ui';

/** The logged-in start page. Sections are reached from the menu; this page does not repeat its links. */
export default function HomePage(props: { user: PublicUser }) {
  const notice = takeFlash();
  return (
    <div class="stack stack--lg">
      <PageHeader title="Личный кабинет" description={`Здравствуйте, ${props.user.displayName || props.user.email}!`} />
      <Show when={notice}>{(n) => <Alert tone={n().tone}>{n().text}</Alert>}</Show>
      <div class="landing-grid">
        <Card title="Заявки и обращения">
          <p class="muted" style={{ margin: 0 }}>
            Подайте заявку на технологическое присоединение или обращение и следите за ходом их рассмотрения в разделах «Поданные заявки» и «Уведомления».
          </p>
        </Card>
        <Card title="Сервисы">
          <p class="muted" style={{ margin: 0 }}>
            Рассчитайте стоимость присоединения, узнайте график плановых отключений и оцените качество услуги.
          </p>
        </Card>
        <Card title="Учётная запись">
          <p class="muted" style={{ margin: 0 }}>
            В профиле — контактные данные для связи, смена пароля и выход на всех устройствах.
          </p>
        </Card>
        <Show when={hasRole(session.user(), STAFF_ROLES)}>
          <Card title="Для сотрудников">
            <p class="muted" style={{ margin: 0 }}>
              Вы вошли с ролью «{ROLE_LABELS[props.user.role]}». Служебные разделы — в конце меню.
            </p>
          </Card>
        </Show>
      </div>
    </div>
  );
}
