import { and, eq } from 'drizzle-orm';
import type { Contact, ContactData } from '../../../shared/organisations';
import type { Db, Tx } from '../../db/client';
import { auditLog, contacts } from '../../db/schema/index';
import { notFound } from '../../lib/errors';
import type { AuthUser } from '../../lib/sessions';
import { presentContact } from './presenter';

const values = (input: ContactData) => ({ name: input.name, title: input.title, email: input.email ?? null, phone: input.phone ?? null });

export async function addContact(db: Db, actor: AuthUser, organisationId: string, input: ContactData): Promise<Contact> {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(contacts).values({ ...values(input), organisationId }).returning();
    await tx.insert(auditLog).values({ actorId: actor.id, action: 'contact.create', targetType: 'organisation', targetId: organisationId, detail: { contactId: row.id } });
    return presentContact(row, true);
  });
}

// A confirmation renews a contact for another year; one renewed within the last day is current
// already, so repeating it (a second click, a retry, an unchanged save) writes and records nothing.
const RECENTLY_CONFIRMED_MS = 24 * 3600_000;
const recentlyConfirmed = (row: typeof contacts.$inferSelect) => Date.now() - row.lastConfirmedAt.getTime() < RECENTLY_CONFIRMED_MS;

async function findContact(tx: Tx, organisationId: string, contactId: string) {
  const [row] = await tx
    .select()
    .from(contacts)
    .where(and(eq(contacts.id, contactId), eq(contacts.organisationId, organisationId)))
    .for('update');
  if (!row) throw notFound();
  return row;
}

/** Saving a contact counts as confirming it: whoever edits it has just looked at it. */
export async function updateContact(db: Db, actor: AuthUser, organisationId: string, contactId: string, input: ContactData): Promise<Contact> {
  return db.transaction(async (tx) => {
    const current = await findContact(tx, organisationId, contactId);
    const next = values(input);
    const unchanged = (Object.keys(next) as (keyof typeof next)[]).every((key) => current[key] === next[key]);
    if (unchanged && recentlyConfirmed(current)) return presentContact(current, true);
    const [row] = await tx
      .update(contacts)
      .set({ ...next, lastConfirmedAt: new Date() })
      .where(eq(contacts.id, contactId))
      .returning();
    await tx.insert(auditLog).values({ actorId: actor.id, action: unchanged ? 'contact.confirm' : 'contact.update', targetType: 'organisation', targetId: organisationId, detail: { contactId } });
    return presentContact(row, true);
  });
}

export async function confirmContact(db: Db, actor: AuthUser, organisationId: string, contactId: string): Promise<Contact> {
  return db.transaction(async (tx) => {
    const current = await findContact(tx, organisationId, contactId);
    if (recentlyConfirmed(current)) return presentContact(current, true);
    const [row] = await tx.update(contacts).set({ lastConfirmedAt: new Date() }).where(eq(contacts.id, contactId)).returning();
    await tx.insert(auditLog).values({ actorId: actor.id, action: 'contact.confirm', targetType: 'organisation', targetId: organisationId, detail: { contactId } });
    return presentContact(row, true);
  });
}

export async function removeContact(db: Db, actor: AuthUser, organisationId: string, contactId: string) {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .delete(contacts)
      .where(and(eq(contacts.id, contactId), eq(contacts.organisationId, organisationId)))
      .returning({ id: contacts.id });
    if (!row) throw notFound();
    await tx.insert(auditLog).values({ actorId: actor.id, action: 'contact.delete', targetType: 'organisation', targetId: organisationId, detail: { contactId } });
  });
}
