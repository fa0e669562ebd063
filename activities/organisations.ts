// The invitation e-mail of an organisation (api/organisations). The link's
// token is created here, never in workflow code, so it does not enter the
// Temporal history; only its SHA-256 reaches the database, like a session's.
import { ApplicationFailure, Context } from '@temporalio/activity';
import { generateSessionToken, sessionIdFromToken } from '../auth/tokens';
import type { Db } from '../db';
import { sendOnce, type Mail, type Mailer } from './mailer';

export interface InvitationMailRequest {
  invitationId: string;
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function invitationMail(p: { to: string; name: string; organisation: string; invitedBy: string; link: string; expiresAt: Date }): Mail {
  const until = new Intl.DateTimeFormat('ru-RU', { day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Moscow' }).format(p.expiresAt);
  const paragraphs = [
    `Здравствуйте, ${p.name}!`,
    `${p.invitedBy}, администратор организации «${p.organisation}» в личном кабинете сетевой организации, приглашает вас работать с заявками и обращениями организации.`,
    `Чтобы принять приглашение и задать пароль, откройте ссылку: ${p.link}`,
    `Ссылка действует до ${until} (мск) и только один раз.`,
    'Если вы не ждали этого письма, просто проигнорируйте его: без вас учётная запись не будет создана.',
  ];
  const signature = 'Личный кабинет сетевой организации';
  const text = [...paragraphs, '', '—', signature].join('\n\n');
  const html = `<div style="font-family:Arial,sans-serif;font-size:15px;line-height:1.5;color:#1b2a3a">${paragraphs.map((x) => `<p>${escape(x)}</p>`).join('')}<p style="color:#5b6b7b">— ${signature}</p></div>`;
  return { to: p.to, subject: `Приглашение в личный кабинет организации «${p.organisation}»`, text, html };
}

export function createOrganisationActivities({ db, mailer, publicUrl }: { db: Db; mailer: Mailer; publicUrl: string }) {
  return {
    async issueOrganisationInvitation(req: InvitationMailRequest): Promise<'sent' | 'already-sent' | 'skipped'> {
      const invitation = await db.OrganisationInvitation.findByPk(req.invitationId);
      if (!invitation) {
        // The API starts the workflow inside the transaction that creates the invitation: wait for its commit a few times.
        if (Context.current().info.attempt >= 5) throw ApplicationFailure.nonRetryable(`invitation ${req.invitationId} does not exist`, 'InvitationNotFound');
        throw ApplicationFailure.retryable(`invitation ${req.invitationId} not committed yet`, 'InvitationNotYetCommitted');
      }
      const key = `organisation-invitation:${invitation.id}`;
      if ((await db.MailOutbox.findByPk(key))?.status === 'sent') return 'already-sent';
      if (invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt.getTime() <= Date.now()) return 'skipped';
      const [organisation, inviter] = await Promise.all([db.Organisation.findByPk(invitation.organisationId), db.User.findByPk(invitation.invitedBy)]);
      // A retry before the letter left issues a new token: only the link actually sent can work.
      const token = generateSessionToken();
      await invitation.update({ tokenHash: sessionIdFromToken(token) });
      const name = [invitation.firstName, invitation.middleName].filter(Boolean).join(' ');
      const invitedBy = inviter ? [inviter.lastName, inviter.firstName, inviter.middleName].filter(Boolean).join(' ') : 'Администратор';
      const link = `${publicUrl}/invitation#${token}`;
      return sendOnce(db, mailer, key, invitationMail({ to: invitation.email, name, organisation: organisation?.name ?? '', invitedBy, link, expiresAt: invitation.expiresAt }));
    },
  };
}
