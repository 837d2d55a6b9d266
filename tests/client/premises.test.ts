import { describe, expect, it } from 'vitest';
import type { Notification } from '../../shared/notifications';
import type { Booking, Calendar } from '../../shared/premises';
import type { LiveEvent } from '../../shared/realtime';
import { applyBookingEvent, applyBookingListEvent, applyCalendarEvent, groupBookings, isNewsTo, pendingInSeries, type BookingList } from '../../client/src/features/premises/live';
import { bookingPrefill, formValuesOf, readPremisesQuery, searchParamsOf, withPage } from '../../client/src/features/premises/search-query';
import {
  addDays,
  firstOnOrAfter,
  isIsoDate,
  isoWeekNumber,
  isoWeekday,
  layoutDay,
  mondayOf,
  quarterHours,
  seriesDates,
  slotsByDay,
  todayInStockholm,
  weekWindow,
} from '../../client/src/features/premises/week';
import { notificationHref, notificationText } from '../../client/src/features/notifications/notification-text';
import { makeI18n } from '../../client/src/i18n/use-i18n';
import { bookingPath, editPremisesPath, premisesPath } from '../../client/src/lib/paths';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const premisesId = uuid(1);
const owner = uuid(2);
const requesterOrg = { id: uuid(3), name: 'Rinkeby Ungdomsforum', slug: 'rinkeby-ungdomsforum' };

function booking(overrides: Partial<Booking> = {}): Booking {
  return {
    id: uuid(100),
    premisesId,
    premisesName: 'Samlingssalen i Farsta',
    seriesId: null,
    start: '2026-12-01T17:00:00.000Z',
    end: '2026-12-01T19:00:00.000Z',
    localDate: '2026-12-01',
    localStart: '18:00',
    localEnd: '20:00',
    status: 'pending',
    requester: { organisation: requesterOrg, person: { id: uuid(9), name: 'Maja Medlem', email: 'medlem@example.org' }, purpose: 'Föräldramöte', attendees: 30 },
    ownerOrganisationId: owner,
    decisionMessage: null,
    createdAt: '2026-11-20T10:00:00.000Z',
    ...overrides,
  };
}

const publicView = (b: Booking): Booking => ({ ...b, requester: null, decisionMessage: null });

let nextId = 1000;
function event(b: Booking, room = `premises:${premisesId}`): LiveEvent {
  nextId += 1;
  return { id: nextId, room, type: 'booking.changed', data: { booking: b }, at: '2026-11-20T10:00:00.000Z' };
}

function calendar(slots: Booking[] = []): Calendar {
  return {
    premisesId,
    weekStart: '2026-11-30',
    days: Array.from({ length: 7 }, (_, i) => ({ date: addDays('2026-11-30', i), closed: i === 6, openingHours: i < 5 ? [{ opens: '08:00', closes: '22:00' }] : [] })),
    slots,
    cursor: 10,
  };
}

describe('calendar arithmetic on local dates', () => {
  it('adds days across months, years and the daylight-saving change', () => {
    expect(addDays('2026-10-24', 1)).toBe('2026-10-25');
    expect(addDays('2026-10-25', 1)).toBe('2026-10-26');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });

  it('knows weekdays, Mondays and ISO week numbers', () => {
    expect(isoWeekday('2026-11-30')).toBe(1);
    expect(isoWeekday('2026-12-06')).toBe(7);
    expect(mondayOf('2026-12-06')).toBe('2026-11-30');
    expect(mondayOf('2026-11-30')).toBe('2026-11-30');
    expect(isoWeekNumber('2026-11-30')).toBe(49);
    expect(isoWeekNumber('2027-01-01')).toBe(53); // 2026 has 53 ISO weeks
    expect(isoWeekNumber('2025-12-29')).toBe(1);
  });

  it('validates dates strictly', () => {
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-1-1')).toBe(false);
    expect(isIsoDate(null)).toBe(false);
  });

  it('gives today in Stockholm, not in UTC', () => {
    expect(todayInStockholm(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
    expect(todayInStockholm(new Date('2026-12-31T22:59:00Z'))).toBe('2026-12-31');
  });

  it('computes a weekly series as the server books it: the weekday on or after the start, then every 7 days', () => {
    expect(firstOnOrAfter('2026-11-26', 2)).toBe('2026-12-01'); // Thursday -> next Tuesday
    expect(firstOnOrAfter('2026-12-01', 2)).toBe('2026-12-01');
    expect(seriesDates('2026-12-01', 4)).toEqual(['2026-12-01', '2026-12-08', '2026-12-15', '2026-12-22']);
    // Across the spring daylight-saving change the local dates stay on Tuesdays.
    expect(seriesDates('2027-03-16', 3)).toEqual(['2027-03-16', '2027-03-23', '2027-03-30']);
    expect(seriesDates('2026-12-01', 0)).toEqual([]);
    expect(seriesDates('2026-12-01', 99)).toHaveLength(52);
  });

  it('lists quarter hours for time pickers', () => {
    expect(quarterHours('08:00', '09:00')).toEqual(['08:00', '08:15', '08:30', '08:45', '09:00']);
    expect(quarterHours().at(-1)).toBe('24:00');
    expect(quarterHours()).toHaveLength(97);
  });
});

describe('week calendar layout', () => {
  it('groups slots by day in time order', () => {
    const late = booking({ id: uuid(101), localStart: '19:00', localEnd: '20:00' });
    const early = booking({ id: uuid(102), localStart: '09:00', localEnd: '10:00', status: 'approved' });
    const byDay = slotsByDay(calendar([late, early]));
    expect(byDay.get('2026-12-01')!.map((s) => s.id)).toEqual([uuid(102), uuid(101)]);
    expect(byDay.get('2026-11-30')).toEqual([]);
    expect(byDay.size).toBe(7);
  });

  it('draws every day in one window from the earliest start to the latest end, in whole hours', () => {
    expect(weekWindow(calendar([booking({ localStart: '07:30', localEnd: '22:45' })]))).toEqual({ from: '07:00', to: '23:00' });
    expect(weekWindow({ days: [], slots: [] })).toEqual({ from: '08:00', to: '22:00' });
  });

  it('places opening hours and bookings as percentages of the window', () => {
    const layout = layoutDay([{ opens: '08:00', closes: '22:00' }], [booking({ status: 'approved', localStart: '18:00', localEnd: '20:00' }), booking({ status: 'declined' })], { from: '08:00', to: '24:00' });
    expect(layout.segments).toEqual([
      { kind: 'open', start: '08:00', end: '22:00', left: 0, width: 87.5 },
      { kind: 'approved', start: '18:00', end: '20:00', left: 62.5, width: 12.5 },
    ]);
  });

  it('cuts bookings at the window and treats an end of 00:00 as midnight', () => {
    const layout = layoutDay([], [booking({ status: 'pending', localStart: '22:00', localEnd: '00:00' }), booking({ status: 'approved', localStart: '06:00', localEnd: '07:00' })], { from: '08:00', to: '23:00' });
    expect(layout.segments).toHaveLength(1);
    expect(layout.segments[0]).toMatchObject({ kind: 'pending', left: (14 / 15) * 100 });
    expect(layout.segments[0].width).toBeCloseTo((1 / 15) * 100);
  });
});

describe('live calendar', () => {
  it('an approved booking becomes busy for everyone, announced once; a replay changes nothing', () => {
    const approved = publicView(booking({ status: 'approved' }));
    const first = applyCalendarEvent(calendar(), event(approved));
    expect(first.data.slots.map((s) => s.id)).toEqual([approved.id]);
    expect(first.notice).toMatchObject({ kind: 'busy' });
    const again = applyCalendarEvent(first.data, event(approved));
    expect(again.data.slots).toEqual(first.data.slots);
    expect(again.notice).toBeUndefined();
  });

  it('outsiders never get pending requests (the public view has no requester); those involved keep their details', () => {
    const pending = booking();
    expect(applyCalendarEvent(calendar(), event(publicView(pending))).data.slots).toEqual([]);
    const involved = calendar([pending]);
    const approvedPublic = publicView(booking({ status: 'approved' }));
    const result = applyCalendarEvent(involved, event(approvedPublic));
    expect(result.data.slots[0].status).toBe('approved');
    expect(result.data.slots[0].requester?.organisation.name).toBe('Rinkeby Ungdomsforum');
  });

  it('declined and cancelled bookings leave the calendar and free the time', () => {
    const approved = booking({ status: 'approved' });
    const result = applyCalendarEvent(calendar([approved]), event(publicView(booking({ status: 'cancelled' }))));
    expect(result.data.slots).toEqual([]);
    expect(result.notice).toMatchObject({ kind: 'freed' });
  });

  it('ignores other premises and other weeks', () => {
    const other = applyCalendarEvent(calendar(), event(booking({ premisesId: uuid(50), status: 'approved' })));
    expect(other.data.slots).toEqual([]);
    const nextWeek = applyCalendarEvent(calendar(), event(booking({ localDate: '2026-12-07', status: 'approved' })));
    expect(nextWeek.data.slots).toEqual([]);
    expect(nextWeek.notice).toBeUndefined();
  });
});

describe('live booking lists', () => {
  const list = (bookings: Booking[] = []): BookingList => ({ bookings, cursor: 5, total: bookings.length, next: null });
  const upcoming = { when: 'upcoming', now: Date.parse('2026-11-23T12:00:00Z') } as const;

  it('a new request appears on the owner’s list, announced as a request', () => {
    const result = applyBookingListEvent(list(), event(booking(), `org:${owner}`), owner, 'owner', upcoming);
    expect(result.data.bookings).toHaveLength(1);
    expect(result.notice).toMatchObject({ kind: 'newRequest' });
  });

  it('the requester’s list shows the decision in place, and a replay is silent', () => {
    const pending = booking();
    const approved = booking({ status: 'approved', decisionMessage: 'Välkomna!' });
    const result = applyBookingListEvent(list([pending]), event(approved, `org:${requesterOrg.id}`), requesterOrg.id, 'requester', upcoming);
    expect(result.data.bookings[0]).toMatchObject({ status: 'approved', decisionMessage: 'Välkomna!' });
    expect(result.notice).toMatchObject({ kind: 'statusChanged', from: 'pending' });
    expect(applyBookingListEvent(result.data, event(approved), requesterOrg.id, 'requester', upcoming).notice).toBeUndefined();
  });

  it('keeps each side to its own bookings', () => {
    const mine = booking();
    expect(applyBookingListEvent(list(), event(mine), uuid(77), 'owner', upcoming).data.bookings).toEqual([]);
    expect(applyBookingListEvent(list(), event(mine), owner, 'requester', upcoming).data.bookings).toEqual([]);
  });

  it('counts a new booking, and leaves ended ones to the past list, which changes only in place', () => {
    const added = applyBookingListEvent(list([booking({ id: uuid(210) })]), event(booking({ id: uuid(211) })), owner, 'owner', upcoming);
    expect(added.data.total).toBe(2);
    const ended = booking({ id: uuid(212), start: '2026-11-20T17:00:00.000Z', end: '2026-11-20T19:00:00.000Z', status: 'cancelled' });
    expect(applyBookingListEvent(list(), event(ended), owner, 'owner', upcoming).data.bookings).toEqual([]);
    const past = { ...upcoming, when: 'past' } as const;
    expect(applyBookingListEvent(list(), event(ended), owner, 'owner', past).data.bookings).toEqual([]);
    const shown = applyBookingListEvent(list([{ ...ended, status: 'approved' }]), event(ended), owner, 'owner', past);
    expect(shown.data).toMatchObject({ total: 1, bookings: [{ id: uuid(212), status: 'cancelled' }] });
  });

  it('keeps the list in time order', () => {
    const later = booking({ id: uuid(201), start: '2026-12-08T17:00:00.000Z', localDate: '2026-12-08' });
    const earlier = booking({ id: uuid(202), start: '2026-12-01T08:00:00.000Z' });
    const result = applyBookingListEvent(list([later]), event(earlier), owner, 'owner', upcoming);
    expect(result.data.bookings.map((b) => b.id)).toEqual([uuid(202), uuid(201)]);
  });

  it('updates a single booking only for its own id', () => {
    const current = booking();
    expect(applyBookingEvent(current, event(booking({ id: uuid(999), status: 'approved' }))).data).toBe(current);
    expect(applyBookingEvent(current, event(booking({ status: 'declined' }))).notice).toMatchObject({ kind: 'statusChanged', from: 'pending' });
  });

  it('groups a series’ dates into one row and finds its pending dates', () => {
    const seriesId = uuid(300);
    const a = booking({ id: uuid(301), seriesId, start: '2026-12-01T17:00:00.000Z' });
    const b = booking({ id: uuid(302), seriesId, start: '2026-12-08T17:00:00.000Z', status: 'approved' });
    const single = booking({ id: uuid(303), start: '2026-12-03T17:00:00.000Z' });
    const groups = groupBookings([b, single, a]);
    expect(groups.map((g) => g.bookings.map((x) => x.id))).toEqual([[uuid(301), uuid(302)], [uuid(303)]]);
    expect(pendingInSeries([a, b, single], seriesId).map((x) => x.id)).toEqual([uuid(301)]);
    expect(pendingInSeries([a], null)).toEqual([]);
  });
});

describe('premises search in the URL', () => {
  it('reads filters leniently and drops half a "free then"', () => {
    const query = readPremisesQuery(new URLSearchParams('stadsdel=farsta&typ=hall&platser=20&datum=2026-12-01&fran=18:00&till=20:00&trappfritt=ja&sida=2'));
    expect(query).toMatchObject({ district: 'farsta', type: 'hall', capacity: 20, date: '2026-12-01', from: '18:00', to: '20:00', stepFreeAccess: 'true', page: 2 });
    const half = readPremisesQuery(new URLSearchParams('datum=2026-12-01&fran=18:00&typ=slott&platser=-3&stadsdel=Ö!'));
    expect(half).toMatchObject({ date: undefined, from: undefined, to: undefined, type: undefined, capacity: undefined, district: undefined, page: 1 });
    expect(readPremisesQuery(new URLSearchParams('datum=2026-12-01&fran=20:00&till=18:00')).date).toBeUndefined();
  });

  it('writes a search back to the same URL, starting at page 1', () => {
    const search = new URLSearchParams('stadsdel=farsta&datum=2026-12-01&fran=18:00&till=20:00&horslinga=ja&sida=3');
    const values = formValuesOf(readPremisesQuery(search));
    expect(searchParamsOf(values).toString()).toBe('stadsdel=farsta&datum=2026-12-01&fran=18%3A00&till=20%3A00&horslinga=ja');
    expect(withPage(search, 1).has('sida')).toBe(false);
    expect(withPage(search, 4).get('sida')).toBe('4');
  });

  it('carries a "free then" search to the premises page to fill in the booking form', () => {
    expect(bookingPrefill({ date: '2026-12-01', from: '18:00', to: '20:00' })).toBe('?datum=2026-12-01&fran=18%3A00&till=20%3A00');
    expect(bookingPrefill({ date: '2026-12-01' })).toBe('');
  });

  it('has Swedish paths for premises and bookings', () => {
    expect(premisesPath(uuid(1))).toBe(`/lokaler/${uuid(1)}`);
    expect(editPremisesPath(uuid(1))).toBe(`/lokaler/${uuid(1)}/redigera`);
    expect(bookingPath(uuid(2))).toBe(`/lokaler/bokningar/${uuid(2)}`);
  });
});

describe('what is announced', () => {
  const me = uuid(9); // Maja, the requester in booking()

  it('not one’s own request arriving, nor one’s own direct booking, nor a decision one just made here', () => {
    expect(isNewsTo({ kind: 'newRequest', booking: booking(), from: null }, me, false)).toBe(false);
    expect(isNewsTo({ kind: 'requested', booking: booking() }, me, false)).toBe(false);
    expect(isNewsTo({ kind: 'statusChanged', booking: booking(), from: null }, me, false)).toBe(false);
    const direct = booking({ status: 'approved', requester: { ...booking().requester!, organisation: { id: owner, name: 'Ägaren', slug: 'agaren' } } });
    expect(isNewsTo({ kind: 'busy', booking: direct }, me, false)).toBe(false);
    expect(isNewsTo({ kind: 'statusChanged', booking: booking({ status: 'approved' }), from: 'pending' }, uuid(8), true)).toBe(false);
  });

  it('others’ requests and decisions on one’s own request', () => {
    expect(isNewsTo({ kind: 'newRequest', booking: booking(), from: null }, uuid(8), false)).toBe(true);
    expect(isNewsTo({ kind: 'statusChanged', booking: booking({ status: 'approved' }), from: 'pending' }, me, false)).toBe(true);
    expect(isNewsTo({ kind: 'busy', booking: booking({ status: 'approved' }) }, me, false)).toBe(true);
    expect(isNewsTo({ kind: 'busy', booking: publicView(booking({ status: 'approved' })) }, null, false)).toBe(true);
  });
});

describe('booking notifications', () => {
  const notification = (overrides: Partial<Notification> = {}): Notification => ({
    id: uuid(400),
    kind: 'bookingApproved',
    actor: { id: uuid(401), name: 'Fredrik Föreningsadmin' },
    threadId: null,
    threadTitle: null,
    postId: null,
    text: 'Samlingssalen i Farsta: 2026-12-01 18:00–20:00 — Välkomna!',
    link: `/lokaler/bokningar/${uuid(100)}`,
    createdAt: '2026-11-20T10:00:00.000Z',
    readAt: null,
    ...overrides,
  });

  it('read in words in both languages and lead to the booking', () => {
    expect(notificationText(makeI18n('sv').t, notification())).toBe('Fredrik Föreningsadmin har godkänt din bokning');
    expect(notificationText(makeI18n('en').t, notification({ kind: 'bookingRequested' }))).toBe('Fredrik Föreningsadmin has sent a booking request');
    expect(notificationHref(notification())).toBe(bookingPath(uuid(100)));
  });

  it('never lead off the site', () => {
    expect(notificationHref(notification({ link: '//example.org/lokaler' }))).toBeNull();
    expect(notificationHref(notification({ link: 'https://example.org' }))).toBeNull();
  });
});
