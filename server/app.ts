import fs from 'node:fs';
import path from 'node:path';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { loadOidcConfig, type OidcConfig } from './config';
import type { Db } from './db/client';
import { type RouteRule, registerAuth } from './http/auth';
import { registerErrorHandler } from './http/error-handler';
import { authRoutes, oidcRoutes, userRoutes } from './modules/accounts';
import { auditRoutes } from './modules/audit';
import { callRoutes } from './modules/calls';
import { challengeRoutes } from './modules/challenges';
import { grantRoutes } from './modules/grants';
import { importRoutes } from './modules/imports';
import { mapRoutes } from './modules/map';
import { matchingRoutes } from './modules/matching';
import { membershipRoutes } from './modules/memberships';
import { naceRoutes } from './modules/nace';
import { openDataRoutes } from './modules/opendata';
import { organisationRoutes } from './modules/organisations';
import { partnershipRoutes } from './modules/partnerships';
import { peopleRoutes } from './modules/people';
import { contactRoutes, profileRoutes } from './modules/profiles';
import { programmeRoutes } from './modules/programmes';
import { projectRoutes } from './modules/projects';
import { regionRoutes } from './modules/regions';
import { reportRoutes } from './modules/reports';
import { searchRoutes } from './modules/search';

export type AppOptions = {
  db: Db;
  logger?: FastifyServerOptions['logger'];
  /** Folder of the built web app; when absent the server answers the API only. */
  webDir?: string;
  /** Single sign-on; null turns it off, absent reads the OIDC_* environment variables. */
  oidc?: OidcConfig | null;
  /** Trust X-Forwarded-* headers from a reverse proxy. */
  trustProxy?: boolean;
};

/** Builds the HTTP app: the API under /api, its OpenAPI document and docs, and the web app. */
export async function buildApp({
  db,
  logger = false,
  webDir,
  oidc = loadOidcConfig(),
  trustProxy = false,
}: AppOptions) {
  const app = Fastify({
    logger:
      logger && typeof logger === 'object'
        ? { ...logger, redact: ['req.headers.authorization', 'req.headers.cookie'] }
        : logger,
    bodyLimit: 1_048_576,
    trustProxy,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
  });

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Standort API',
        version: '0.1.0',
        description: 'Programme, Projekte, Mittel und Regionen der Wirtschaftsförderung in NRW und im Piemont.',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  let routeTable: RouteRule[] = [];
  await app.register(
    async (api) => {
      routeTable = await registerAuth(api, db);
      api.get(
        '/health',
        {
          config: { access: 'public' },
          schema: { tags: ['System'], response: { 200: z.object({ status: z.literal('ok') }) } },
        },
        () => ({ status: 'ok' as const }),
      );
      api.get('/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, () => app.swagger());
      await api.register(authRoutes(db, (message) => app.log.info(message)));
      await api.register(oidcRoutes(db, oidc));
      await api.register(userRoutes(db));
      await api.register(auditRoutes(db));
      await api.register(programmeRoutes(db));
      await api.register(projectRoutes(db));
      await api.register(regionRoutes(db));
      await api.register(organisationRoutes(db));
      await api.register(membershipRoutes(db));
      await api.register(peopleRoutes(db));
      await api.register(partnershipRoutes(db));
      await api.register(naceRoutes(db));
      await api.register(mapRoutes(db));
      await api.register(searchRoutes(db));
      await api.register(reportRoutes(db));
      await api.register(grantRoutes(db));
      await api.register(callRoutes(db));
      await api.register(matchingRoutes(db));
      await api.register(challengeRoutes(db));
      await api.register(profileRoutes(db));
      await api.register(contactRoutes(db));
      await api.register(openDataRoutes(db));
      await api.register(importRoutes(db));
    },
    { prefix: '/api' },
  );

  const hasWeb = webDir !== undefined && fs.existsSync(path.join(webDir, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: webDir });

  app.setNotFoundHandler((request, reply) => {
    const isPage = (request.method === 'GET' || request.method === 'HEAD') && !request.url.startsWith('/api') && hasWeb;
    if (isPage) return reply.type('text/html').sendFile('index.html');
    return reply
      .status(404)
      .send({ error: { code: 'not_found', message: `${request.method} ${request.url.split('?')[0]} gibt es nicht.` } });
  });

  return Object.assign(app, { routeTable });
}
