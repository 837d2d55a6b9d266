import { and, asc, eq, like, or, sql } from 'drizzle-orm';
import type { OrganisationData, OrganisationDetail } from '../../../shared/organisations';
import type { ReferenceKind } from '../../../shared/reference';
import type { Db, Tx } from '../../db/client';
import { auditLog, contacts, memberships, organisationReferences, organisations, referenceItems } from '../../db/schema/index';
import { conflict, invalid, notFound, type DomainFieldError } from '../../lib/errors';
import { isUniqueViolation } from '../../lib/pg-errors';
import type { AuthUser } from '../../lib/sessions';
import { becomesAdminOnCreate, canEditOrganisation, canManageMembers, canSeeContactDetails } from './policy';
import { presentContact } from './presenter';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const referenceFields: { field: 'districts' | 'targetGroups' | 'administrations' | 'resources'; kind: ReferenceKind }[] = [
  { field: 'districts', kind: 'district' },
  { field: 'targetGroups', kind: 'targetGroup' },
  { field: 'administrations', kind: 'administration' },
  { field: 'resources', kind: 'resource' },
];

export function slugify(name: string): string {
  return (
    name
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      // Cutting at 60 characters may leave a hyphen at the end.
      .replace(/-+$/, '') || 'organisation'
  );
}

/**
 * Slugs an organisation may not have: addresses the API or the app already use for something else
 * (`/api/organisations/overview`, `/organisationer/ny`), and anything shaped like an id, which would
 * make `/api/organisations/<that id>` ambiguous.
 */
const reservedSlugs = new Set(['overview', 'ny']);
const isReservedSlug = (slug: string) => reservedSlugs.has(slug) || uuidPattern.test(slug);

/** The first of base, base-2, base-3, … that is neither reserved nor taken. */
async function freeSlug(db: Db, base: string): Promise<string> {
  const taken = new Set(
    (await db.select({ slug: organisations.slug }).from(organisations).where(or(eq(organisations.slug, base), like(organisations.slug, `${base}-%`)))).map((r) => r.slug),
  );
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!isReservedSlug(candidate) && !taken.has(candidate)) return candidate;
  }
}

/** An organisation by id or slug; an id always wins over a slug that happens to look the same. */
export async function findOrganisationId(db: Db, ref: string): Promise<string> {
  const byId = uuidPattern.test(ref);
  const row = await db.query.organisations.findFirst({
    columns: { id: true },
    // Slugs are lower case; an address typed or linked with capitals still finds the organisation.
    where: byId ? or(eq(organisations.id, ref), eq(organisations.slug, ref.toLowerCase())) : eq(organisations.slug, ref.toLowerCase()),
    ...(byId ? { orderBy: sql`${organisations.id} = ${ref} desc` } : {}),
  });
  if (!row) throw notFound();
  return row.id;
}

export async function getOrganisation(db: Db, ref: string, viewer: AuthUser | null): Promise<OrganisationDetail> {
  const id = await findOrganisationId(db, ref);
  const org = await db.query.organisations.findFirst({ where: eq(organisations.id, id) });
  if (!org) throw notFound();
  const refs = await db
    .select({ kind: referenceItems.kind, slug: referenceItems.slug })
    .from(organisationReferences)
    .innerJoin(referenceItems, eq(referenceItems.id, organisationReferences.referenceId))
    .where(eq(organisationReferences.organisationId, id))
    .orderBy(asc(referenceItems.sortOrder), asc(referenceItems.slug));
  const contactRows = await db.select().from(contacts).where(eq(contacts.organisationId, id)).orderBy(asc(contacts.createdAt), asc(contacts.name));
  const membership = viewer?.memberships.find((m) => m.organisationId === id) ?? null;
  const showDetails = canSeeContactDetails(viewer);
  const slugsOf = (kind: ReferenceKind) => refs.filter((r) => r.kind === kind).map((r) => r.slug);
  return {
    id: org.id,
    slug: org.slug,
    name: org.name,
    orgNumber: org.orgNumber,
    legalForm: org.legalForm,
    description: org.description,
    website: org.website,
    email: org.email,
    phone: org.phone,
    sizeClass: org.sizeClass,
    signedAgreement: org.signedAgreement,
    signedAt: org.signedAt,
    districts: slugsOf('district'),
    targetGroups: slugsOf('targetGroup'),
    administrations: slugsOf('administration'),
    resources: slugsOf('resource'),
    resourceDescription: org.resourceDescription,
    contacts: contactRows.map((c) => presentContact(c, showDetails)),
    updatedAt: org.updatedAt.toISOString(),
    viewer: {
      canEdit: canEditOrganisation(viewer, id),
      canManageMembers: canManageMembers(viewer, id),
      membership: membership ? { role: membership.role, status: membership.status } : null,
    },
  };
}

/**
 * Turns the four slug lists into reference ids; an unknown slug is a field error, not a 500. An
 * archived value may stay on a profile that already has it (old profiles keep their meaning) but
 * cannot be chosen anew.
 */
async function resolveReferences(tx: Tx, input: OrganisationData, organisationId?: string): Promise<string[]> {
  const wanted = referenceFields.flatMap(({ field, kind }) => input[field].map((slug) => ({ field, kind, slug })));
  if (!wanted.length) return [];
  const rows = await tx
    .select({ id: referenceItems.id, kind: referenceItems.kind, slug: referenceItems.slug, archived: referenceItems.archived })
    .from(referenceItems)
    .where(or(...wanted.map((w) => and(eq(referenceItems.kind, w.kind), eq(referenceItems.slug, w.slug)))));
  const kept = new Set(
    organisationId
      ? (await tx.select({ id: organisationReferences.referenceId }).from(organisationReferences).where(eq(organisationReferences.organisationId, organisationId))).map((r) => r.id)
      : [],
  );
  const usable = rows.filter((r) => !r.archived || kept.has(r.id));
  const missing: DomainFieldError[] = [];
  for (const w of wanted) {
    if (!usable.some((r) => r.kind === w.kind && r.slug === w.slug) && !missing.some((m) => m.field === w.field)) {
      missing.push({ field: w.field, key: 'error.unknownReference', params: { field: w.field } });
    }
  }
  if (missing.length) throw invalid(missing);
  return [...new Set(usable.map((r) => r.id))];
}

function columns(input: OrganisationData) {
  return {
    name: input.name,
    orgNumber: input.orgNumber,
    legalForm: input.legalForm,
    description: input.description,
    website: input.website ?? null,
    email: input.email ?? null,
    phone: input.phone ?? null,
    sizeClass: input.sizeClass,
    signedAgreement: input.signedAgreement,
    signedAt: input.signedAgreement ? (input.signedAt ?? null) : null,
    resourceDescription: input.resourceDescription,
  };
}

function mapUniqueViolation(error: unknown): never {
  if (isUniqueViolation(error, 'organisations_org_number')) throw conflict('error.orgNumberTaken', 'orgNumber');
  throw error;
}

export async function createOrganisation(db: Db, actor: AuthUser, input: OrganisationData): Promise<string> {
  const base = slugify(input.name);
  // The free slug is looked up first; another registration may still take it in between, so retry.
  for (let attempt = 1; attempt <= 5; attempt++) {
    const slug = await freeSlug(db, base);
    try {
      return await db.transaction(async (tx) => {
        const referenceIds = await resolveReferences(tx, input);
        const [org] = await tx.insert(organisations).values({ ...columns(input), slug }).returning({ id: organisations.id });
        if (referenceIds.length) {
          await tx.insert(organisationReferences).values(referenceIds.map((referenceId) => ({ organisationId: org.id, referenceId })));
        }
        if (becomesAdminOnCreate(actor)) {
          await tx.insert(memberships).values({ userId: actor.id, organisationId: org.id, role: 'admin', status: 'active', decidedAt: new Date() });
        }
        await tx.insert(auditLog).values({ actorId: actor.id, action: 'organisation.create', targetType: 'organisation', targetId: org.id, detail: { name: input.name } });
        return org.id;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'organisations_slug')) continue;
      mapUniqueViolation(error);
    }
  }
  throw conflict('error.slugTaken', 'name');
}

/** Saving the profile as it is changes nothing: no new "updated" time, no audit entry. */
export async function updateOrganisation(db: Db, actor: AuthUser, id: string, input: OrganisationData) {
  try {
    await db.transaction(async (tx) => {
      const [current] = await tx.select().from(organisations).where(eq(organisations.id, id)).for('update');
      if (!current) throw notFound();
      const referenceIds = await resolveReferences(tx, input, id);
      const currentReferenceIds = (await tx.select({ id: organisationReferences.referenceId }).from(organisationReferences).where(eq(organisationReferences.organisationId, id))).map((r) => r.id);
      const next = columns(input);
      const sameColumns = (Object.keys(next) as (keyof typeof next)[]).every((key) => current[key] === next[key]);
      const sameReferences = referenceIds.length === currentReferenceIds.length && referenceIds.every((r) => currentReferenceIds.includes(r));
      if (sameColumns && sameReferences) return;
      await tx
        .update(organisations)
        .set({ ...next, updatedAt: sql`now()` })
        .where(eq(organisations.id, id));
      if (!sameReferences) {
        await tx.delete(organisationReferences).where(eq(organisationReferences.organisationId, id));
        if (referenceIds.length) {
          await tx.insert(organisationReferences).values(referenceIds.map((referenceId) => ({ organisationId: id, referenceId })));
        }
      }
      await tx.insert(auditLog).values({ actorId: actor.id, action: 'organisation.update', targetType: 'organisation', targetId: id, detail: { name: input.name } });
    });
  } catch (error) {
    mapUniqueViolation(error);
  }
}
