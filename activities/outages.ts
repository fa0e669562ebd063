// The outage warning: find the subscriptions the outage touches and notify
// each subscriber once per (outage, start time, kind).
import { formatStreets, outageTouches, normalizePlace } from '../domain/outages';
import type { Db } from '../db';
import type { createCaseActivities } from './cases';

const when = new Intl.DateTimeFormat('ru-RU', { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Moscow' });
const until = new Intl.DateTimeFormat('ru-RU', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Moscow' });

export function createOutageActivities({ db, notify }: { db: Db; notify: ReturnType<typeof createCaseActivities>['notify'] }) {
  return {
    async warnOutageSubscribers(req: { outageId: string; version: number; startsAt: number; kind: 'warning' | 'moved' | 'cancelled' }): Promise<number> {
      const outage = await db.Outage.findByPk(req.outageId);
      // A newer plan is on its way to the workflow (or the outage is gone): this one is stale.
      if (!outage || outage.version !== req.version) return 0;
      if (req.kind !== 'cancelled' && outage.status === 'cancelled') return 0;
      const candidates = await db.OutageSubscription.findAll();
      const touched = candidates.filter((s) => normalizePlace(s.settlement) === normalizePlace(outage.settlement) && outageTouches(outage, s));
      const users = [...new Set(touched.map((s) => s.userId))];
      const window = `${when.format(outage.startsAt)}–${until.format(outage.endsAt)} (мск)`;
      const place = `${outage.settlement}: ${formatStreets(outage.streets)}`;
      const title = req.kind === 'cancelled' ? 'Плановое отключение отменено' : req.kind === 'moved' ? 'Плановое отключение перенесено' : 'Плановое отключение электроэнергии';
      const body =
        req.kind === 'cancelled'
          ? `Отключение ${window} по адресу ${place} отменено${outage.cancelReason ? `: ${outage.cancelReason}` : ''}.`
          : `${window} электроэнергия будет отключена: ${place}. Причина: ${outage.reason}. Объект сети: ${outage.gridObject}.`;
      for (const userId of users) {
        await notify({
          key: `outage:${outage.id}:${req.startsAt}:${req.kind}:${userId}`,
          caseId: outage.id,
          caseNumber: `Отключение ${when.format(outage.startsAt).slice(0, 10)}`,
          kind: 'outage',
          title,
          body,
          to: { userId },
          link: '/outages',
        });
      }
      return users.length;
    },
  };
}
