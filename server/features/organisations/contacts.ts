import { and, eq } from 'drizzle-orm';
import type { Contact, ContactData } from '../../../shared/organisations';
import type { Db } from '../../db/client';
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

/** Saving a contact counts as confirming it: whoever edits it has just looked at it. */
export async function updateContact(db: Db, actor: AuthUser, organisationId: string, contactId: string, input: ContactData): Promise<Contact> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(contacts)
      .set({ ...values(input), lastConfirmedAt: new Date() })
      .where(and(eq(contacts.id, contactId), eq(contacts.organisationId, organisationId)))
      .returning();
    if (!row) throw notFound();
    await tx.insert(auditLog).values({ actorId: actor.id, action: 'contact.update', targetType: 'organisation', targetId: organisationId, detail: { contactId } });
    return presentContact(row, true);
  });
}

export async function confirmContact(db: Db, actor: AuthUser, organisationId: string, contactId: string): Promise<Contact> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(contacts)
      .set({ lastConfirmedAt: new Date() })
      .where(and(eq(contacts.id, contactId), eq(contacts.organisationId, organisationId)))
      .returning();
    if (!row) throw notFound();
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
