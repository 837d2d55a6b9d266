import type { SystemRole } from '../../../shared/roles';

// Demo logins, listed in the README. Everyone shares one password so that testers can switch roles.
export const DEMO_PASSWORD = 'Motesplatsen-demo-2026';

export interface DemoUser {
  email: string;
  name: string;
  role: SystemRole;
  administration?: string;
  /** Organisation name -> role there ('pending' asks to join). */
  memberships?: { organisation: string; role: 'member' | 'admin'; pending?: boolean }[];
}

export const demoUsers: DemoUser[] = [
  { email: 'admin@demo.motesplatsen.se', name: 'Ada Administratör', role: 'admin' },
  { email: 'samordnare@demo.motesplatsen.se', name: 'Sara Samordnare', role: 'coordinator' },
  { email: 'tjansteperson@demo.motesplatsen.se', name: 'Tove Tjänsteperson', role: 'official', administration: 'socialforvaltningen' },
  {
    email: 'foreningsadmin@demo.motesplatsen.se',
    name: 'Fredrik Föreningsadmin',
    role: 'user',
    memberships: [{ organisation: 'Stadsmissionen Söderort', role: 'admin' }],
  },
  {
    email: 'medlem@demo.motesplatsen.se',
    name: 'Maja Medlem',
    role: 'user',
    memberships: [
      { organisation: 'Stadsmissionen Söderort', role: 'member' },
      { organisation: 'Rinkeby Ungdomsforum', role: 'member' },
    ],
  },
  {
    email: 'ny@demo.motesplatsen.se',
    name: 'Nils Nyfiken',
    role: 'user',
    memberships: [{ organisation: 'Stadsmissionen Söderort', role: 'member', pending: true }],
  },
];
