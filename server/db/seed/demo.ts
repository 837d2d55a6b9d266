import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { luhnValid } from '../../../shared/validation';
import type { LegalForm } from '../../../shared/organisations';
import { hashPassword } from '../../lib/crypto';
import { slugify } from '../../features/organisations/profile';
import type { Db, Tx } from '../client';
import { appMeta, contacts, memberships, organisationReferences, organisations, referenceItems, users } from '../schema/index';
import { demoOrganisations } from './demo-organisations';
import { DEMO_PASSWORD, demoUsers } from './demo-users';
import { referenceSeed } from './reference-data';
import { seedDemoForums, seedForums } from './forums';
import { seedDemoGrants } from './demo-grants';
import { seedDemoPremises } from './demo-premises';

const orgNumberPrefix: Record<LegalForm, string> = {
  nonProfitAssociation: '802',
  foundation: '817',
  economicAssociation: '769',
  religiousCommunity: '252',
  svbCompany: '559',
};

/** A valid-looking organisation number: prefix by legal form, a running number, a Luhn check digit. */
export function demoOrgNumber(legalForm: LegalForm, index: number): string {
  const nine = `${orgNumberPrefix[legalForm]}${String(480_100 + index * 37).padStart(6, '0')}`;
  for (let check = 0; check <= 9; check++) {
    if (luhnValid(nine + check)) return `${nine.slice(0, 6)}-${nine.slice(6)}${check}`;
  }
  throw new Error('unreachable: one check digit always fits');
}

/** Runs body once per installation, under a lock so that two nodes starting together seed once. */
async function once(db: Db, key: string, body: (tx: Tx) => Promise<void>): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${key}))`);
    const done = await tx.select().from(appMeta).where(sql`${appMeta.key} = ${key}`);
    if (done.length) return false;
    await body(tx);
    await tx.insert(appMeta).values({ key, value: { at: new Date().toISOString() } });
    return true;
  });
}

/** Stockholm's districts, administrations, target groups and resource kinds: real base data, not demo. */
export async function seedReferenceOnce(db: Db) {
  await once(db, 'seed:reference', async (tx) => {
    await tx
      .insert(referenceItems)
      .values(referenceSeed.map((item, index) => ({ ...item, sortOrder: index })))
      .onConflictDoNothing();
  });
  // Its own key, so that installations from before the forums get them too.
  await once(db, 'seed:forums', seedForums);
}

export async function seedDemoOnce(db: Db, log: FastifyBaseLogger) {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const seeded = await once(db, 'seed:demo', async (tx) => {
    const refs = await tx.select().from(referenceItems);
    const refId = (kind: string, slug: string) => {
      const found = refs.find((r) => r.kind === kind && r.slug === slug);
      if (!found) throw new Error(`demo data names unknown ${kind} ${slug}`);
      return found.id;
    };
    const orgIds = new Map<string, string>();
    const now = Date.now();
    for (const [index, org] of demoOrganisations.entries()) {
      const [row] = await tx
        .insert(organisations)
        .values({
          slug: slugify(org.name),
          name: org.name,
          orgNumber: demoOrgNumber(org.legalForm, index),
          legalForm: org.legalForm,
          description: org.description,
          sizeClass: org.sizeClass,
          signedAgreement: org.signedAt !== null,
          signedAt: org.signedAt,
          resourceDescription: org.resourceDescription,
          website: `https://${slugify(org.name)}.example.org`,
          email: `info@${slugify(org.name)}.example.org`,
        })
        .returning({ id: organisations.id });
      orgIds.set(org.name, row.id);
      const links = [
        ...org.districts.map((s) => refId('district', s)),
        ...org.targetGroups.map((s) => refId('targetGroup', s)),
        ...org.administrations.map((s) => refId('administration', s)),
        ...org.resources.map((s) => refId('resource', s)),
      ];
      await tx.insert(organisationReferences).values(links.map((referenceId) => ({ organisationId: row.id, referenceId })));
      await tx.insert(contacts).values(
        org.contacts.map((c) => ({
          organisationId: row.id,
          name: c.name,
          title: c.title,
          email: `${slugify(c.name).replace(/-/g, '.')}@${slugify(org.name)}.example.org`,
          phone: '08-123 456 78',
          lastConfirmedAt: new Date(now - c.monthsSinceConfirmed * 30 * 86400_000),
        })),
      );
    }
    for (const user of demoUsers) {
      const [row] = await tx
        .insert(users)
        .values({
          email: user.email,
          name: user.name,
          passwordHash,
          role: user.role,
          administrationId: user.administration ? refId('administration', user.administration) : null,
        })
        .returning({ id: users.id });
      for (const m of user.memberships ?? []) {
        const organisationId = orgIds.get(m.organisation);
        if (!organisationId) throw new Error(`demo user names unknown organisation ${m.organisation}`);
        await tx.insert(memberships).values({
          userId: row.id,
          organisationId,
          role: m.role,
          status: m.pending ? 'pending' : 'active',
          decidedAt: m.pending ? null : new Date(),
        });
      }
    }
  });
  const forumsSeeded = await once(db, 'seed:demo-forums', seedDemoForums);
  if (forumsSeeded) log.info('Demo forum threads seeded.');
  if (await once(db, 'seed:demo-grants', seedDemoGrants)) log.info('Demo grant calls seeded.');
  if (await once(db, 'seed:demo-premises', seedDemoPremises)) log.info('Demo premises and bookings seeded.');
  if (seeded) log.info(`Demo content seeded: ${demoOrganisations.length} organisations, ${demoUsers.length} demo users (password ${DEMO_PASSWORD}).`);
}
