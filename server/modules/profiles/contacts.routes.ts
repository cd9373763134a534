import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, idParamSchema } from '../../../contracts/common';
import {
  contactDetailSchema,
  contactPageSchema,
  createContactSchema,
  listContactsQuerySchema,
  matchingDashboardQuerySchema,
  matchingDashboardSchema,
  transitionContactSchema,
} from '../../../contracts/profiles';
import type { Db } from '../../db/client';
import { createContact, getContact, listContacts } from './contacts.service';
import { transitionContact } from './contacts.transitions';
import { matchingDashboard } from './dashboard.service';

export const contactRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['Partnervermittlung'];
    const read = { access: 'signed_in', scope: 'directory:read' } as const;
    const write = { access: 'signed_in', scope: 'directory:write' } as const;
    app.get(
      '/contacts',
      {
        config: read,
        schema: {
          tags,
          summary: 'Kontakte, an denen man beteiligt ist: als Anfragende, Angefragte oder vermittelnde Stelle',
          querystring: listContactsQuerySchema,
          response: { 200: contactPageSchema, ...errorResponses(400, 401) },
        },
      },
      (request) => listContacts(db, request.actor, request.query),
    );
    app.get(
      '/contacts/:id',
      {
        config: read,
        schema: {
          tags,
          summary: 'Ein Kontakt mit seinen datierten Schritten',
          params: idParamSchema,
          response: { 200: contactDetailSchema, ...errorResponses(400, 401, 404) },
        },
      },
      (request) => getContact(db, request.actor, request.params.id),
    );
    app.post(
      '/contacts',
      {
        config: write,
        schema: {
          tags,
          summary:
            'Interesse bekunden: an einem Profil oder einer Organisation, mit Zusammenarbeit, offenen Fragen, Vorstellung',
          body: createContactSchema,
          response: { 201: contactDetailSchema, ...errorResponses(400, 401, 403, 409) },
        },
      },
      async (request, reply) => reply.status(201).send(await createContact(db, request.actor, request.body)),
    );
    app.post(
      '/contacts/:id/transition',
      {
        config: write,
        schema: {
          tags,
          summary:
            'Nächster Schritt: vermitteln, Treffen, Bewertung (ab sechs Wochen nach dem Treffen; danach auch Projekt/Förderung verknüpfen), absagen',
          params: idParamSchema,
          body: transitionContactSchema,
          response: { 200: contactDetailSchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      (request) => transitionContact(db, request.actor, request.params.id, request.body),
    );
    app.get(
      '/matching/dashboard',
      {
        config: read,
        schema: {
          tags,
          summary:
            'Auswertung der Partnervermittlung einer Wirtschaftsförderung: Profile, Kontakte, Vereinbarungen je Monat',
          querystring: matchingDashboardQuerySchema,
          response: { 200: matchingDashboardSchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      (request) => matchingDashboard(db, request.actor, request.query),
    );
  };
