import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, idParamSchema } from '../../../contracts/common';
import {
  conceptListSchema,
  conceptSearchQuerySchema,
  extractConceptsSchema,
  extractedConceptsSchema,
  suggestionListSchema,
  suggestionsQuerySchema,
} from '../../../contracts/matching';
import type { Db } from '../../db/client';
import { analyseText, searchConcepts } from './concepts';
import { suggestPartnersForOrganisation } from './suggestions';

export const matchingRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['Partnersuche'];
    const read = { access: 'public', scope: 'directory:read' } as const;
    app.get(
      '/organisations/:id/partner-suggestions',
      {
        config: read,
        schema: {
          tags,
          summary:
            'Partnervorschläge für eine Organisation mit Begründung: Partner der Partner aus echten Projekten, gleiche Themenfelder und Begriffe, ergänzende Typen, Partnerregionen über die Grenze',
          params: idParamSchema,
          querystring: suggestionsQuerySchema,
          response: { 200: suggestionListSchema, ...errorResponses(400, 404) },
        },
      },
      (request) => suggestPartnersForOrganisation(db, request.actor, request.params.id, request.query),
    );
    app.get(
      '/concepts',
      {
        config: read,
        schema: {
          tags,
          summary:
            'Begriffe der Partnersuche (Technologiefelder, NACE-Codes) nach Bezeichnung in Deutsch, Englisch, Italienisch',
          querystring: conceptSearchQuerySchema,
          response: { 200: conceptListSchema, ...errorResponses(400) },
        },
      },
      (request) => searchConcepts(db, request.query),
    );
    app.post(
      '/concepts/extract',
      {
        config: { access: 'signed_in', scope: 'directory:read' },
        schema: {
          tags,
          summary:
            'Die Begriffe eines Textes (Deutsch, Italienisch oder Englisch), mit den Wörtern, die auf sie führen',
          body: extractConceptsSchema,
          response: { 200: extractedConceptsSchema, ...errorResponses(400, 401) },
        },
      },
      async (request) => ({ items: (await analyseText(db, request.body.text)).concepts }),
    );
  };
