import { A } from '@solidjs/router';
import { buttonClass, Card } from '../ui';

/** What a visitor who is not logged in sees: what the cabinet is and how to get in. */
export default function LandingPage() {
  return (
    <div class="stack stack--lg">
      <section class="landing-hero" aria-labelledby="landing-title">
        <h1 id="landing-title" tabIndex={-1}>
          Личный кабинет
        </h1>
        <p class="landing-lead">
          Электронный сервис сетевой организации для потребителей: заявки на технологическое присоединение, обращения, ход и статус их рассмотрения — без визита в офис.
        </p>
        <div class="cluster">
          <A href="/login" class={buttonClass('primary')}>
            Войти
          </A>
          <A href="/register" class={buttonClass('secondary')}>
            Регистрация
          </A>
        </div>
      </section>

      <div class="landing-grid">
        <Card title="Что можно сделать">
          <ul class="plain-list">
            <li>подать заявку на технологическое присоединение к электрическим сетям;</li>
            <li>направить обращение в сетевую организацию в электронном виде;</li>
            <li>следить за ходом и статусом рассмотрения заявок и обращений;</li>
            <li>рассчитать стоимость технологического присоединения;</li>
            <li>оценить качество и доступность технологического присоединения;</li>
            <li>узнать график плановых отключений электроэнергии.</li>
          </ul>
        </Card>
        <Card title="Как зарегистрироваться">
          <ol class="plain-list">
            <li>Нажмите «Регистрация» и заполните форму: адрес электронной почты и СНИЛС для физического лица или ИНН и КПП для юридического лица.</li>
            <li>Поставьте отметку о согласии на обработку персональных данных и нажмите «Зарегистрироваться».</li>
            <li>Логин и пароль придут на указанный адрес электронной почты. Логином служит этот адрес.</li>
          </ol>
          <p class="muted" style={{ margin: 0 }}>
            Зарегистрироваться можно и при личном обращении в офис сетевой организации. Если пароль забыт, восстановите его на странице входа.
          </p>
        </Card>
      </div>
    </div>
  );
}
