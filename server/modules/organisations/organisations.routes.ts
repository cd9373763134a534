import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, idParamSchema } from '../../../contracts/common';
import {
  duplicateListSchema,
  duplicatesQuerySchema,
  listOrganisationsQuerySchema,
  mergeOrganisationSchema,
  organisationDetailSchema,
  organisationFacetsSchema,
  organisationPageSchema,
  partnerListSchema,
  partnersQuerySchema,
  updateOrganisationSchema,
} from '../../../contracts/organisations';
import type { Db } from '../../db/client';
import { AppError } from '../../errors';
import { exportFormats, sendTableExport } from '../../http/table-export';
import { isStaff } from '../accounts';
import { getOrganisation, getPartners, listOrganisations } from './directory.service';
import { suggestDuplicates } from './duplicates.service';
import { organisationFacets } from './organisation-facets';
import { mergeOrganisations, updateOrganisation } from './organisations.editing';
import { exportOrganisations, organisationExportColumns } from './organisations.export';

const filterQuerySchema = listOrganisationsQuerySchema.omit({ page: true, pageSize: true, sort: true });

export const organisationRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['Organisationen'];
    const read = { access: 'public', scope: 'directory:read' } as const;
    const write = { access: 'signed_in', scope: 'directory:write' } as const;
    app.get(
      '/organisations',
      {
        config: read,
        schema: {
          tags,
          summary: 'Organisationen suchen (fehlertolerant, auch über Aliasnamen) und filtern, seitenweise',
          querystring: listOrganisationsQuerySchema,
          response: { 200: organisationPageSchema, ...errorResponses(400) },
        },
      },
      (request) => listOrganisations(db, request.actor, request.query),
    );
    app.get(
      '/organisations/facets',
      {
        config: read,
        schema: {
          tags,
          summary: 'Anzahl der Organisationen je Typ, Kreis/Provinz, Wirtschaftsabschnitt, Programm und Land',
          querystring: filterQuerySchema,
          response: { 200: organisationFacetsSchema, ...errorResponses(400) },
        },
      },
      (request) => organisationFacets(db, request.actor, request.query),
    );
    for (const format of exportFormats) {
      app.get(
        `/organisations/export.${format}`,
        {
          config: read,
          schema: {
            tags,
            summary: `Organisationsliste mit ihren Filtern als ${format.toUpperCase()} (höchstens 100.000 Zeilen)`,
            querystring: listOrganisationsQuerySchema.omit({ page: true, pageSize: true }),
            response: errorResponses(400),
          },
        },
        (request, reply) =>
          sendTableExport(reply, {
            format,
            fileStem: 'standort-organisationen',
            sheetName: 'Organisationen',
            columns: organisationExportColumns,
            source: (limit) => exportOrganisations(db, request.actor, request.query, limit),
          }),
      );
    }
    app.get(
      '/organisations/duplicates',
      {
        config: { access: 'signed_in', scope: 'directory:read' },
        schema: {
          tags,
          summary: 'Mögliche Dubletten: ähnliche Namen, gleiche Website oder Registernummer (nur Mitarbeitende)',
          querystring: duplicatesQuerySchema,
          response: { 200: duplicateListSchema, ...errorResponses(400, 401, 403) },
        },
      },
      (request) => {
        if (!isStaff(request.actor)) throw new AppError('forbidden', 'Dubletten sehen nur Mitarbeitende.');
        return suggestDuplicates(db, request.actor, request.query);
      },
    );
    app.get(
      '/organisations/:id',
      {
        config: read,
        schema: {
          tags,
          summary:
            'Eine Organisation mit Kennungen, NACE-Codes, Mitgliedschaften, Personen, Programmen und Partnern (zusammengeführte Kennungen zeigen die verbleibende)',
          params: idParamSchema,
          response: { 200: organisationDetailSchema, ...errorResponses(400, 404) },
        },
      },
      (request) => getOrganisation(db, request.actor, request.params.id),
    );
    app.get(
      '/organisations/:id/partners',
      {
        config: read,
        schema: {
          tags,
          summary: 'Partner aus gemeinsamen Projekten: Anzahl der Projekte und Programme',
          params: idParamSchema,
          querystring: partnersQuerySchema,
          response: { 200: partnerListSchema, ...errorResponses(400, 404) },
        },
      },
      (request) => getPartners(db, request.actor, request.params.id, request.query.limit),
    );
    app.patch(
      '/organisations/:id',
      {
        config: write,
        schema: {
          tags,
          summary: 'Profil einer Organisation ändern (mit der gelesenen Version)',
          params: idParamSchema,
          body: updateOrganisationSchema,
          response: { 200: organisationDetailSchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      (request) => updateOrganisation(db, request.actor, request.params.id, request.body),
    );
    app.post(
      '/organisations/:id/merge',
      {
        config: write,
        schema: {
          tags,
          summary: 'Eine Dublette in diese Organisation zusammenführen (Administration)',
          params: idParamSchema,
          body: mergeOrganisationSchema,
          response: { 200: organisationDetailSchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      (request) => mergeOrganisations(db, request.actor, request.params.id, request.body),
    );
  };
