// The texts of the cabinet's e-mails, in Russian, plain text plus simple HTML.
import type { Mail } from './mailer';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function letter(to: string, subject: string, paragraphs: string[], signature = 'Личный кабинет сетевой организации'): Mail {
  const text = [...paragraphs, '', '—', signature].join('\n\n');
  const html = `<div style="font-family:Arial,sans-serif;font-size:15px;line-height:1.5;color:#1b2a3a">${paragraphs
    .map((p) => `<p>${escape(p).replaceAll('\n', '<br>')}</p>`)
    .join('')}<p style="color:#5b6b7b">— ${escape(signature)}</p></div>`;
  return { to, subject, text, html };
}

export function credentialsMail(p: { to: string; name: string; password: string; loginUrl: string; byStaff: boolean }): Mail {
  return letter(p.to, 'Логин и пароль для входа в личный кабинет', [
    `Здравствуйте, ${p.name}!`,
    p.byStaff
      ? 'Сотрудник сетевой организации зарегистрировал вас в личном кабинете по вашему обращению в офис.'
      : 'Вы зарегистрировались в личном кабинете сетевой организации.',
    `Логин: ${p.to}\nПароль: ${p.password}`,
    `Войдите по ссылке ${p.loginUrl} — при первом входе система попросит сменить этот пароль на собственный.`,
    'Если вы не регистрировались, просто проигнорируйте это письмо.',
  ]);
}

export function recoveryMail(p: { to: string; name: string; password: string; loginUrl: string; validMinutes: number }): Mail {
  return letter(p.to, 'Пароль для входа в личный кабинет', [
    `Здравствуйте, ${p.name}!`,
    'Вы запросили восстановление доступа к личному кабинету.',
    `Логин: ${p.to}\nВременный пароль: ${p.password}`,
    `Пароль действует ${p.validMinutes} минут и один раз: войдите по ссылке ${p.loginUrl} и задайте новый пароль. После этого все прежние сеансы будут завершены.`,
    'Если вы не запрашивали восстановление, ничего не делайте: ваш прежний пароль продолжает действовать.',
  ]);
}

export function existingAccountMail(p: { to: string; name: string; matched: 'email' | 'identifier'; loginUrl: string }): Mail {
  return letter(p.to, 'Попытка повторной регистрации в личном кабинете', [
    `Здравствуйте, ${p.name}!`,
    p.matched === 'email'
      ? 'Кто-то пытался зарегистрироваться в личном кабинете с вашим адресом электронной почты. У вас уже есть учётная запись, новая не создана.'
      : 'Кто-то пытался зарегистрироваться в личном кабинете с вашими реквизитами (СНИЛС или ИНН/КПП) и другим адресом электронной почты. Учётная запись с этими реквизитами уже есть, новая не создана.',
    `Если это были вы и вы не помните пароль, воспользуйтесь ссылкой «Забыли пароль?» на странице ${p.loginUrl}.`,
    'Если это были не вы, ничего не делайте: данные вашей учётной записи не изменились.',
  ]);
}

/** A letter about a case event: the same words as the notification in the cabinet. */
export function caseMail(p: { to: string; subject: string; body: string; link: string | null }): Mail {
  return letter(p.to, p.subject, [p.body, ...(p.link ? [`Подробности в личном кабинете: ${p.link}`] : [])]);
}
