import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Locale } from '../../../shared/messages';
import type { Db } from '../../db/client';
import type { Mailer, OutgoingMail } from '../../plugins/mailer';

// The follow-up found contact lists that nobody kept current. Once a contact person has gone a year
// without confirmation, the organisation's admins get an e-mail, and again every 30 days until
// someone confirms. Claiming the contacts and sending happen once even with several server nodes:
// the UPDATE … RETURNING below claims each contact for exactly one caller.

type Due = {
  organisation_id: string;
  organisation_name: string;
  organisation_slug: string;
  contact_names: string[];
};

export async function sendContactReminders(db: Db, mailer: Mailer, publicUrl: string): Promise<number> {
  const due = await db.execute<Due>(sql`
    with claimed as (
      update contacts set reminder_sent_at = now()
      where last_confirmed_at < now() - interval '1 year'
        and (reminder_sent_at is null or reminder_sent_at < last_confirmed_at or reminder_sent_at < now() - interval '30 days')
      returning organisation_id, name)
    select o.id as organisation_id, o.name as organisation_name, o.slug as organisation_slug,
      array_agg(c.name order by c.name) as contact_names
    from claimed c join organisations o on o.id = c.organisation_id
    group by o.id, o.name, o.slug`);
  if (!due.rows.length) return 0;
  const admins = await db.execute<{ organisation_id: string; email: string; locale: Locale }>(sql`
    select m.organisation_id, u.email, u.locale from memberships m join users u on u.id = m.user_id
    where m.role = 'admin' and m.status = 'active'
      and m.organisation_id in (${sql.join(due.rows.map((r) => sql`${r.organisation_id}`), sql`, `)})`);
  let sent = 0;
  for (const org of due.rows) {
    for (const admin of admins.rows.filter((a) => a.organisation_id === org.organisation_id)) {
      mailer.send(reminderMail(admin.locale, admin.email, org.organisation_name, org.contact_names, `${publicUrl}/organisationer/${org.organisation_slug}`));
      sent++;
    }
  }
  return sent;
}

function reminderMail(locale: Locale, to: string, organisation: string, names: string[], link: string): OutgoingMail {
  const list = names.map((n) => `- ${n}`).join('\n');
  return locale === 'en'
    ? {
        to,
        subject: `Are ${organisation}'s contact people still right?`,
        text: `It is more than a year since these contact people of ${organisation} were confirmed:\n${list}\n\nPlease check them and click "Still correct", or update them:\n${link}`,
      }
    : {
        to,
        subject: `Stämmer kontaktpersonerna för ${organisation}?`,
        text: `Det är mer än ett år sedan de här kontaktpersonerna för ${organisation} bekräftades:\n${list}\n\nKontrollera dem och klicka på "Stämmer fortfarande", eller uppdatera dem:\n${link}`,
      };
}

/** Checks shortly after start and then twice a day. */
export function scheduleContactReminders(app: FastifyInstance) {
  const run = () =>
    sendContactReminders(app.db, app.mailer, app.publicUrl).then(
      (n) => n && app.log.info(`sent ${n} contact confirmation reminders`),
      (err: unknown) => app.log.error({ err }, 'contact reminders failed'),
    );
  const first = setTimeout(run, 60_000);
  const every = setInterval(run, 12 * 3600_000);
  first.unref();
  every.unref();
  app.addHook('onClose', async () => {
    clearTimeout(first);
    clearInterval(every);
  });
}
