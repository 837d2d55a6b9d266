import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline/promises';
import { eq, sql } from 'drizzle-orm';
import { signupSchema } from '../../shared/auth';
import { fieldErrors } from '../../shared/validation';
import { loadConfig } from '../config';
import { openDatabase } from '../db/client';
import { passwordResetTokens, sessions, users } from '../db/schema/index';
import { hashPassword } from '../lib/crypto';
import { isCommonPassword } from '../features/auth/common-passwords';

// npm run admin:create -- --email ada@example.se --name "Ada Admin" [--password ...]
// Creates an administrator, or makes an existing account one (and sets the password if given).
const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' } } });

async function ask(question: string) {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await rl.question(question);
  } finally {
    rl.close();
  }
}

const email = values.email ?? (await ask('E-post: '));
const name = values.name ?? (await ask('Namn: '));
const password = values.password ?? process.env.ADMIN_PASSWORD ?? (await ask('Lösenord (minst 8 tecken): '));

const parsed = signupSchema.safeParse({ email, name, password });
if (!parsed.success) {
  for (const e of fieldErrors(parsed.error.issues, 'sv')) console.error(`${e.field}: ${e.message}`);
  process.exit(2);
}
if (isCommonPassword(parsed.data.password)) {
  console.error('password: Lösenordet är för vanligt och lätt att gissa. Välj ett annat.');
  process.exit(2);
}

const config = loadConfig();
const database = await openDatabase(config.database);
try {
  const passwordHash = await hashPassword(parsed.data.password);
  const row = await database.db.transaction(async (tx) => {
    // E-mail addresses are unique case-insensitively (an index on lower(email), which an ON CONFLICT
    // target in drizzle cannot name): look the account up, then update or insert.
    const [existing] = await tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = lower(${parsed.data.email})`).for('update');
    const [admin] = existing
      ? await tx.update(users).set({ role: 'admin', passwordHash, name: parsed.data.name, passwordChangedAt: new Date() }).where(eq(users.id, existing.id)).returning({ id: users.id, email: users.email })
      : await tx.insert(users).values({ email: parsed.data.email, name: parsed.data.name, passwordHash, role: 'admin' }).returning({ id: users.id, email: users.email });
    // Taking over an existing account sets its password: as with a password reset, whoever was signed
    // in with the old one (perhaps the reason for running this) is signed out, and open reset links die.
    await tx.delete(sessions).where(eq(sessions.userId, admin.id));
    await tx.delete(passwordResetTokens).where(eq(passwordResetTokens.userId, admin.id));
    return admin;
  });
  console.log(`Administratör klar: ${row.email} (${row.id}) i ${database.kind}.`);
} finally {
  await database.close();
}
