import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Provenance } from '../../../contracts/common';
import type { OrganisationType } from '../../../contracts/portfolio';
import { chunks } from '../../db/batch';
import { type Db, textArray } from '../../db/client';
import { classifyOrganisation, normaliseOrganisationName } from './organisation-name';
import { organisationAliases, organisationIdentifiers, organisationNace, organisations } from './organisations.table';

export type OrganisationDraft = {
  name: string;
  type?: OrganisationType;
  regionId?: number | null;
  provenance: Provenance;
};

/**
 * Finds or creates one organisation per normalised name; the first spelling seen becomes the
 * display name. Returns normalised name → id for every draft.
 */
export async function ensureOrganisations(tx: Db, drafts: OrganisationDraft[]): Promise<Map<string, number>> {
  const unique = new Map<string, OrganisationDraft>();
  for (const d of drafts) {
    const key = normaliseOrganisationName(d.name);
    if (!unique.has(key)) unique.set(key, d);
  }
  for (const part of chunks([...unique.entries()])) {
    await tx
      .insert(organisations)
      .values(
        part.map(([key, d]) => ({
          name: d.name.trim(),
          normalisedName: key,
          type: d.type ?? classifyOrganisation(d.name),
          isTypeGuessed: d.type === undefined,
          regionId: d.regionId ?? null,
          provenance: d.provenance,
        })),
      )
      .onConflictDoUpdate({
        target: organisations.normalisedName,
        // A source that knows the region fills it in; it never erases one.
        set: {
          regionId: sql`coalesce(${organisations.regionId}, excluded.region_id)`,
          type: sql`case when ${organisations.isTypeGuessed} and not excluded.is_type_guessed then excluded.type else ${organisations.type} end`,
          isTypeGuessed: sql`${organisations.isTypeGuessed} and excluded.is_type_guessed`,
        },
      });
  }
  const ids = new Map<string, number>();
  for (const part of chunks([...unique.keys()])) {
    const rows = await tx
      .select({ id: organisations.id, key: organisations.normalisedName })
      .from(organisations)
      .where(inArray(organisations.normalisedName, part));
    for (const r of rows) ids.set(r.key, r.id);
  }
  return ids;
}

export type IdentifierScheme = (typeof organisationIdentifiers.$inferSelect)['scheme'];

/** Organisations already holding one of the identifiers: value → organisation id. */
export async function organisationsByIdentifier(
  db: Db,
  scheme: IdentifierScheme,
  values: string[],
): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  for (const part of chunks(values)) {
    const rows = await db
      .select({ value: organisationIdentifiers.value, id: organisationIdentifiers.organisationId })
      .from(organisationIdentifiers)
      .where(and(eq(organisationIdentifiers.scheme, scheme), inArray(organisationIdentifiers.value, part)));
    for (const r of rows) found.set(r.value, r.id);
  }
  return found;
}

export type IdentifierDraft = {
  organisationId: number;
  scheme: IdentifierScheme;
  value: string;
  provenance: Provenance;
  /** The name this source uses; kept as an alias when it differs from the display name. */
  alias?: string;
  /** Address details the source knows; they fill gaps, never overwrite. */
  details?: {
    shortName: string | null;
    country: string | null;
    city: string | null;
    street: string | null;
    regionId: number | null;
  };
};

/** Records identifiers (an identifier already owned stays with its owner), aliases and missing details. */
export async function attachIdentifiers(tx: Db, drafts: IdentifierDraft[]): Promise<void> {
  for (const part of chunks(drafts)) {
    await tx
      .insert(organisationIdentifiers)
      .values(
        part.map((d) => ({
          organisationId: d.organisationId,
          scheme: d.scheme,
          value: d.value,
          provenance: d.provenance,
        })),
      )
      .onConflictDoNothing();
    // Every name a source uses — full and short — is kept, so a search for "DLR" finds the DLR.
    const aliases = part.flatMap((d) =>
      [d.alias, d.details?.shortName].flatMap((name) =>
        name ? [{ organisationId: d.organisationId, name, normalisedName: normaliseOrganisationName(name) }] : [],
      ),
    );
    if (aliases.length > 0) await tx.insert(organisationAliases).values(aliases).onConflictDoNothing();
    const details = part.flatMap((d) => (d.details ? [{ id: d.organisationId, ...d.details }] : []));
    if (details.length > 0) {
      await tx.execute(sql`
        update organisations o set
          short_name = coalesce(o.short_name, d.short_name),
          country = coalesce(o.country, d.country),
          city = coalesce(o.city, d.city),
          street = coalesce(o.street, d.street),
          region_id = coalesce(o.region_id, d.region_id)
        from jsonb_to_recordset(${JSON.stringify(details.map((d) => ({ id: d.id, short_name: d.shortName, country: d.country, city: d.city, street: d.street, region_id: d.regionId })))}::jsonb)
          as d(id int, short_name text, country text, city text, street text, region_id int)
        where o.id = d.id`);
    }
  }
}

export type NaceDraft = { organisationId: number; code: string; provenance: Provenance };

/**
 * Gives organisations that have no NACE code yet one primary code (one per organisation).
 * Codes not in the NACE list (not imported yet) are skipped.
 */
export async function attachNace(tx: Db, drafts: NaceDraft[]): Promise<void> {
  const onePerOrganisation = [...new Map(drafts.map((d) => [d.organisationId, d])).values()];
  for (const batch of chunks(onePerOrganisation, 2000)) {
    const values = sql.join(
      batch.map((d) => sql`(${d.organisationId}::int, ${d.code}::text, ${JSON.stringify(d.provenance)}::jsonb)`),
      sql`, `,
    );
    await tx.execute(sql`
      insert into organisation_nace (organisation_id, code, is_primary, provenance)
      select v.organisation_id, v.code, true, v.provenance
      from (values ${values}) as v(organisation_id, code, provenance)
      where exists (select 1 from nace_codes c where c.code = v.code)
        and not exists (select 1 from organisation_nace n where n.organisation_id = v.organisation_id)
      on conflict do nothing`);
  }
}

export type ProfileDraft = {
  organisationId: number;
  /** The curated spelling; replaces a display name that a source shouted in capitals ("REGIONE PIEMONTE"). */
  name?: string;
  shortName?: string | null;
  country?: string | null;
  aliases?: string[];
  competenceFields?: string[];
  description?: { de?: string | null; en?: string | null; it?: string | null };
  nace?: string[];
  provenance: Provenance;
};

/** Fills an organisation's profile from a curated source: gaps only, a user's entries stay. */
export async function applyProfiles(tx: Db, drafts: ProfileDraft[]): Promise<void> {
  for (const d of drafts) {
    await tx
      .update(organisations)
      .set({
        name: d.name
          ? sql`case when ${organisations.name} = upper(${organisations.name}) then ${d.name} else ${organisations.name} end`
          : organisations.name,
        shortName: sql`coalesce(${organisations.shortName}, ${d.shortName ?? null})`,
        country: sql`coalesce(${organisations.country}, ${d.country ?? null})`,
        descriptionDe: sql`coalesce(${organisations.descriptionDe}, ${d.description?.de ?? null})`,
        descriptionEn: sql`coalesce(${organisations.descriptionEn}, ${d.description?.en ?? null})`,
        descriptionIt: sql`coalesce(${organisations.descriptionIt}, ${d.description?.it ?? null})`,
        competenceFields: sql`case when cardinality(${organisations.competenceFields}) = 0
          then ${textArray(d.competenceFields ?? [])} else ${organisations.competenceFields} end`,
      })
      .where(eq(organisations.id, d.organisationId));
    const aliases = [...(d.aliases ?? []), ...(d.shortName ? [d.shortName] : [])];
    if (aliases.length > 0) {
      await tx
        .insert(organisationAliases)
        .values(
          aliases.map((name) => ({
            organisationId: d.organisationId,
            name,
            normalisedName: normaliseOrganisationName(name),
          })),
        )
        .onConflictDoNothing();
    }
    const [first, ...rest] = d.nace ?? [];
    if (first) {
      await attachNace(tx, [{ organisationId: d.organisationId, code: first, provenance: d.provenance }]);
      if (rest.length > 0) {
        await tx
          .insert(organisationNace)
          .values(
            rest.map((code) => ({
              organisationId: d.organisationId,
              code,
              isPrimary: false,
              provenance: d.provenance,
            })),
          )
          .onConflictDoNothing();
      }
    }
  }
}
