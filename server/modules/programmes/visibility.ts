import { type SQL, sql } from 'drizzle-orm';
import { type Actor, isAdmin, isStaff, organisationScope, programmeScope } from '../accounts';

// Predicates over a table alias, so the same rule filters lists, counts and sums alike.
// public: everyone; internal: signed-in staff; restricted: admins, the programme office of the
// programme and — for projects — the organisations taking part.

const ids = (values: number[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

/** Whether the programme row under `alias` is visible to the actor. */
export function programmeVisibleSql(actor: Actor, alias: string): SQL {
  if (isAdmin(actor)) return sql`true`;
  const t = sql.raw(`"${alias}"`);
  const scope = programmeScope(actor);
  const restricted = scope === 'all' ? sql`true` : scope.length > 0 ? sql`${t}.id in (${ids(scope)})` : sql`false`;
  const levels = isStaff(actor) ? sql`${t}.visibility in ('public', 'internal')` : sql`${t}.visibility = 'public'`;
  return sql`(${levels} or (${t}.visibility = 'restricted' and ${restricted}))`;
}

/** Whether the project row under `alias` — and its programme — is visible to the actor. */
export function projectVisibleSql(actor: Actor, alias: string): SQL {
  if (isAdmin(actor)) return sql`true`;
  const t = sql.raw(`"${alias}"`);
  const scope = programmeScope(actor);
  const orgs = organisationScope(actor);
  const byProgramme =
    scope === 'all' ? sql`true` : scope.length > 0 ? sql`${t}.programme_id in (${ids(scope)})` : sql`false`;
  const byOrganisation =
    orgs.length > 0
      ? sql`exists (select 1 from project_organisations vpo where vpo.project_id = ${t}.id and vpo.organisation_id in (${ids(orgs)}))`
      : sql`false`;
  const levels = isStaff(actor) ? sql`${t}.visibility in ('public', 'internal')` : sql`${t}.visibility = 'public'`;
  return sql`((${levels} or (${t}.visibility = 'restricted' and (${byProgramme} or ${byOrganisation})))
    and exists (select 1 from programmes vpg where vpg.id = ${t}.programme_id and ${programmeVisibleSql(actor, 'vpg')}))`;
}

/**
 * Whether the organisation row under `alias` is visible: public to everyone, internal to staff,
 * restricted to admins and those who speak for the organisation (`ownColumn`: the column holding
 * the organisation's id; null for rows of other directory tables — people, partnerships).
 */
export function organisationVisibleSql(actor: Actor, alias: string, ownColumn: string | null = 'id'): SQL {
  if (isAdmin(actor)) return sql`true`;
  const t = sql.raw(`"${alias}"`);
  const orgs = organisationScope(actor);
  const own =
    ownColumn !== null && orgs.length > 0 ? sql`${t}.${sql.raw(`"${ownColumn}"`)} in (${ids(orgs)})` : sql`false`;
  const levels = isStaff(actor) ? sql`${t}.visibility in ('public', 'internal')` : sql`${t}.visibility = 'public'`;
  return sql`(${levels} or (${t}.visibility = 'restricted' and ${own}))`;
}
