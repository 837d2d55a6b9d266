import type { CurrentUser } from '../../../../shared/auth';
import type { Locale } from '../../../../shared/messages';
import { costTypes, premisesTypes, type BookingStatus, type Conflict, type Premises, type PremisesType } from '../../../../shared/premises';
import type { I18n } from '../../i18n/use-i18n';
import type { Option } from '../../lib/ui/form';

export const typeLabel = (t: I18n['t'], type: PremisesType) => t(`premises.type.${type}`);
export const typeOptions = (t: I18n['t']): Option[] => premisesTypes.map((type) => ({ value: type, label: typeLabel(t, type) }));

export const costLabel = (t: I18n['t'], cost: Premises['costType']) => t(`premises.cost.${cost}`);
export const costOptions = (t: I18n['t']): Option[] => costTypes.map((cost) => ({ value: cost, label: costLabel(t, cost) }));

export const statusLabel = (t: I18n['t'], status: BookingStatus) => t(`bookings.status.${status}`);
export const reasonLabel = (t: I18n['t'], reason: Conflict['reason']) => t(`booking.reason.${reason}`);

const intlLocale = (locale: Locale) => (locale === 'sv' ? 'sv-SE' : 'en-GB');

/** "måndag" / "Monday" for an ISO weekday (Monday = 1). */
export function weekdayName(locale: Locale, weekday: number): string {
  // 2024-01-01 was a Monday.
  const date = new Date(Date.UTC(2024, 0, weekday));
  return new Intl.DateTimeFormat(intlLocale(locale), { weekday: 'long', timeZone: 'UTC' }).format(date);
}

/** A local date with its weekday: "tisdag 3 december 2026" (long) or "tis 3 dec" (short). */
export function localDateLabel(locale: Locale, iso: string, style: 'long' | 'short' = 'long'): string {
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(locale), {
    weekday: style === 'long' ? 'long' : 'short',
    day: 'numeric',
    month: style === 'long' ? 'long' : 'short',
    ...(style === 'long' ? { year: 'numeric' } : {}),
    timeZone: 'UTC',
  }).format(date);
}

/** "18:00–20:00" */
export const timeRange = (start: string, end: string) => `${start}–${end}`;

export interface OrganisationChoice {
  id: string;
  name: string;
  slug: string;
  admin: boolean;
}

/** The organisations one acts for: active memberships, admins marked. */
export function activeOrganisations(user: CurrentUser | null): OrganisationChoice[] {
  return (user?.memberships ?? [])
    .filter((m) => m.status === 'active')
    .map((m) => ({ id: m.organisationId, name: m.organisationName, slug: m.organisationSlug, admin: m.role === 'admin' }));
}

export function isAdminOf(user: CurrentUser | null, organisationId: string): boolean {
  return activeOrganisations(user).some((o) => o.id === organisationId && o.admin);
}

export function isMemberOf(user: CurrentUser | null, organisationId: string): boolean {
  return activeOrganisations(user).some((o) => o.id === organisationId);
}

