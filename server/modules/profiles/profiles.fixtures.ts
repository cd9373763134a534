import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import type { ProfileDetail } from '../../../contracts/profiles';
import { queryRows } from '../../db/client';
import { createTestUser, type Session, signIn } from '../../test/accounts';
import type { createDemoApp } from '../../test/demo-app';

// The cast of the matchmaking tests on the demo data: a small company in Dortmund (whose agency
// is Wirtschaftsförderung Dortmund), a company in Piemonte, a third company that contacts them,
// and the people who speak for them, review for the agencies or administer.

type Ctx = Awaited<ReturnType<typeof createDemoApp>>;
export type Org = { id: number; name: string };

/** Every number anywhere in a JSON value: an id that leaks shows up here whatever its key. */
export function numbersIn(value: unknown): number[] {
  if (typeof value === 'number') return [value];
  if (Array.isArray(value)) return value.flatMap(numbersIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(numbersIn);
  return [];
}

export async function setUpMatchmaking(ctx: Ctx, mail: string) {
  const call = async (method: 'GET' | 'POST' | 'PATCH', url: string, who?: Session, payload?: object) => {
    const res = await ctx.app.inject({ method, url, headers: who?.headers ?? {}, ...(payload ? { payload } : {}) });
    return { status: res.statusCode, body: res.json(), text: res.body };
  };
  const [dortmund] = await queryRows<{ id: number; agency: number }>(
    ctx.db,
    sql`select r.id, (select o.id from organisations o where o.region_id = r.id and o.type = 'development_agency'
        order by o.id limit 1) as agency
      from regions r where r.level = 'district' and r.name = 'Dortmund'`,
  );
  // Companies with ids above 1000, so that a leaked id cannot pass for a version or a count.
  const companies = await queryRows<{ id: number; name: string; country: string | null; version: number }>(
    ctx.db,
    sql`select id, name, country, version from (
        select o.*, row_number() over (partition by o.country order by o.id) as n from organisations o
        where o.type = 'company' and o.visibility = 'public' and o.id > 1000 and length(o.name) > 8
          and o.country in ('DE', 'IT')) c
      where n <= 10 order by id`,
  );
  const pick = (p: (c: (typeof companies)[number]) => boolean, taken: number[]) => {
    const found = companies.find((c) => p(c) && !taken.includes(Number(c.id)));
    if (!found) throw new Error('no company for the matchmaking tests');
    return found;
  };
  const de = pick((c) => c.country === 'DE', []);
  const it = pick((c) => c.country === 'IT', [Number(de.id)]);
  const third = pick((c) => c.country === 'DE', [Number(de.id), Number(it.id)]);
  const other = pick(() => true, [Number(de.id), Number(it.id), Number(third.id)]);
  const [bochum] = await queryRows<{ id: number }>(
    ctx.db,
    sql`select id from organisations where name = 'Wirtschaftsförderung Bochum'`,
  );
  const org = (c: { id: number; name: string }): Org => ({ id: Number(c.id), name: c.name });
  const cast = {
    company: org(de),
    italian: org(it),
    sender: org(third),
    dortmundAgency: Number(dortmund?.agency),
    bochumAgency: Number(bochum?.id),
  };
  const users = {
    admin: [{ role: 'admin' as const }],
    author: [{ role: 'organisation_member' as const, organisationId: cast.company.id }],
    italianAuthor: [{ role: 'organisation_member' as const, organisationId: cast.italian.id }],
    senderMember: [{ role: 'organisation_member' as const, organisationId: cast.sender.id }],
    reviewer: [{ role: 'agency_staff' as const, organisationId: cast.dortmundAgency }],
    otherAgency: [{ role: 'agency_staff' as const, organisationId: cast.bochumAgency }],
    outsider: [{ role: 'organisation_member' as const, organisationId: Number(other.id) }],
  };
  const sessions = {} as Record<keyof typeof users, Session>;
  for (const [name, roles] of Object.entries(users) as [keyof typeof users, (typeof users)[keyof typeof users]][]) {
    await createTestUser(ctx.db, `${name.toLowerCase()}@${mail}`, roles);
    sessions[name] = await signIn(ctx.app, `${name.toLowerCase()}@${mail}`);
  }
  // The company lies in Dortmund and is small: its agency is Dortmund's, its size shows when anonymous.
  const moved = await call('PATCH', `/api/organisations/${cast.company.id}`, sessions.admin, {
    version: Number(de.version),
    regionId: Number(dortmund?.id),
    sizeClass: 'small',
  });
  expect(moved.status, moved.text).toBe(200);

  const draft = (extra: object = {}) => ({
    organisationId: cast.company.id,
    kind: 'technology_offer',
    language: 'de',
    title: 'Kollaborative Roboter für die Montage',
    summary: 'Wir bauen Roboter mit Greifern für die Montage kleiner Serien und suchen Anwender im Maschinenbau.',
    ...extra,
  });
  /** Creates, submits and publishes a profile; returns it as the reviewer sees it. */
  const publish = async (payload: object, who = sessions.author, by = sessions.reviewer): Promise<ProfileDetail> => {
    const created = await call('POST', '/api/profiles', who, payload);
    expect(created.status, created.text).toBe(201);
    expect((await call('POST', `/api/profiles/${created.body.id}/submit`, who)).status).toBe(200);
    const review = await call('POST', `/api/profiles/${created.body.id}/review`, by, { decision: 'publish' });
    expect(review.status, review.text).toBe(200);
    return review.body;
  };
  const count = async (table: 'partner_profiles' | 'partner_contacts' | 'partner_contact_events' | 'audit_log') =>
    Number((await queryRows<{ n: string }>(ctx.db, sql`select count(*) as n from ${sql.raw(table)}`))[0]?.n);
  return { ...cast, ...sessions, call, draft, publish, count };
}
