import type { PremisesInput } from '../../shared/premises';

// Shared by the premises test files: local dates ahead, and the bodies of a listing, a booking
// request and a "wanted" post.

/** A local date `weeksAhead` weeks from today, moved forward to the given ISO weekday (Tuesday by default). */
export function futureDate(weeksAhead: number, isoWeekday = 2): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + weeksAhead * 7);
  const diff = (isoWeekday - (((d.getUTCDay() + 6) % 7) + 1) + 7) % 7;
  d.setUTCDate(d.getUTCDate() + diff);
  return d.toISOString().slice(0, 10);
}

/** A listing for the organisation: a hall for 30 on Södermalm, free of charge. */
export function listingInput(organisationId: string, overrides: Partial<PremisesInput> = {}): PremisesInput {
  return {
    organisationId,
    name: `Samlingssalen ${Math.random().toString(36).slice(2, 6)}`,
    type: 'hall',
    address: 'Götgatan 1, Stockholm',
    district: 'sodermalm',
    capacity: 30,
    costType: 'free',
    ...overrides,
  };
}

/** Every day of the week, 08:00–22:00. */
export const dailyHours = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '08:00', closes: '22:00' }));

/** A request for one evening two weeks ahead (a Tuesday), 18:00–20:00, for ten people. */
export function bookingInput(organisationId: string, overrides: Record<string, unknown> = {}) {
  return { organisationId, date: futureDate(2), startTime: '18:00', endTime: '20:00', purpose: 'Styrelsemöte', attendees: 10, ...overrides };
}

export function wantedInput(organisationId: string, overrides: Record<string, unknown> = {}) {
  return { organisationId, title: 'Lokal för läxhjälp', description: 'Vi behöver ett rum för 15 barn.', capacity: 15, district: 'sodermalm', when: 'Onsdagar 15–17', ...overrides };
}

export function offerInput(organisationId: string, overrides: Record<string, unknown> = {}) {
  return { organisationId, premisesId: null, message: 'Ni är välkomna hos oss.', ...overrides };
}

/**
 * The next night the clocks in Stockholm go forward (the last Sunday of March, a week or more
 * ahead): local times from 02:00 to 02:59 do not exist that night.
 */
export function springForward(): string {
  const soon = new Date(Date.now() + 7 * 86_400_000);
  for (let year = soon.getUTCFullYear(); ; year++) {
    const day = new Date(Date.UTC(year, 2, 31));
    day.setUTCDate(31 - day.getUTCDay());
    if (day > soon) return day.toISOString().slice(0, 10);
  }
}
