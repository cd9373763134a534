import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client';
import type { FieldProblem } from '../../errors';
import type { Actor } from '../accounts';
import { organisationVisibleSql } from '../programmes';

/** The organisation types that may review profiles and broker contacts. */
export const agencyTypes = ['development_agency', 'cluster_organisation'] as const;

/**
 * The agency of an organisation when none is chosen: the public development agency whose region
 * holds the organisation's region, the most local one (Dortmund before Regierungsbezirk Arnsberg);
 * null when the organisation has no region or no agency covers it.
 */
export async function defaultAgencyId(db: Db, organisationId: number): Promise<number | null> {
  const [row] = await queryRows<{ id: number }>(
    db,
    sql`select a.id from organisations o
        join regions r on r.id = o.region_id
        join regions ar on r.path like ar.path || '%'
        join organisations a on a.region_id = ar.id
      where o.id = ${organisationId} and a.id <> o.id and a.type = 'development_agency' and a.visibility = 'public'
      order by length(ar.path) desc, a.id
      limit 1`,
  );
  return row ? Number(row.id) : null;
}

/** Why an agency chosen by hand cannot be: unknown or hidden, or not an agency or cluster organisation. */
export async function agencyProblem(db: Db, actor: Actor, agencyId: number): Promise<FieldProblem | null> {
  const [row] = await queryRows<{ type: string }>(
    db,
    sql`select o.type from organisations o where o.id = ${agencyId} and ${organisationVisibleSql(actor, 'o')}`,
  );
  if (!row) return { field: 'agencyOrganisationId', reason: `Organisation ${agencyId} gibt es nicht` };
  if (!(agencyTypes as readonly string[]).includes(row.type)) {
    return {
      field: 'agencyOrganisationId',
      reason: 'Nur eine Wirtschaftsförderung oder ein Clustermanagement kann Profile prüfen und Kontakte vermitteln',
    };
  }
  return null;
}
