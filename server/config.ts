import path from 'node:path';
import { z } from 'zod';
import { AppError } from './errors';

const flag = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');

const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  STANDORT_DATA_DIR: z.string().default('./.standort'),
  STANDORT_DEMO: flag.default(true),
  DATABASE_URL: z.preprocess((v) => (v === '' ? undefined : v), z.url().optional()),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  loadDemo: boolean;
  databaseUrl: string | undefined;
  logLevel: z.infer<typeof configSchema>['LOG_LEVEL'];
};

/** Reads the configuration from the environment; the only place that touches process.env. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new AppError('validation_failed', `Ungültige Konfiguration — ${problems}`);
  }
  const c = parsed.data;
  return {
    port: c.PORT,
    host: c.HOST,
    dataDir: path.resolve(c.STANDORT_DATA_DIR),
    loadDemo: c.STANDORT_DEMO,
    databaseUrl: c.DATABASE_URL,
    logLevel: c.LOG_LEVEL,
  };
}

/** Folder with the shipped public data and seed documents. */
export const DATA_DIR = path.resolve(import.meta.dirname, '..', 'data');
