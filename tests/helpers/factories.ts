import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { OrganisationDetail, OrganisationInput } from '../../shared/organisations';
import type { SystemRole } from '../../shared/roles';
import { luhnValid } from '../../shared/validation';
import { referenceItems, users } from '../../server/db/schema/index';
import { hashPassword } from '../../server/lib/crypto';
import { createSession } from '../../server/lib/sessions';
import { ApiClient } from './api-client';

export const TEST_PASSWORD = 'Ett-bra-testlösenord-42';
let passwordHash: Promise<string> | null = null;

/** An account with a system role, written straight to the database (hashing once per file keeps tests fast). */
export async function createUser(app: FastifyInstance, role: SystemRole = 'user', opts: { administration?: string; name?: string } = {}) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const email = `${role}-${randomUUID().slice(0, 8)}@test.example`;
  let administrationId: string | null = null;
  if (role === 'official') {
    const [admin] = await app.db.select().from(referenceItems).where(eq(referenceItems.slug, opts.administration ?? 'socialforvaltningen'));
    administrationId = admin.id;
  }
  const [row] = await app.db
    .insert(users)
    .values({ email, name: opts.name ?? `Test ${role}`, passwordHash: await passwordHash, role, administrationId })
    .returning();
  return { id: row.id, email, password: TEST_PASSWORD };
}

/**
 * A client holding a real session for a new account. The session is opened directly (sign-in itself
 * is covered by the auth tests) so that suites needing many people stay fast.
 */
export async function signedInClient(app: FastifyInstance, role: SystemRole = 'user', locale: 'sv' | 'en' = 'sv') {
  const user = await createUser(app, role);
  const client = new ApiClient(app, locale);
  const { token } = await createSession(app.db, user.id, app.sessionPolicy);
  client.cookie = `session=${token}`;
  return { user, client };
}

// A random start per test process, then counting up: random numbers alone collided now and then
// (a test file creates a few hundred organisations), and the unique constraint then refused one.
let orgCounter = Math.floor(Math.random() * 900_000);
/** A Luhn-valid organisation number unique within the test process. */
export function orgNumber(): string {
  orgCounter = (orgCounter + 1) % 900_000;
  const nine = `802${100_000 + orgCounter}`;
  for (let check = 0; check <= 9; check++) {
    if (luhnValid(nine + check)) return `${nine.slice(0, 6)}-${nine.slice(6)}${check}`;
  }
  throw new Error('unreachable');
}

export function organisationInput(overrides: Partial<OrganisationInput> = {}): OrganisationInput {
  return {
    name: `Testföreningen ${randomUUID().slice(0, 6)}`,
    orgNumber: orgNumber(),
    legalForm: 'nonProfitAssociation',
    description: 'En förening för tester.',
    sizeClass: 'from10to49',
    signedAgreement: false,
    districts: ['sodermalm'],
    targetGroups: ['aldre'],
    administrations: ['socialforvaltningen'],
    resources: ['lokaler'],
    resourceDescription: '',
    ...overrides,
  };
}

/** An organisation created through the API by a fresh user, who becomes its admin. */
export async function createOrganisation(app: FastifyInstance, overrides: Partial<OrganisationInput> = {}) {
  const { user, client } = await signedInClient(app, 'user');
  const response = await client.post('/api/organisations', organisationInput(overrides));
  if (response.statusCode !== 201) throw new Error(`creating organisation failed: ${response.statusCode} ${response.body}`);
  return { organisation: response.json(), admin: user, adminClient: client };
}

/** A profile as the edit form sends it back (every field unchanged). */
export const inputFrom = (o: OrganisationDetail): OrganisationInput => ({
  name: o.name,
  orgNumber: o.orgNumber,
  legalForm: o.legalForm,
  description: o.description,
  ...(o.website ? { website: o.website } : {}),
  ...(o.email ? { email: o.email } : {}),
  ...(o.phone ? { phone: o.phone } : {}),
  sizeClass: o.sizeClass,
  signedAgreement: o.signedAgreement,
  ...(o.signedAt ? { signedAt: o.signedAt } : {}),
  districts: o.districts,
  targetGroups: o.targetGroups,
  administrations: o.administrations,
  resources: o.resources,
  resourceDescription: o.resourceDescription,
});
