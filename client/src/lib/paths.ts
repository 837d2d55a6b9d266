// Swedish URLs: they are what people share and read aloud.
export const paths = {
  home: '/',
  directory: '/organisationer',
  newOrganisation: '/organisationer/ny',
  overview: '/oversikt',
  signIn: '/logga-in',
  signUp: '/skapa-konto',
  forgotPassword: '/glomt-losenord',
  resetPassword: '/aterstall-losenord',
  account: '/konto',
  reference: '/samordning/referensdata',
  users: '/admin/anvandare',
  accessibility: '/tillganglighet',
} as const;

export const organisationPath = (slug: string) => `/organisationer/${encodeURIComponent(slug)}`;
export const editOrganisationPath = (slug: string) => `${organisationPath(slug)}/redigera`;

/** Only same-site paths may be a sign-in's destination (no open redirects). */
export function safeNext(next: string | null | undefined): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
  return next;
}

export const signInPath = (next?: string) => (next ? `${paths.signIn}?next=${encodeURIComponent(next)}` : paths.signIn);
