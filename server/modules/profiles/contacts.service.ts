import { type SQL, sql } from 'drizzle-orm';
import type { ContactStage } from '../../../contracts/matching';
import {
  type Contact,
  type ContactDetail,
  type CreateContact,
  contactRoles,
  contactTransitions,
  type ListContactsQuery,
  type Party,
} from '../../../contracts/profiles';
import { todayInGermany } from '../../calendar';
import { type Db, queryRows } from '../../db/client';
import { AppError, type FieldProblem, invalidBody } from '../../errors';
import type { Actor } from '../accounts';
import { recordAudit } from '../audit';
import { grantVisibleSql } from '../grants';
import { organisationVisibleSql, projectVisibleSql } from '../programmes';
import { defaultAgencyId } from './agencies';
import { actsForAgency, actsForAgencySql, requireUser, speaksFor, speaksForSql } from './profiles.policy';
import { partyOf, profileAccessSql } from './profiles.service';
import { partnerContactEvents, partnerContacts } from './profiles.table';

/**
 * Who sees a contact (row `c`): those who speak for either side and the brokering agency (admins
 * too). The addressee of an interest in an anonymous profile stays unknown to the sender until the
 * agency has brokered the contact — also when it is declined before.
 */
function contactAccessSql(actor: Actor): { visible: SQL; revealsAddressee: SQL } {
  const addressee = speaksForSql(actor, sql`c.to_organisation_id`);
  const agency = actsForAgencySql(actor, sql`c.agency_organisation_id`);
  return {
    visible: sql`(${speaksForSql(actor, sql`c.from_organisation_id`)} or ${addressee} or ${agency})`,
    revealsAddressee: sql`(${addressee} or ${agency}
      or not exists (select 1 from partner_profiles hp where hp.id = c.profile_id and hp.visibility = 'anonymous')
      or exists (select 1 from partner_contact_events he where he.contact_id = c.id and he.stage = 'brokered'))`,
  };
}

const iso = (column: string) => sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`);

const party = (o: string, r: string) =>
  sql.raw(`${o}.name as ${o}_name, ${o}.type as ${o}_type, ${o}.size_class as ${o}_size,
    coalesce(${o}.country, ${r}.country) as ${o}_country, ${r}.id as ${o}_region_id, ${r}.name as ${o}_region_name,
    ${r}.level as ${o}_region_level`);

const select = (actor: Actor, revealsAddressee: SQL) => sql`select c.id, c.stage, c.from_organisation_id,
    c.to_organisation_id, c.agency_organisation_id, c.profile_id, pp.title as profile_title, pp.kind as profile_kind,
    ${party('fo', 'fr')}, ${party('tg', 'tr')}, ag.name as agency_name, c.cooperation, c.unclear, c.about,
    c.meeting_on::text as meeting_on, c.follow_up_due::text as follow_up_due, c.rating,
    pj.id as project_id, pj.title as project_title, gr.id as grant_id, gr.title as grant_title,
    ${iso('c.created_at')} as created_at, c.version, ${revealsAddressee} as reveals_addressee
  from partner_contacts c
    join organisations fo on fo.id = c.from_organisation_id left join regions fr on fr.id = fo.region_id
    join organisations tg on tg.id = c.to_organisation_id left join regions tr on tr.id = tg.region_id
    left join organisations ag on ag.id = c.agency_organisation_id
    left join partner_profiles pp on pp.id = c.profile_id
    left join projects pj on pj.id = c.project_id and ${projectVisibleSql(actor, 'pj')}
    left join grants gr on gr.id = c.grant_id and ${grantVisibleSql(actor, 'gr')}`;

type PartyColumns<P extends string> = {
  [K in `${P}_name` | `${P}_country` | `${P}_region_name` | `${P}_region_level`]: string | null;
} & { [K in `${P}_type`]: Party['organisationType'] } & { [K in `${P}_size`]: Party['sizeClass'] } & {
  [K in `${P}_region_id`]: number | null;
};

type ContactRow = PartyColumns<'fo'> &
  PartyColumns<'tg'> & {
    id: number;
    stage: ContactStage;
    from_organisation_id: number;
    to_organisation_id: number;
    agency_organisation_id: number | null;
    profile_id: number | null;
    profile_title: string | null;
    profile_kind: NonNullable<Contact['profile']>['kind'] | null;
    agency_name: string | null;
    cooperation: string;
    unclear: string | null;
    about: string;
    meeting_on: string | null;
    follow_up_due: string | null;
    rating: Contact['rating'];
    project_id: number | null;
    project_title: string | null;
    grant_id: number | null;
    grant_title: string | null;
    created_at: string;
    version: number;
    reveals_addressee: boolean;
  };

function partyColumns(r: ContactRow, p: 'fo' | 'tg', id: number, reveals: boolean): Party {
  return partyOf(
    {
      id,
      name: r[`${p}_name`] ?? '',
      type: r[`${p}_type`],
      sizeClass: r[`${p}_size`],
      country: r[`${p}_country`],
      region: { id: r[`${p}_region_id`], name: r[`${p}_region_name`], level: r[`${p}_region_level`] },
    },
    reveals,
  );
}

/** How the actor takes part in a contact. */
export function contactRolesOf(
  actor: Actor,
  c: { fromOrganisationId: number; toOrganisationId: number; agencyOrganisationId: number | null },
): Contact['roles'] {
  const is = {
    sender: speaksFor(actor, c.fromOrganisationId),
    addressee: speaksFor(actor, c.toOrganisationId),
    agency: actsForAgency(actor, c.agencyOrganisationId),
  };
  return contactRoles.filter((r) => is[r]);
}

/** The stages a reader in these roles may move a contact to: the agency brokers, the addressee (or agency) declines, everyone involved records meetings and ratings. */
export function contactMovesFor(roles: Contact['roles'], stage: ContactStage): ContactStage[] {
  return contactTransitions[stage].filter((to) =>
    to === 'brokered'
      ? roles.includes('agency')
      : to === 'declined'
        ? roles.includes('addressee') || roles.includes('agency')
        : roles.length > 0,
  );
}

function toContact(actor: Actor, r: ContactRow): Contact {
  const ids = {
    fromOrganisationId: Number(r.from_organisation_id),
    toOrganisationId: Number(r.to_organisation_id),
    agencyOrganisationId: r.agency_organisation_id === null ? null : Number(r.agency_organisation_id),
  };
  const reveals = Boolean(r.reveals_addressee);
  const roles = contactRolesOf(actor, ids);
  return {
    id: Number(r.id),
    stage: r.stage,
    profile:
      r.profile_id !== null && r.profile_title !== null && r.profile_kind !== null
        ? { id: Number(r.profile_id), title: r.profile_title, kind: r.profile_kind }
        : null,
    from: partyColumns(r, 'fo', ids.fromOrganisationId, true),
    to: partyColumns(r, 'tg', ids.toOrganisationId, reveals),
    agency:
      reveals && ids.agencyOrganisationId !== null && r.agency_name !== null
        ? { id: ids.agencyOrganisationId, name: r.agency_name }
        : null,
    cooperation: r.cooperation,
    unclear: r.unclear,
    about: r.about,
    meetingOn: r.meeting_on,
    followUpDue: r.follow_up_due,
    rating: r.rating,
    project: r.project_id !== null ? { id: Number(r.project_id), title: r.project_title ?? '' } : null,
    grant: r.grant_id !== null ? { id: Number(r.grant_id), title: r.grant_title ?? '' } : null,
    createdAt: r.created_at,
    roles,
    allowedTransitions: contactMovesFor(roles, r.stage),
    version: Number(r.version),
  };
}

/** The contacts the actor takes part in (either side or the brokering agency), newest first. */
export async function listContacts(
  db: Db,
  actor: Actor,
  query: ListContactsQuery,
): Promise<{ items: Contact[]; total: number }> {
  requireUser(actor);
  const { visible, revealsAddressee } = contactAccessSql(actor);
  const where = sql.join(
    [
      visible,
      ...(query.stage ? [sql`c.stage = ${query.stage}`] : []),
      ...(query.profileId ? [sql`c.profile_id = ${query.profileId}`] : []),
    ],
    sql` and `,
  );
  const [rows, count] = await Promise.all([
    queryRows<ContactRow>(
      db,
      sql`${select(actor, revealsAddressee)} where ${where} order by c.created_at desc, c.id desc
        limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`,
    ),
    queryRows<{ n: string }>(db, sql`select count(*) as n from partner_contacts c where ${where}`),
  ]);
  return { items: rows.map((r) => toContact(actor, r)), total: Number(count[0]?.n ?? 0) };
}

/** The contact as the services work with it; not_found for anyone not taking part. */
export async function loadContact(db: Db, actor: Actor, id: number): Promise<Contact & { row: ContactRow }> {
  requireUser(actor);
  const { visible, revealsAddressee } = contactAccessSql(actor);
  const [row] = await queryRows<ContactRow>(
    db,
    sql`${select(actor, revealsAddressee)} where c.id = ${id} and ${visible}`,
  );
  if (!row) throw new AppError('not_found', `Kontakt ${id} wurde nicht gefunden.`);
  return { ...toContact(actor, row), row };
}

/** One contact with its dated steps; who took a step is hidden with the addressee. */
export async function getContact(db: Db, actor: Actor, id: number): Promise<ContactDetail> {
  const { row, ...contact } = await loadContact(db, actor, id);
  const events = await queryRows<{
    id: number;
    stage: ContactStage;
    rating: Contact['rating'];
    at: string;
    by: string | null;
    note: string | null;
  }>(
    db,
    sql`select e.id, e.stage, e.rating, ${iso('e.at')} as at, u.name as by, e.note
      from partner_contact_events e left join users u on u.id = e.by_user_id
      where e.contact_id = ${id} order by e.at, e.id`,
  );
  const reveals = Boolean(row.reveals_addressee);
  return {
    ...contact,
    events: events.map((e) => ({
      id: Number(e.id),
      stage: e.stage,
      rating: e.rating,
      at: e.at,
      by: reveals ? e.by : null,
      note: e.note,
    })),
  };
}

/** The profile an interest is addressed to, if the actor may see it. */
async function addressedProfile(db: Db, actor: Actor, profileId: number, today: string) {
  const { visible } = profileAccessSql(actor, today);
  const [row] = await queryRows<{
    organisation_id: number;
    agency_organisation_id: number | null;
    is_open: boolean;
  }>(
    db,
    sql`select p.organisation_id, p.agency_organisation_id,
        (p.status = 'published' and p.expires_on >= ${today}::date) as is_open
      from partner_profiles p join organisations o on o.id = p.organisation_id
      where p.id = ${profileId} and ${visible}`,
  );
  return row
    ? {
        organisationId: Number(row.organisation_id),
        agencyOrganisationId: row.agency_organisation_id === null ? null : Number(row.agency_organisation_id),
        isOpen: Boolean(row.is_open),
      }
    : null;
}

/**
 * An organisation the actor speaks for expresses interest in a published profile or in another
 * organisation. The profile's agency brokers, else the addressee's default agency.
 */
export async function createContact(
  db: Db,
  actor: Actor,
  input: CreateContact,
  today = todayInGermany(),
): Promise<ContactDetail> {
  requireUser(actor);
  if (!speaksFor(actor, input.fromOrganisationId)) {
    throw new AppError('forbidden', 'Interesse bekunden kann nur, wer für die anfragende Organisation spricht.');
  }
  const problems: FieldProblem[] = [];
  const [from] = await queryRows<{ id: number }>(
    db,
    sql`select id from organisations where id = ${input.fromOrganisationId}`,
  );
  if (!from)
    problems.push({ field: 'fromOrganisationId', reason: `Organisation ${input.fromOrganisationId} gibt es nicht` });
  let toOrganisationId: number | null = null;
  let agencyOrganisationId: number | null = null;
  if (input.profileId !== undefined) {
    const profile = await addressedProfile(db, actor, input.profileId, today);
    if (!profile) problems.push({ field: 'profileId', reason: `Profil ${input.profileId} gibt es nicht` });
    else if (profile.organisationId === input.fromOrganisationId) {
      problems.push({ field: 'profileId', reason: 'Das ist ein Profil der eigenen Organisation' });
    } else if (!profile.isOpen) {
      problems.push({ field: 'profileId', reason: 'Das Profil ist nicht veröffentlicht oder abgelaufen' });
    } else {
      toOrganisationId = profile.organisationId;
      agencyOrganisationId = profile.agencyOrganisationId;
    }
  } else if (input.toOrganisationId !== undefined) {
    const [to] = await queryRows<{ id: number }>(
      db,
      sql`select o.id from organisations o where o.id = ${input.toOrganisationId} and ${organisationVisibleSql(actor, 'o')}`,
    );
    if (!to)
      problems.push({ field: 'toOrganisationId', reason: `Organisation ${input.toOrganisationId} gibt es nicht` });
    else if (input.toOrganisationId === input.fromOrganisationId) {
      problems.push({ field: 'toOrganisationId', reason: 'Eine Organisation kann sich nicht selbst anfragen' });
    } else toOrganisationId = input.toOrganisationId;
  }
  if (problems.length > 0 || toOrganisationId === null) throw invalidBody(problems);
  const addressee = toOrganisationId;
  const [open] = await queryRows<{ id: number }>(
    db,
    sql`select id from partner_contacts where from_organisation_id = ${input.fromOrganisationId}
      and to_organisation_id = ${addressee} and stage in ('interest', 'brokered', 'meeting')
      and ${input.profileId !== undefined ? sql`profile_id = ${input.profileId}` : sql`profile_id is null`}`,
  );
  if (open) {
    throw new AppError('conflict', `Dieses Interesse ist schon bekundet (Kontakt ${open.id}).`, {
      contactId: Number(open.id),
    });
  }
  agencyOrganisationId ??= await defaultAgencyId(db, addressee);
  const userId = actor.userId > 0 ? actor.userId : null;
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(partnerContacts)
      .values({
        profileId: input.profileId ?? null,
        fromOrganisationId: input.fromOrganisationId,
        toOrganisationId: addressee,
        agencyOrganisationId,
        cooperation: input.cooperation,
        unclear: input.unclear,
        about: input.about,
        stage: 'interest',
        createdBy: userId,
      })
      .returning();
    if (!row) throw new AppError('internal', 'Kontakt konnte nicht angelegt werden.');
    await tx.insert(partnerContactEvents).values({ contactId: row.id, stage: 'interest', byUserId: userId });
    await recordAudit(tx, actor, { action: 'create', entityType: 'partner_contact', entityId: row.id, after: row });
    return row.id;
  });
  return getContact(db, actor, id);
}
