import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, idParamSchema } from '../../../contracts/common';
import {
  createPersonRoleSchema,
  createPersonSchema,
  endPersonRoleSchema,
  listPeopleQuerySchema,
  personDetailSchema,
  personPageSchema,
  updatePersonSchema,
} from '../../../contracts/people';
import type { Db } from '../../db/client';
import { exportFormats, sendTableExport } from '../../http/table-export';
import { addPersonRole, createPerson, endPersonRole, updatePerson } from './people.editing';
import { exportPeople, getPerson, listPeople, personExportColumns } from './people.service';

export const peopleRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['Personen'];
    const read = { access: 'public', scope: 'directory:read' } as const;
    const write = { access: 'signed_in', scope: 'directory:write' } as const;
    const changed = { 200: personDetailSchema, ...errorResponses(400, 401, 403, 404, 409) };
    app.get(
      '/people',
      {
        config: read,
        schema: {
          tags,
          summary: 'Personen nach Name oder Organisation, seitenweise',
          querystring: listPeopleQuerySchema,
          response: { 200: personPageSchema, ...errorResponses(400) },
        },
      },
      (request) => listPeople(db, request.actor, request.query),
    );
    for (const format of exportFormats) {
      app.get(
        `/people/export.${format}`,
        {
          config: read,
          schema: {
            tags,
            summary: `Personenliste als ${format.toUpperCase()}-Datei, mit den Filtern der Liste, ohne Kontaktdaten (höchstens 100.000 Zeilen)`,
            querystring: listPeopleQuerySchema.omit({ page: true, pageSize: true }),
            response: errorResponses(400),
          },
        },
        (request, reply) =>
          sendTableExport(reply, {
            format,
            fileStem: 'standort-personen',
            sheetName: 'Personen',
            columns: personExportColumns,
            source: (limit) => exportPeople(db, request.actor, request.query, limit),
          }),
      );
    }
    app.get(
      '/people/:id',
      {
        config: read,
        schema: {
          tags,
          summary: 'Eine Person mit Funktionen, Unterschriften und — wenn erlaubt — Kontaktdaten',
          params: idParamSchema,
          response: { 200: personDetailSchema, ...errorResponses(400, 404) },
        },
      },
      (request) => getPerson(db, request.actor, request.params.id),
    );
    app.post(
      '/people',
      { config: write, schema: { tags, summary: 'Person anlegen', body: createPersonSchema, response: changed } },
      (request) => createPerson(db, request.actor, request.body),
    );
    app.patch(
      '/people/:id',
      {
        config: write,
        schema: {
          tags,
          summary: 'Person ändern (mit Version)',
          params: idParamSchema,
          body: updatePersonSchema,
          response: changed,
        },
      },
      (request) => updatePerson(db, request.actor, request.params.id, request.body),
    );
    app.post(
      '/people/:id/roles',
      {
        config: write,
        schema: {
          tags,
          summary: 'Funktion bei einer Organisation hinzufügen',
          params: idParamSchema,
          body: createPersonRoleSchema,
          response: changed,
        },
      },
      (request) => addPersonRole(db, request.actor, request.params.id, request.body),
    );
    app.post(
      '/person-roles/:id/end',
      {
        config: write,
        schema: {
          tags,
          summary: 'Funktion beenden',
          params: idParamSchema,
          body: endPersonRoleSchema,
          response: changed,
        },
      },
      (request) => endPersonRole(db, request.actor, request.params.id, request.body.until),
    );
  };
