import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { grantRoom, grantsRoom, type GrantCall, type GrantDocument, type HelpRequest, type KnowHow, type PartnerPost } from '../../../shared/grants';
import type { NewEvent } from '../../lib/events';
import { grantCalls } from '../../db/schema/grants';

// Live events of the grants board. Calls and everything said about them are public, so anyone may
// join `grants` (the list changed) and `grant:<callId>` (one call's page); the data is the same for
// everyone (no per-viewer fields).

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function registerGrantRooms(app: FastifyInstance) {
  app.realtime.registerRoom('grants', (_user, id) => id === null);
  app.realtime.registerRoom('grant', async (_user, id) => {
    if (!id || !uuidPattern.test(id)) return false;
    const [call] = await app.db.select({ id: grantCalls.id }).from(grantCalls).where(eq(grantCalls.id, id));
    return !!call;
  });
}

export const listChanged = (callId: string): NewEvent<'grants.changed'> => ({ room: grantsRoom, type: 'grants.changed', data: { callId } });

export const callUpdated = (call: GrantCall): NewEvent<'grant.updated'> => ({ room: grantRoom(call.id), type: 'grant.updated', data: { call } });

export const knowHowSaved = (knowHow: KnowHow): NewEvent<'grant.knowHowSaved'> => ({
  room: grantRoom(knowHow.callId),
  type: 'grant.knowHowSaved',
  data: { callId: knowHow.callId, knowHow },
});

export const knowHowRemoved = (callId: string, knowHowId: string): NewEvent<'grant.knowHowRemoved'> => ({
  room: grantRoom(callId),
  type: 'grant.knowHowRemoved',
  data: { callId, knowHowId },
});

export const helpRequestSaved = (helpRequest: HelpRequest): NewEvent<'grant.helpRequestSaved'> => ({
  room: grantRoom(helpRequest.callId),
  type: 'grant.helpRequestSaved',
  data: { callId: helpRequest.callId, helpRequest },
});

export const helpRequestRemoved = (callId: string, helpRequestId: string): NewEvent<'grant.helpRequestRemoved'> => ({
  room: grantRoom(callId),
  type: 'grant.helpRequestRemoved',
  data: { callId, helpRequestId },
});

export const partnerPostSaved = (callId: string, partnerPost: PartnerPost): NewEvent<'grant.partnerPostSaved'> => ({
  room: grantRoom(callId),
  type: 'grant.partnerPostSaved',
  data: { callId, partnerPost },
});

export const partnerPostRemoved = (callId: string, partnerPostId: string): NewEvent<'grant.partnerPostRemoved'> => ({
  room: grantRoom(callId),
  type: 'grant.partnerPostRemoved',
  data: { callId, partnerPostId },
});

export const documentAdded = (callId: string, document: GrantDocument): NewEvent<'grant.documentAdded'> => ({
  room: grantRoom(callId),
  type: 'grant.documentAdded',
  data: { callId, document },
});

export const documentRemoved = (callId: string, document: { id: string; knowHowId: string | null }): NewEvent<'grant.documentRemoved'> => ({
  room: grantRoom(callId),
  type: 'grant.documentRemoved',
  data: { callId, documentId: document.id, knowHowId: document.knowHowId },
});
