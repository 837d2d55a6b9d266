import type { CurrentUser } from '../../../../shared/auth';
import type { DocumentCategory, FunderKind, GrantCall, KnowHowStatus } from '../../../../shared/grants';
import type { Locale } from '../../../../shared/messages';
import type { I18n } from '../../i18n/use-i18n';
import { isStaff } from '../../lib/current-user';
import { amountRange } from './deadlines';

export const funderKindLabel = (t: I18n['t'], kind: FunderKind) => t(`grants.funderKind.${kind}`);
export const knowHowStatusLabel = (t: I18n['t'], status: KnowHowStatus) => t(`grants.status.${status}`);
export const documentCategoryLabel = (t: I18n['t'], category: DocumentCategory) => t(`grants.category.${category}`);

/** Who gives the grant: the funder's name, or the administration's when it is the city's. */
export function funderName(call: Pick<GrantCall, 'funderName' | 'administration'>, locale: Locale): string {
  if (call.funderName) return call.funderName;
  if (call.administration) return locale === 'en' ? call.administration.nameEn || call.administration.nameSv : call.administration.nameSv;
  return '';
}

export const referenceLabel = (item: { nameSv: string; nameEn: string }, locale: Locale) => (locale === 'en' ? item.nameEn || item.nameSv : item.nameSv);

/** "10 000–50 000 kr", "upp till 50 000 kr", … or null when no amount is given. */
export function amountText(i18n: Pick<I18n, 't' | 'number'>, min: number | null, max: number | null): string | null {
  const range = amountRange(min, max);
  switch (range.kind) {
    case 'none':
      return null;
    case 'exact':
      return i18n.t('grants.amountExact', { amount: i18n.number(range.amount) });
    case 'between':
      return i18n.t('grants.amountBetween', { min: i18n.number(range.min), max: i18n.number(range.max) });
    case 'from':
      return i18n.t('grants.amountFrom', { min: i18n.number(range.min) });
    case 'upTo':
      return i18n.t('grants.amountUpTo', { max: i18n.number(range.max) });
  }
}

export function fileSizeText(i18n: Pick<I18n, 't' | 'number'>, bytes: number): string {
  if (bytes < 1024) return i18n.t('grants.sizeBytes', { size: i18n.number(bytes) });
  if (bytes < 1024 * 1024) return i18n.t('grants.sizeKb', { size: i18n.number(Math.round(bytes / 1024)) });
  return i18n.t('grants.sizeMb', { size: i18n.number(Math.round((bytes / (1024 * 1024)) * 10) / 10) });
}

/** Mirrors the server's policy (server/features/grants/policy.ts) to show only buttons that work. */
export function canAddCall(user: CurrentUser | null): boolean {
  if (!user) return false;
  return user.role === 'official' || isStaff(user) || user.memberships.some((m) => m.status === 'active');
}

/** The writer while still an active member of the organisation, its admins, staff. */
export function canManagePost(user: CurrentUser | null, post: { createdById: string | null; organisation: { id: string } }): boolean {
  if (!user) return false;
  const membership = user.memberships.find((m) => m.organisationId === post.organisation.id && m.status === 'active');
  return (post.createdById === user.id && !!membership) || isStaff(user) || membership?.role === 'admin';
}

/** Documents on know-how: the organisation's active members and staff (canAddKnowHowDocument). */
export function canAddKnowHowDocument(user: CurrentUser | null, organisationId: string): boolean {
  if (!user) return false;
  return isStaff(user) || user.memberships.some((m) => m.organisationId === organisationId && m.status === 'active');
}

/** Who added it and staff; on know-how the organisation's admins too, and who added it only while still a member. */
export function canRemoveDocument(user: CurrentUser | null, document: { uploadedById: string | null }, knowHowOrganisationId: string | null): boolean {
  if (!user) return false;
  if (isStaff(user)) return true;
  if (!knowHowOrganisationId) return document.uploadedById === user.id;
  const membership = user.memberships.find((m) => m.organisationId === knowHowOrganisationId && m.status === 'active');
  return (document.uploadedById === user.id && !!membership) || membership?.role === 'admin';
}
