import type { Role } from '../../contracts/accounts';
import type { Db } from '../db/client';
import { createUser, systemActor } from '../modules/accounts';

export const TEST_PASSWORD = 'korrekt-Pferd-Batterie-42';

type Grant = { role: Role; programmeId?: number | null; organisationId?: number | null };

/** Creates an account with the given roles and the test password. */
export async function createTestUser(db: Db, email: string, grants: Grant[] = []) {
  return createUser(db, systemActor, {
    email,
    name: email.split('@')[0] ?? email,
    password: TEST_PASSWORD,
    roles: grants.map((g) => ({
      role: g.role,
      programmeId: g.programmeId ?? null,
      organisationId: g.organisationId ?? null,
    })),
  });
}

type Injectable = {
  inject(opts: {
    method: 'POST';
    url: string;
    payload: unknown;
  }): Promise<{ statusCode: number; headers: Record<string, unknown>; json(): unknown }>;
};

export type Session = { cookie: string; csrf: string; headers: Record<string, string> };

/** Signs in through the API and returns the cookie and CSRF header to send with later requests. */
export async function signIn(app: Injectable, email: string, password = TEST_PASSWORD): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (res.statusCode !== 200)
    throw new Error(`sign-in of ${email} failed: ${res.statusCode} ${JSON.stringify(res.json())}`);
  const setCookie = String(res.headers['set-cookie']);
  const cookie = setCookie.split(';')[0] as string;
  const csrf = (res.json() as { csrfToken: string }).csrfToken;
  return { cookie, csrf, headers: { cookie, 'x-csrf-token': csrf } };
}
