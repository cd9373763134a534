import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  challengeDetailSchema,
  challengePageSchema,
  challengeResponsePageSchema,
  challengeResponseSchema,
  closeChallengeSchema,
  createChallengeSchema,
  invitationListSchema,
  inviteOrganisationsSchema,
  listChallengesQuerySchema,
  listResponsesQuerySchema,
  respondToChallengeSchema,
  responseParamsSchema,
  setResponseStatusSchema,
  updateChallengeSchema,
} from '../../../contracts/challenges';
import { errorResponses, idParamSchema } from '../../../contracts/common';
import { suggestionListSchema, suggestionsQuerySchema } from '../../../contracts/matching';
import type { Db } from '../../db/client';
import { closeChallenge, createChallenge, updateChallenge } from './challenges.editing';
import { getChallenge, listChallenges } from './challenges.service';
import { inviteOrganisations, listInvitations, suggestInvitees } from './invitations.service';
import { listResponses, respondToChallenge, setResponseStatus } from './responses.service';

export const challengeRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['Challenges'];
    const read = { access: 'public', scope: 'directory:read' } as const;
    const signedInRead = { access: 'signed_in', scope: 'directory:read' } as const;
    const write = { access: 'signed_in', scope: 'directory:write' } as const;
    const writeErrors = errorResponses(400, 401, 403, 404, 409);
    const signedInErrors = errorResponses(400, 401, 403, 404);
    app.get(
      '/challenges',
      {
        config: read,
        schema: {
          tags,
          summary: 'Challenges: offene zuerst (nächste Frist zuerst); nach Stand, Begriff, Organisation, Wörtern',
          querystring: listChallengesQuerySchema,
          response: { 200: challengePageSchema, ...errorResponses(400) },
        },
      },
      (request) => listChallenges(db, request.actor, request.query),
    );
    app.get(
      '/challenges/:id',
      {
        config: read,
        schema: {
          tags,
          summary: 'Eine Challenge: Problem, Begriffe, Frist, Antworten gezählt',
          params: idParamSchema,
          response: { 200: challengeDetailSchema, ...errorResponses(400, 404) },
        },
      },
      (request) => getChallenge(db, request.actor, request.params.id),
    );
    app.post(
      '/challenges',
      {
        config: write,
        schema: {
          tags,
          summary: 'Challenge stellen (für eine Organisation, für die man spricht)',
          body: createChallengeSchema,
          response: { 201: challengeDetailSchema, ...writeErrors },
        },
      },
      async (request, reply) => reply.status(201).send(await createChallenge(db, request.actor, request.body)),
    );
    app.patch(
      '/challenges/:id',
      {
        config: write,
        schema: {
          tags,
          summary: 'Challenge ändern (mit der gelesenen Version)',
          params: idParamSchema,
          body: updateChallengeSchema,
          response: { 200: challengeDetailSchema, ...writeErrors },
        },
      },
      (request) => updateChallenge(db, request.actor, request.params.id, request.body),
    );
    app.post(
      '/challenges/:id/close',
      {
        config: write,
        schema: {
          tags,
          summary: 'Challenge schließen: keine weiteren Antworten',
          params: idParamSchema,
          body: closeChallengeSchema,
          response: { 200: challengeDetailSchema, ...writeErrors },
        },
      },
      (request) => closeChallenge(db, request.actor, request.params.id, request.body),
    );
    app.get(
      '/challenges/:id/invitations',
      {
        config: signedInRead,
        schema: {
          tags,
          summary: 'Eingeladene Organisationen (Organisation der Challenge und Mitarbeitende)',
          params: idParamSchema,
          response: { 200: invitationListSchema, ...signedInErrors },
        },
      },
      (request) => listInvitations(db, request.actor, request.params.id),
    );
    app.post(
      '/challenges/:id/invitations',
      {
        config: write,
        schema: {
          tags,
          summary: 'Organisationen einladen (wiederholte Einladungen ändern nichts)',
          params: idParamSchema,
          body: inviteOrganisationsSchema,
          response: { 200: invitationListSchema, ...writeErrors },
        },
      },
      (request) => inviteOrganisations(db, request.actor, request.params.id, request.body),
    );
    app.get(
      '/challenges/:id/invitee-suggestions',
      {
        config: signedInRead,
        schema: {
          tags,
          summary: 'Wen einladen? Vorschläge aus dem Matching, mit Gründen',
          params: idParamSchema,
          querystring: suggestionsQuerySchema,
          response: { 200: suggestionListSchema, ...signedInErrors },
        },
      },
      (request) => suggestInvitees(db, request.actor, request.params.id, request.query),
    );
    app.get(
      '/challenges/:id/responses',
      {
        config: signedInRead,
        schema: {
          tags,
          summary: 'Antworten: alle für die Organisation der Challenge und Mitarbeitende, sonst die eigenen',
          params: idParamSchema,
          querystring: listResponsesQuerySchema,
          response: { 200: challengeResponsePageSchema, ...signedInErrors },
        },
      },
      (request) => listResponses(db, request.actor, request.params.id, request.query),
    );
    app.post(
      '/challenges/:id/responses',
      {
        config: write,
        schema: {
          tags,
          summary: 'Auf eine Challenge antworten (einmal je Organisation, bis zur Frist)',
          params: idParamSchema,
          body: respondToChallengeSchema,
          response: { 201: challengeResponseSchema, ...writeErrors },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await respondToChallenge(db, request.actor, request.params.id, request.body)),
    );
    app.post(
      '/challenges/:id/responses/:responseId/status',
      {
        config: write,
        schema: {
          tags,
          summary: 'Antwort in die engere Wahl nehmen, auswählen (nur aus der engeren Wahl) oder ablehnen',
          params: responseParamsSchema,
          body: setResponseStatusSchema,
          response: { 200: challengeResponseSchema, ...writeErrors },
        },
      },
      (request) => setResponseStatus(db, request.actor, request.params.id, request.params.responseId, request.body),
    );
  };
