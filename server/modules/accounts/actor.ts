import type { RoleAssignment, TokenScope } from '../../../contracts/accounts';

/** Who is asking: the anonymous public, or a user through a session, an API token or the CLI. */
export type Actor =
  | { kind: 'anonymous' }
  | {
      kind: 'user';
      userId: number;
      name: string;
      roles: RoleAssignment[];
      via: 'session' | 'token' | 'cli' | 'system';
      /** Token scopes; null when the actor is not limited by a token. */
      scopes: TokenScope[] | null;
      sessionId?: string;
      csrfToken?: string;
      tokenName?: string;
    };

export type UserActor = Extract<Actor, { kind: 'user' }>;

export const anonymous: Actor = { kind: 'anonymous' };

/** The actor used by imports and the command line: acts as the system, with every right. */
export const systemActor: UserActor = {
  kind: 'user',
  userId: 0,
  name: 'System',
  roles: [{ id: 0, role: 'admin', programmeId: null, organisationId: null }],
  via: 'system',
  scopes: null,
};
