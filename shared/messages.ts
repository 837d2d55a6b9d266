// Field and error messages shared by server (problem details) and client (form validation).
// Schemas carry a message key; whoever shows it translates it into the user's language.
export type Locale = 'sv' | 'en';
export const locales: Locale[] = ['sv', 'en'];

const sv = {
  'field.required': 'Fältet måste fyllas i.',
  'field.invalid': 'Ogiltigt värde.',
  'field.invalidType': 'Fel typ av värde.',
  'field.tooShort': 'Måste vara minst {min} tecken.',
  'field.tooLong': 'Får vara högst {max} tecken.',
  'field.tooSmall': 'Måste vara minst {min}.',
  'field.tooBig': 'Får vara högst {max}.',
  'field.invalidOption': 'Välj ett av de tillåtna alternativen.',
  'field.unknownField': 'Okänt fält: {keys}.',
  'field.email': 'Ange en giltig e-postadress, t.ex. namn@exempel.se.',
  'field.url': 'Ange en giltig webbadress som börjar med https:// eller http://.',
  'field.uuid': 'Ogiltigt id.',
  'field.date': 'Ange ett datum som ÅÅÅÅ-MM-DD.',
  'field.slug': 'Använd bara små bokstäver a–z, siffror och bindestreck.',
  'field.phone': 'Ange ett telefonnummer med siffror, t.ex. 08-123 456 78.',
  'field.invalidCharacters': 'Texten innehåller tecken som inte är tillåtna.',
  'orgNumber.format': 'Organisationsnumret ska skrivas NNNNNN-NNNN (10 siffror).',
  'orgNumber.checksum': 'Organisationsnumret stämmer inte: kontrollsiffran (sista siffran) är fel.',
  'password.tooShort': 'Lösenordet måste vara minst 8 tecken.',
  'password.tooLong': 'Lösenordet får vara högst 128 tecken.',
  'password.common': 'Lösenordet är för vanligt och lätt att gissa. Välj ett annat.',
  'password.wrong': 'Nuvarande lösenord stämmer inte.',
  'signedAt.requiresSigned': 'Ange datum bara om organisationen har skrivit under överenskommelsen.',
  'official.administrationRequired': 'En tjänsteperson måste höra till en förvaltning.',
  'error.validation': 'Några uppgifter behöver rättas.',
  'error.badRequest': 'Felaktig förfrågan.',
  'error.unauthorized': 'Du behöver logga in.',
  'error.forbidden': 'Du har inte behörighet att göra detta.',
  'error.origin': 'Förfrågan kom inte från Mötesplatsen och stoppades.',
  'error.notFound': 'Det du letar efter finns inte.',
  'error.conflict': 'Det finns en konflikt med befintliga uppgifter.',
  'error.tooManyRequests': 'För många försök. Vänta {seconds} sekunder och försök igen.',
  'error.payloadTooLarge': 'Förfrågan är för stor.',
  'error.internal': 'Något gick fel hos oss. Försök igen om en stund.',
  'error.invalidCredentials': 'Fel e-postadress eller lösenord.',
  'error.resetTokenInvalid': 'Länken för att återställa lösenordet är ogiltig eller har gått ut. Begär en ny.',
  'error.orgNumberTaken': 'Det finns redan en organisation med det organisationsnumret.',
  'error.slugTaken': 'Det kortnamnet används redan.',
  'error.alreadyMember': 'Du är redan medlem eller har redan ansökt om att gå med.',
  'error.lastAdmin': 'Organisationen måste ha minst en administratör.',
  'error.memberPending': 'Godkänn ansökan om medlemskap innan du ändrar personens roll.',
  'error.referenceInUse': 'Värdet används och kan inte tas bort; arkivera det i stället.',
  'error.unknownReference': 'Okänt värde i {field}.',
  'error.unsupportedMediaType': 'Skicka data som JSON.',
  'error.tooManyRooms': 'För många samtidiga prenumerationer på den här anslutningen.',
  'error.forumArchived': 'Forumet är arkiverat; där går det inte att skriva nya inlägg.',
  'error.threadLocked': 'Tråden är låst; där går det inte att svara.',
  'error.postTooSoon': 'Du skriver för snabbt. Vänta {seconds} sekunder innan nästa inlägg.',
  'error.dailyPostCap': 'Du har skrivit {cap} inlägg det senaste dygnet, vilket är gränsen. Försök igen om {hours} timmar.',
  'error.notOrganisationMember': 'Du kan bara skriva för en organisation där du är aktiv medlem.',
  'error.quotedPostElsewhere': 'Det citerade inlägget finns inte i den här tråden.',
  'error.alreadyFlagged': 'Du har redan anmält det här inlägget; samordnaren tittar på det.',
  'error.postRemoved': 'Inlägget är borttaget och kan inte ändras.',
  'error.forumOrder': 'Ange alla forum exakt en gång, i den nya ordningen.',
  'error.unknownOrganisation': 'Okänd organisation i {field}.',
  'error.unknownUser': 'Okänd person i {field}.',
  'error.flagResolved': 'Anmälan är redan hanterad.',
  'error.uriTooLong': 'Adressen är för lång.',
  'error.idempotencyKeyReused': 'Nyckeln (Idempotency-Key) användes redan för ett annat inlägg. Skicka en ny nyckel.',
  'field.time': 'Ange en tid som TT:MM, t.ex. 18:00.',
  'premises.closesBeforeOpens': 'Stängningstiden måste vara efter öppningstiden.',
  'premises.freeNeedsDateAndTimes': 'Ange datum, från och till för att söka lediga tider.',
  'premises.endBeforeStart': 'Sluttiden måste vara efter starttiden.',
  'premises.overCapacity': 'Lokalen rymmer högst {max} personer.',
  'error.bookingConflict': 'Tiden krockar med en bokning {date} {start}–{end}.',
  'error.seriesConflicts': '{count} av tillfällena går inte att boka. Välj att boka resten eller ändra tiden.',
  'error.bookingNotPending': 'Förfrågan är redan besvarad eller återtagen.',
  'error.premisesArchived': 'Lokalen går inte längre att boka.',
} as const;

export type MessageKey = keyof typeof sv;

const en: Record<MessageKey, string> = {
  'field.required': 'This field is required.',
  'field.invalid': 'Invalid value.',
  'field.invalidType': 'Wrong type of value.',
  'field.tooShort': 'Must be at least {min} characters.',
  'field.tooLong': 'Must be at most {max} characters.',
  'field.tooSmall': 'Must be at least {min}.',
  'field.tooBig': 'Must be at most {max}.',
  'field.invalidOption': 'Choose one of the allowed options.',
  'field.unknownField': 'Unknown field: {keys}.',
  'field.email': 'Enter a valid e-mail address, e.g. name@example.com.',
  'field.url': 'Enter a valid web address starting with https:// or http://.',
  'field.uuid': 'Invalid id.',
  'field.date': 'Enter a date as YYYY-MM-DD.',
  'field.slug': 'Use only lower-case letters a–z, digits and hyphens.',
  'field.phone': 'Enter a phone number in digits, e.g. 08-123 456 78.',
  'field.invalidCharacters': 'The text contains characters that are not allowed.',
  'orgNumber.format': 'The organisation number must be written NNNNNN-NNNN (10 digits).',
  'orgNumber.checksum': 'The organisation number is not valid: the check digit (last digit) is wrong.',
  'password.tooShort': 'The password must be at least 8 characters.',
  'password.tooLong': 'The password may be at most 128 characters.',
  'password.common': 'This password is too common and easy to guess. Choose another.',
  'password.wrong': 'The current password is not correct.',
  'signedAt.requiresSigned': 'Give a date only if the organisation has signed the agreement.',
  'official.administrationRequired': 'A city official must belong to an administration.',
  'error.validation': 'Some details need correcting.',
  'error.badRequest': 'Bad request.',
  'error.unauthorized': 'You need to sign in.',
  'error.forbidden': 'You are not allowed to do this.',
  'error.origin': 'The request did not come from Mötesplatsen and was stopped.',
  'error.notFound': 'What you are looking for does not exist.',
  'error.conflict': 'This conflicts with existing data.',
  'error.tooManyRequests': 'Too many attempts. Wait {seconds} seconds and try again.',
  'error.payloadTooLarge': 'The request is too large.',
  'error.internal': 'Something went wrong on our side. Please try again shortly.',
  'error.invalidCredentials': 'Wrong e-mail address or password.',
  'error.resetTokenInvalid': 'The password reset link is invalid or has expired. Request a new one.',
  'error.orgNumberTaken': 'An organisation with that organisation number already exists.',
  'error.slugTaken': 'That short name is already in use.',
  'error.alreadyMember': 'You are already a member or have already asked to join.',
  'error.lastAdmin': 'The organisation must keep at least one administrator.',
  'error.memberPending': 'Approve the request to join before changing the person’s role.',
  'error.referenceInUse': 'The value is in use and cannot be deleted; archive it instead.',
  'error.unknownReference': 'Unknown value in {field}.',
  'error.unsupportedMediaType': 'Send data as JSON.',
  'error.tooManyRooms': 'Too many simultaneous subscriptions on this connection.',
  'error.forumArchived': 'The forum is archived; no new posts can be written there.',
  'error.threadLocked': 'The thread is locked; replies are closed.',
  'error.postTooSoon': 'You are posting too fast. Wait {seconds} seconds before your next post.',
  'error.dailyPostCap': 'You have written {cap} posts in the last 24 hours, which is the limit. Try again in {hours} hours.',
  'error.notOrganisationMember': 'You can only post for an organisation where you are an active member.',
  'error.quotedPostElsewhere': 'The quoted post is not in this thread.',
  'error.alreadyFlagged': 'You have already reported this post; the coordinator is looking at it.',
  'error.postRemoved': 'The post has been removed and cannot be changed.',
  'error.forumOrder': 'List every forum exactly once, in the new order.',
  'error.unknownOrganisation': 'Unknown organisation in {field}.',
  'error.unknownUser': 'Unknown person in {field}.',
  'error.flagResolved': 'The report has already been handled.',
  'error.uriTooLong': 'The address is too long.',
  'error.idempotencyKeyReused': 'The Idempotency-Key was already used for another post. Send a new key.',
  'field.time': 'Enter a time as HH:MM, e.g. 18:00.',
  'premises.closesBeforeOpens': 'The closing time must be after the opening time.',
  'premises.freeNeedsDateAndTimes': 'Give a date, a from time and a to time to search for free times.',
  'premises.endBeforeStart': 'The end time must be after the start time.',
  'premises.overCapacity': 'The premises hold at most {max} people.',
  'error.bookingConflict': 'The time clashes with a booking on {date} {start}–{end}.',
  'error.seriesConflicts': '{count} of the dates cannot be booked. Choose to book the rest or change the time.',
  'error.bookingNotPending': 'The request has already been answered or withdrawn.',
  'error.premisesArchived': 'The premises can no longer be booked.',
};

const dictionaries: Record<Locale, Record<MessageKey, string>> = { sv, en };

export function isMessageKey(key: string): key is MessageKey {
  return key in sv;
}

export function message(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = dictionaries[locale][key] ?? dictionaries.sv[key];
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** Picks sv or en from an Accept-Language header; Swedish is the default. */
export function pickLocale(header: string | undefined | null): Locale {
  if (!header) return 'sv';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag, ...rest] = part.trim().toLowerCase().split(';');
      const q = rest.find((p) => p.trim().startsWith('q='));
      return { tag: tag.trim(), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('sv')) return 'sv';
    if (tag.startsWith('en')) return 'en';
  }
  return 'sv';
}
