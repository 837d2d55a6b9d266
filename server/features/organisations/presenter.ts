import type { Contact } from '../../../shared/organisations';
import type { contacts } from '../../db/schema/index';

const YEAR_MS = 365 * 24 * 3600_000;

export function presentContact(row: typeof contacts.$inferSelect, showDetails: boolean, now = Date.now()): Contact {
  return {
    id: row.id,
    name: row.name,
    title: row.title,
    email: showDetails ? row.email : null,
    phone: showDetails ? row.phone : null,
    lastConfirmedAt: row.lastConfirmedAt.toISOString(),
    needsConfirmation: now - row.lastConfirmedAt.getTime() > YEAR_MS,
  };
}
