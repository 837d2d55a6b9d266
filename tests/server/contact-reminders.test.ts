import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { sendContactReminders } from '../../server/features/organisations/contact-reminders';
import type { OutgoingMail } from '../../server/plugins/mailer';
import { createOrganisation } from '../helpers/factories';
import { buildTestApp, type TestApp } from '../helpers/test-app';

let t: TestApp;
const mails: OutgoingMail[] = [];
beforeAll(async () => {
  t = await buildTestApp();
  t.app.mailer.on('sent', (m: OutgoingMail) => mails.push(m));
});
afterAll(() => t.close());

const remind = async () => {
  const n = await sendContactReminders(t.app.db, t.app.mailer, t.app.publicUrl);
  await t.app.mailer.idle();
  return n;
};

describe('yearly reminder to confirm contact people', () => {
  it('e-mails the organisation’s admins once a contact is a year old, once, until confirmed', async () => {
    const { organisation, admin, adminClient } = await createOrganisation(t.app, { name: 'Påminnelseföreningen' });
    const fresh = (await adminClient.post(`/api/organisations/${organisation.id}/contacts`, { name: 'Färsk Kontakt' })).json();
    const old = (await adminClient.post(`/api/organisations/${organisation.id}/contacts`, { name: 'Gammal Kontakt' })).json();
    await t.app.db.execute(sql`update contacts set last_confirmed_at = now() - interval '400 days' where id = ${old.id}`);

    expect(await remind()).toBe(1);
    const mail = mails.find((m) => m.to === admin.email)!;
    expect(mail.subject).toBe('Stämmer kontaktpersonerna för Påminnelseföreningen?');
    expect(mail.text).toContain('- Gammal Kontakt');
    expect(mail.text).not.toContain('Färsk Kontakt');
    expect(mail.text).toContain(`/organisationer/${organisation.slug}`);

    // Not again the next time the job runs, nor when two nodes run it at once.
    expect(await Promise.all([remind(), remind()])).toEqual([0, 0]);

    // After 30 more days without confirmation: reminded again.
    await t.app.db.execute(sql`update contacts set reminder_sent_at = now() - interval '31 days' where id = ${old.id}`);
    expect(await remind()).toBe(1);

    // Confirmed: no more reminders for a year.
    expect((await adminClient.post(`/api/organisations/${organisation.id}/contacts/${old.id}/confirm`)).statusCode).toBe(200);
    await t.app.db.execute(sql`update contacts set reminder_sent_at = now() - interval '31 days' where id = ${old.id}`);
    expect(await remind()).toBe(0);
    expect(fresh.needsConfirmation).toBe(false);
  });
});
