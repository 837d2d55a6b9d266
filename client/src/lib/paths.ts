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
  forums: '/forum',
  forumSearch: '/forum/sok',
  moderation: '/samordning/moderering',
  notifications: '/aviseringar',
  grants: '/bidrag',
  newGrantCall: '/bidrag/ny',
  grantPartners: '/bidrag/partner',
  premises: '/lokaler',
  newPremises: '/lokaler/ny',
  bookings: '/lokaler/bokningar',
  premisesWanted: '/lokaler/sokes',
} as const;

export const organisationPath = (slug: string) => `/organisationer/${encodeURIComponent(slug)}`;
export const editOrganisationPath = (slug: string) => `${organisationPath(slug)}/redigera`;

export const forumPath = (slug: string) => `/forum/${encodeURIComponent(slug)}`;
/** The id of a post's element on its thread page, for links to one post. */
export const postAnchor = (postId: string) => `inlagg-${postId}`;
export const threadPath = (forumSlug: string, threadId: string, postId?: string | null) =>
  `${forumPath(forumSlug)}/${encodeURIComponent(threadId)}${postId ? `#${postAnchor(postId)}` : ''}`;
/** A thread when only its id is known (notifications): the thread page does not need the forum. */
export const threadPathById = (threadId: string, postId?: string | null) => threadPath('trad', threadId, postId);

export const premisesPath = (id: string) => `/lokaler/${encodeURIComponent(id)}`;
export const editPremisesPath = (id: string) => `${premisesPath(id)}/redigera`;
export const bookingPath = (id: string) => `/lokaler/bokningar/${encodeURIComponent(id)}`;

export const grantCallPath = (id: string) => `/bidrag/${encodeURIComponent(id)}`;
export const editGrantCallPath = (id: string) => `${grantCallPath(id)}/redigera`;

/** Only same-site paths may be a sign-in's destination (no open redirects). */
export function safeNext(next: string | null | undefined): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
  return next;
}

export const signInPath = (next?: string) => (next ? `${paths.signIn}?next=${encodeURIComponent(next)}` : paths.signIn);
