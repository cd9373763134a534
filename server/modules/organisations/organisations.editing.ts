import { and, eq, sql } from 'drizzle-orm';
import type { OrganisationDetail, UpdateOrganisation } from '../../../contracts/organisations';
import type { Db } from '../../db/client';
import { regions } from '../../db/schema';
import { AppError } from '../../errors';
import { type Actor, canEditOrganisation, isAdmin } from '../accounts';
import { recordAudit } from '../audit';
import { existingNaceCodes } from '../nace';
import { manualProvenance, organisationVisibleSql, staleVersion } from '../programmes';
import { getOrganisation } from './directory.service';
import { normaliseOrganisationName } from './organisation-name';
import {
  organisationAliases,
  organisationIdentifiers,
  organisationMerges,
  organisationNace,
  organisations,
} from './organisations.table';

function invalid(field: string, reason: string): AppError {
  return new AppError('validation_failed', `Ungültige Angaben: body.${field}`, {
    fields: [{ field: `body.${field}`, reason }],
  });
}

/** The organisation row if the actor may see it; not_found otherwise. */
async function findVisible(db: Db, actor: Actor, id: number) {
  const [row] = await db
    .select()
    .from(organisations)
    .where(and(eq(organisations.id, id), organisationVisibleSql(actor, 'organisations')));
  if (!row) throw new AppError('not_found', `Organisation ${id} wurde nicht gefunden.`);
  return row;
}

/** Everything an organisation owns that the audit log keeps when it changes or is merged away. */
async function auditSnapshot(db: Db, id: number) {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, id));
  const [identifiers, aliases, nace] = await Promise.all([
    db
      .select({ scheme: organisationIdentifiers.scheme, value: organisationIdentifiers.value })
      .from(organisationIdentifiers)
      .where(eq(organisationIdentifiers.organisationId, id)),
    db
      .select({ name: organisationAliases.name })
      .from(organisationAliases)
      .where(eq(organisationAliases.organisationId, id)),
    db
      .select({ code: organisationNace.code, isPrimary: organisationNace.isPrimary })
      .from(organisationNace)
      .where(eq(organisationNace.organisationId, id)),
  ]);
  return { ...row, identifiers, aliases: aliases.map((a) => a.name), nace };
}

/** Updates an organisation's profile if the version matches; a stale version gets 409 conflict. */
export async function updateOrganisation(
  db: Db,
  actor: Actor,
  id: number,
  input: UpdateOrganisation,
): Promise<OrganisationDetail> {
  const current = await findVisible(db, actor, id);
  if (!canEditOrganisation(actor, id))
    throw new AppError('forbidden', 'Sie dürfen diese Organisation nicht bearbeiten.');
  const { version, description, nace, identifiers, name, ...fields } = input;
  if (fields.regionId) {
    const [region] = await db.select({ id: regions.id }).from(regions).where(eq(regions.id, fields.regionId));
    if (!region) throw invalid('regionId', 'diese Region gibt es nicht');
  }
  if (nace) {
    const known = await existingNaceCodes(db, nace);
    const unknown = nace.findIndex((c) => !known.has(c));
    if (unknown >= 0) throw invalid(`nace.${unknown}`, `NACE-Code ${nace[unknown]} gibt es nicht`);
  }
  const key = name ? normaliseOrganisationName(name) : undefined;
  if (key !== undefined && key !== current.normalisedName) {
    const [clash] = await db
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.normalisedName, key));
    if (clash) throw invalid('name', `so heißt schon Organisation ${clash.id} — zusammenführen statt umbenennen`);
  }
  const provenance = manualProvenance(actor);
  await db.transaction(async (tx) => {
    const before = await auditSnapshot(tx, id);
    const [updated] = await tx
      .update(organisations)
      .set({
        ...fields,
        ...(name && key ? { name, normalisedName: key } : {}),
        ...(fields.type ? { isTypeGuessed: false } : {}),
        ...(description?.de !== undefined ? { descriptionDe: description.de } : {}),
        ...(description?.en !== undefined ? { descriptionEn: description.en } : {}),
        ...(description?.it !== undefined ? { descriptionIt: description.it } : {}),
        version: sql`${organisations.version} + 1`,
      })
      .where(and(eq(organisations.id, id), eq(organisations.version, version)))
      .returning({ id: organisations.id });
    if (!updated) throw staleVersion('Die Organisation', current.version);
    if (name && name !== current.name) {
      // The old name stays findable.
      await tx
        .insert(organisationAliases)
        .values({ organisationId: id, name: current.name, normalisedName: current.normalisedName })
        .onConflictDoNothing();
    }
    if (nace) {
      await tx.delete(organisationNace).where(eq(organisationNace.organisationId, id));
      if (nace.length > 0) {
        await tx
          .insert(organisationNace)
          .values(nace.map((code, i) => ({ organisationId: id, code, isPrimary: i === 0, provenance })))
          .onConflictDoNothing();
      }
    }
    if (identifiers) {
      for (const [i, ident] of identifiers.entries()) {
        const [owner] = await tx
          .select({ organisationId: organisationIdentifiers.organisationId })
          .from(organisationIdentifiers)
          .where(and(eq(organisationIdentifiers.scheme, ident.scheme), eq(organisationIdentifiers.value, ident.value)));
        if (owner && owner.organisationId !== id)
          throw invalid(`identifiers.${i}`, `gehört schon Organisation ${owner.organisationId} — zusammenführen?`);
      }
      await tx.delete(organisationIdentifiers).where(eq(organisationIdentifiers.organisationId, id));
      if (identifiers.length > 0)
        await tx
          .insert(organisationIdentifiers)
          .values(identifiers.map((ident) => ({ organisationId: id, ...ident, provenance })))
          .onConflictDoNothing();
    }
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'organisation',
      entityId: id,
      before,
      after: await auditSnapshot(tx, id),
    });
  });
  return getOrganisation(db, actor, id);
}

/**
 * Merges `duplicateId` into `id`: every reference (projects, identifiers, aliases, NACE codes,
 * memberships, people's roles, user roles, earlier merges) moves to the survivor, the duplicate's
 * name becomes an alias, its record is kept in the merge history, and the audit log gets both.
 */
export async function mergeOrganisations(
  db: Db,
  actor: Actor,
  id: number,
  input: { duplicateId: number; version: number },
): Promise<OrganisationDetail> {
  if (actor.kind !== 'user') throw new AppError('unauthenticated', 'Bitte melden Sie sich an.');
  const survivor = await findVisible(db, actor, id);
  if (!isAdmin(actor)) throw new AppError('forbidden', 'Nur die Administration darf Organisationen zusammenführen.');
  if (input.duplicateId === id)
    throw invalid('duplicateId', 'eine Organisation lässt sich nicht mit sich selbst zusammenführen');
  const [duplicate] = await db.select().from(organisations).where(eq(organisations.id, input.duplicateId));
  if (!duplicate) throw invalid('duplicateId', `Organisation ${input.duplicateId} gibt es nicht`);
  await db.transaction(async (tx) => {
    const before = { survivor: await auditSnapshot(tx, id), duplicate: await auditSnapshot(tx, duplicate.id) };
    const [bumped] = await tx
      .update(organisations)
      .set({
        version: sql`${organisations.version} + 1`,
        regionId: sql`coalesce(${organisations.regionId}, ${duplicate.regionId})`,
        shortName: sql`coalesce(${organisations.shortName}, ${duplicate.shortName})`,
        country: sql`coalesce(${organisations.country}, ${duplicate.country})`,
        city: sql`coalesce(${organisations.city}, ${duplicate.city})`,
        street: sql`coalesce(${organisations.street}, ${duplicate.street})`,
        sizeClass: sql`coalesce(${organisations.sizeClass}, ${duplicate.sizeClass})`,
        descriptionDe: sql`coalesce(${organisations.descriptionDe}, ${duplicate.descriptionDe})`,
        descriptionEn: sql`coalesce(${organisations.descriptionEn}, ${duplicate.descriptionEn})`,
        descriptionIt: sql`coalesce(${organisations.descriptionIt}, ${duplicate.descriptionIt})`,
      })
      .where(and(eq(organisations.id, id), eq(organisations.version, input.version)))
      .returning({ id: organisations.id });
    if (!bumped) throw staleVersion('Die Organisation', survivor.version);
    const from = duplicate.id;
    // Rows keyed by organisation: move what the survivor lacks; the rest goes with the duplicate.
    await tx.execute(sql`update project_organisations po set organisation_id = ${id}
      where po.organisation_id = ${from}
        and not exists (select 1 from project_organisations x where x.project_id = po.project_id and x.organisation_id = ${id})`);
    // Both in one project: the survivor leads if either did, contributions add up.
    await tx.execute(sql`update project_organisations s set role = case when d.role = 'lead' then 'lead'::project_role else s.role end,
        contribution_cents = case when s.contribution_cents is null and d.contribution_cents is null then null
          else coalesce(s.contribution_cents, 0) + coalesce(d.contribution_cents, 0) end
      from project_organisations d where d.project_id = s.project_id and d.organisation_id = ${from} and s.organisation_id = ${id}`);
    await tx.execute(sql`delete from project_organisations where organisation_id = ${from}`);
    await tx.execute(sql`update organisation_identifiers set organisation_id = ${id} where organisation_id = ${from}`);
    await tx.execute(sql`update organisation_aliases a set organisation_id = ${id}
      where a.organisation_id = ${from}
        and not exists (select 1 from organisation_aliases x where x.organisation_id = ${id} and x.normalised_name = a.normalised_name)`);
    await tx
      .insert(organisationAliases)
      .values({ organisationId: id, name: duplicate.name, normalisedName: duplicate.normalisedName })
      .onConflictDoNothing();
    await tx.execute(sql`update organisation_nace n set organisation_id = ${id}, is_primary = false
      where n.organisation_id = ${from}
        and not exists (select 1 from organisation_nace x where x.organisation_id = ${id} and x.code = n.code)`);
    await tx.execute(sql`update memberships set organisation_id = ${id} where organisation_id = ${from}`);
    await tx.execute(sql`update memberships set group_id = ${id} where group_id = ${from}`);
    await tx.execute(sql`delete from memberships where organisation_id = ${id} and group_id = ${id}`);
    await tx.execute(sql`update person_roles set organisation_id = ${id} where organisation_id = ${from}`);
    // Consortia of grants and applications: where both were partners, the shares add up.
    for (const [table, amount] of [
      ['grant_partners', 'share_cents'],
      ['application_partners', 'requested_cents'],
    ] as const) {
      const [t, key, cents] = [
        sql.raw(table),
        sql.raw(table === 'grant_partners' ? 'grant_id' : 'application_id'),
        sql.raw(amount),
      ];
      await tx.execute(sql`update ${t} s set ${cents} = s.${cents} + d.${cents},
          role = case when d.role = 'lead' then 'lead'::project_role else s.role end
        from ${t} d where d.${key} = s.${key} and d.organisation_id = ${from} and s.organisation_id = ${id}`);
      await tx.execute(sql`delete from ${t} d where d.organisation_id = ${from}
        and exists (select 1 from ${t} s where s.${key} = d.${key} and s.organisation_id = ${id})`);
      await tx.execute(sql`update ${t} set organisation_id = ${id} where organisation_id = ${from}`);
    }
    await tx.execute(sql`update funding_lines set organisation_id = ${id} where organisation_id = ${from}`);
    await tx.execute(sql`update applications set lead_organisation_id = ${id} where lead_organisation_id = ${from}`);
    await tx.execute(sql`update grants set funder_organisation_id = ${id} where funder_organisation_id = ${from}`);
    await tx.execute(
      sql`update funding_calls set funder_organisation_id = ${id} where funder_organisation_id = ${from}`,
    );
    await tx.execute(sql`update role_assignments set organisation_id = ${id} where organisation_id = ${from}`);
    await tx.execute(sql`update organisation_merges set into_id = ${id} where into_id = ${from}`);
    await tx.insert(organisationMerges).values({
      mergedId: from,
      mergedName: duplicate.name,
      intoId: id,
      snapshot: before.duplicate,
      mergedBy: actor.userId > 0 ? actor.userId : null,
    });
    await tx.delete(organisations).where(eq(organisations.id, from));
    await recordAudit(tx, actor, {
      action: 'merge',
      entityType: 'organisation',
      entityId: id,
      before,
      after: await auditSnapshot(tx, id),
    });
    await recordAudit(tx, actor, {
      action: 'merge',
      entityType: 'organisation',
      entityId: from,
      before: before.duplicate,
      after: { mergedInto: id },
    });
  });
  return getOrganisation(db, actor, id);
}
