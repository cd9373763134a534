import { type SQL, sql } from 'drizzle-orm';
import {
  type ContactRating,
  type ContactStage,
  contactRatings,
  contactStages,
  type ProfileStatus,
  profileStatuses,
} from '../../../contracts/matching';
import type { MatchingDashboard, MatchingDashboardQuery } from '../../../contracts/profiles';
import { todayInGermany } from '../../calendar';
import { type Db, queryRows } from '../../db/client';
import { AppError } from '../../errors';
import type { Actor } from '../accounts';
import { actsForAgency, actsForAgencySql, agencyScope, requireUser } from './profiles.policy';

const zeros = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/**
 * The funnel of an agency (or of every agency the reader works for): its profiles by status,
 * its contacts by stage and rating, agreements, follow-ups due, links to projects and grants, and
 * interests and agreements per month over the last year. Two statements, whatever the numbers.
 */
export async function matchingDashboard(
  db: Db,
  actor: Actor,
  query: MatchingDashboardQuery,
  today = todayInGermany(),
): Promise<MatchingDashboard> {
  requireUser(actor);
  const agencyId = query.agencyId ?? null;
  const agencies = agencyScope(actor);
  const isAllowed = agencyId !== null ? actsForAgency(actor, agencyId) : agencies === 'all' || agencies.length > 0;
  if (!isAllowed) {
    throw new AppError('forbidden', 'Die Auswertung sehen Administration und Mitarbeitende der Wirtschaftsförderung.');
  }
  if (agencyId !== null) {
    const [agency] = await queryRows(db, sql`select 1 from organisations where id = ${agencyId}`);
    if (!agency) throw new AppError('not_found', `Organisation ${agencyId} wurde nicht gefunden.`);
  }
  const scope = (column: SQL) => (agencyId !== null ? sql`${column} = ${agencyId}` : actsForAgencySql(actor, column));
  const [profileRows, [contactRow]] = await Promise.all([
    queryRows<{ status: ProfileStatus; n: string; expired: string }>(
      db,
      sql`select p.status, count(*) as n,
          count(*) filter (where p.status = 'published' and p.expires_on < ${today}::date) as expired
        from partner_profiles p where ${scope(sql`p.agency_organisation_id`)} group by p.status`,
    ),
    queryRows<{
      stages: { stage: ContactStage; n: number }[] | null;
      ratings: { rating: ContactRating; n: number }[] | null;
      follow_ups_due: string;
      linked: string;
      months: { month: string; interests: number; agreements: number }[];
    }>(
      db,
      sql`with c as materialized (
          select c.id, c.stage, c.rating, c.follow_up_due, c.project_id, c.grant_id,
            date_trunc('month', c.created_at at time zone 'Europe/Berlin')::date as month
          from partner_contacts c where ${scope(sql`c.agency_organisation_id`)}),
        agreed as (
          select c.id, date_trunc('month', min(e.at) at time zone 'Europe/Berlin')::date as month
          from c join partner_contact_events e on e.contact_id = c.id and e.rating = 'agreement_reached'
          where c.rating = 'agreement_reached' group by c.id),
        months as (
          select generate_series(date_trunc('month', ${today}::date) - interval '11 months',
            date_trunc('month', ${today}::date), interval '1 month')::date as month)
        select
          (select json_agg(json_build_object('stage', s.stage, 'n', s.n))
            from (select stage, count(*) as n from c group by stage) s) as stages,
          (select json_agg(json_build_object('rating', s.rating, 'n', s.n))
            from (select rating, count(*) as n from c where rating is not null group by rating) s) as ratings,
          (select count(*) from c where stage = 'meeting' and follow_up_due <= ${today}::date) as follow_ups_due,
          (select count(*) from c where project_id is not null or grant_id is not null) as linked,
          (select json_agg(json_build_object('month', to_char(m.month, 'YYYY-MM'),
              'interests', (select count(*) from c where c.month = m.month),
              'agreements', (select count(*) from agreed a where a.month = m.month)) order by m.month)
            from months m) as months`,
    ),
  ]);
  const byStatus = zeros(profileStatuses);
  for (const r of profileRows) byStatus[r.status] = Number(r.n);
  const byStage = zeros(contactStages);
  for (const s of contactRow?.stages ?? []) byStage[s.stage] = Number(s.n);
  const ratings = zeros(contactRatings);
  for (const r of contactRow?.ratings ?? []) ratings[r.rating] = Number(r.n);
  return {
    agencyId,
    profiles: {
      byStatus,
      expired: profileRows.reduce((s, r) => s + Number(r.expired), 0),
      total: profileRows.reduce((s, r) => s + Number(r.n), 0),
    },
    contacts: {
      byStage,
      total: Object.values(byStage).reduce((s, n) => s + n, 0),
      ratings,
      agreements: ratings.agreement_reached,
      followUpsDue: Number(contactRow?.follow_ups_due ?? 0),
      linked: Number(contactRow?.linked ?? 0),
    },
    months: (contactRow?.months ?? []).map((m) => ({
      month: m.month,
      interests: Number(m.interests),
      agreements: Number(m.agreements),
    })),
  };
}
