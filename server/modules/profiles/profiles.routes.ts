import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, idParamSchema } from '../../../contracts/common';
import { suggestionListSchema, suggestionsQuerySchema } from '../../../contracts/matching';
import {
  createProfileSchema,
  listProfilesQuerySchema,
  profileDetailSchema,
  profilePageSchema,
  profileStepSchema,
  reviewProfileSchema,
  updateProfileSchema,
} from '../../../contracts/profiles';
import type { Db } from '../../db/client';
import { matchesForProfile } from '../matching';
import { createProfile, updateProfile } from './profiles.editing';
import { getProfile, listProfiles, loadProfile } from './profiles.service';
import { renewProfile, reviewProfile, submitProfile, withdrawProfile } from './profiles.steps';

export const profileRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['Partnerprofile'];
    const read = { access: 'public', scope: 'directory:read' } as const;
    const write = { access: 'signed_in', scope: 'directory:write' } as const;
    const writeErrors = errorResponses(400, 401, 403, 404, 409);
    app.get(
      '/profiles',
      {
        config: read,
        schema: {
          tags,
          summary:
            'Partnerprofile: veröffentlichte für alle; die eigenen und die zu prüfenden in jedem Stand. Suche in Deutsch, Italienisch, Englisch',
          querystring: listProfilesQuerySchema,
          response: { 200: profilePageSchema, ...errorResponses(400) },
        },
      },
      (request) => listProfiles(db, request.actor, request.query),
    );
    app.get(
      '/profiles/:id',
      {
        config: read,
        schema: {
          tags,
          summary: 'Ein Partnerprofil mit Begriffen in drei Sprachen; anonyme ohne Organisation',
          params: idParamSchema,
          response: { 200: profileDetailSchema, ...errorResponses(400, 404) },
        },
      },
      (request) => getProfile(db, request.actor, request.params.id),
    );
    app.get(
      '/profiles/:id/matches',
      {
        config: read,
        schema: {
          tags: ['Partnersuche'],
          summary:
            'Passende Partnerprofile für ein Profil, über Sprachgrenzen hinweg, mit Begründung; anonyme Profile ohne Identität',
          params: idParamSchema,
          querystring: suggestionsQuerySchema,
          response: { 200: suggestionListSchema, ...errorResponses(400, 404) },
        },
      },
      async (request) => {
        await loadProfile(db, request.actor, request.params.id);
        return matchesForProfile(db, request.actor, request.params.id, request.query);
      },
    );
    app.post(
      '/profiles',
      {
        config: write,
        schema: {
          tags,
          summary: 'Partnerprofil als Entwurf anlegen (für eine Organisation, für die man spricht)',
          body: createProfileSchema,
          response: { 201: profileDetailSchema, ...writeErrors },
        },
      },
      async (request, reply) => reply.status(201).send(await createProfile(db, request.actor, request.body)),
    );
    app.patch(
      '/profiles/:id',
      {
        config: write,
        schema: {
          tags,
          summary: 'Partnerprofil ändern (mit der gelesenen Version); neuer Text geht erneut in die Prüfung',
          params: idParamSchema,
          body: updateProfileSchema,
          response: { 200: profileDetailSchema, ...writeErrors },
        },
      },
      (request) => updateProfile(db, request.actor, request.params.id, request.body),
    );
    const steps = [
      ['submit', 'Zur Prüfung einreichen (Entwurf oder abgelehnt)', submitProfile],
      ['withdraw', 'Zurückziehen', withdrawProfile],
      ['renew', 'Um zwölf Monate verlängern (ab 30 Tage vor Ablauf)', renewProfile],
    ] as const;
    for (const [path, summary, step] of steps) {
      app.post(
        `/profiles/:id/${path}`,
        {
          config: write,
          schema: {
            tags,
            summary: `Partnerprofil: ${summary}`,
            params: idParamSchema,
            body: profileStepSchema,
            response: { 200: profileDetailSchema, ...writeErrors },
          },
        },
        (request) => step(db, request.actor, request.params.id, request.body),
      );
    }
    app.post(
      '/profiles/:id/review',
      {
        config: write,
        schema: {
          tags,
          summary:
            'Eingereichtes Profil veröffentlichen oder mit Begründung ablehnen (zuständige Wirtschaftsförderung)',
          params: idParamSchema,
          body: reviewProfileSchema,
          response: { 200: profileDetailSchema, ...writeErrors },
        },
      },
      (request) => reviewProfile(db, request.actor, request.params.id, request.body),
    );
  };
