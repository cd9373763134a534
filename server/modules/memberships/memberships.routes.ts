import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, idParamSchema } from '../../../contracts/common';
import {
  createMembershipSchema,
  endMembershipSchema,
  membershipSchema,
  networkListSchema,
} from '../../../contracts/organisations';
import type { Db } from '../../db/client';
import { createMembership, endMembership } from './memberships.editing';
import { listNetworks } from './memberships.service';

export const membershipRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['Mitgliedschaften'];
    const write = { access: 'signed_in', scope: 'directory:write' } as const;
    const changed = { 200: membershipSchema, ...errorResponses(400, 401, 403, 404) };
    app.get(
      '/networks',
      {
        config: { access: 'public', scope: 'directory:read' },
        schema: {
          tags,
          summary: 'Cluster, Allianzen, Netzwerke und Dialoge mit der Zahl ihrer Mitglieder',
          response: { 200: networkListSchema },
        },
      },
      (request) => listNetworks(db, request.actor),
    );
    app.post(
      '/memberships',
      {
        config: write,
        schema: {
          tags,
          summary: 'Mitgliedschaft eintragen (typisiert, datiert)',
          body: createMembershipSchema,
          response: changed,
        },
      },
      (request) => createMembership(db, request.actor, request.body),
    );
    app.post(
      '/memberships/:id/end',
      {
        config: write,
        schema: {
          tags,
          summary: 'Mitgliedschaft beenden',
          params: idParamSchema,
          body: endMembershipSchema,
          response: changed,
        },
      },
      (request) => endMembership(db, request.actor, request.params.id, request.body.until),
    );
  };
