import { sql } from 'drizzle-orm';
import type { Suggestion, SuggestionsQuery } from '../../../contracts/matching';
import type { OrganisationType } from '../../../contracts/portfolio';
import { type Db, queryRows } from '../../db/client';
import { AppError } from '../../errors';
import type { Actor } from '../accounts';
import {
  conceptCandidates,
  networkCandidates,
  type OrganisationFacts,
  organisationFacts,
  projectTopicCandidates,
} from './features';
import { reasonText } from './reasons';
import { conceptFit, placeFit } from './scoring';
import {
  askerFacts,
  candidateFilter,
  organisationItem,
  organisationReasons,
  reasonNames,
  type Scored,
} from './suggestions';

/** Who answers a cross-innovation challenge: firms first (technology and creative), then research. */
function responderFit(type: OrganisationType): number {
  if (type === 'company') return 1;
  if (type === 'university' || type === 'research_institute') return 0.6;
  return 0.2;
}

const weights = { concepts: 0.35, topics: 0.25, network: 0.15, type: 0.15, place: 0.1 };

/**
 * Organisations to invite to a challenge, by the same matching as partner suggestions: the
 * challenge's concepts against organisations' NACE codes and public profiles, their projects on
 * the same topics, partners of the owner's partners, firms before others. Those already invited
 * or answering are left out.
 */
export async function suggestOrganisationsForChallenge(
  db: Db,
  actor: Actor,
  challengeId: number,
  query: SuggestionsQuery,
): Promise<{ items: Suggestion[] }> {
  const [challenge] = await queryRows<{ organisation_id: number; match_keys: string[]; taken: number[] }>(
    db,
    sql`select c.organisation_id, c.match_keys,
          array(select organisation_id from challenge_invitations i where i.challenge_id = c.id
                union select organisation_id from challenge_responses r where r.challenge_id = c.id) as taken
        from challenges c where c.id = ${challengeId}`,
  );
  if (!challenge) throw new AppError('not_found', `Challenge ${challengeId} wurde nicht gefunden.`);
  const owner = await askerFacts(db, actor, challenge.organisation_id);
  const asker: OrganisationFacts = { ...owner, conceptKeys: challenge.match_keys };
  const where = await candidateFilter(db, query);
  const exclude = [challenge.organisation_id, ...challenge.taken];
  const [byConcept, byTopic, network] = await Promise.all([
    conceptCandidates(db, actor, challenge.match_keys, { limit: 200, exclude, where }),
    projectTopicCandidates(db, actor, challenge.match_keys, { limit: 100, exclude, where }),
    networkCandidates(db, actor, challenge.organisation_id, { limit: 100, where }),
  ]);
  const ids = [
    ...new Set([...byConcept.keys(), ...byTopic.keys(), ...[...network.keys()].filter((id) => !exclude.includes(id))]),
  ];
  const facts = await organisationFacts(db, actor, ids);
  const best = Math.max(0, ...[...network.values()].map((n) => n.allocation));
  const mostProjects = Math.max(0, ...[...byTopic.values()].map((t) => t.projects));
  const scored: Scored[] = [...facts.values()].map((f) => {
    const concepts = conceptFit(asker.conceptKeys, f.conceptKeys);
    const hit = network.get(f.id);
    const topic = byTopic.get(f.id);
    const parts = {
      concepts: concepts.score,
      topics: topic && mostProjects > 0 ? Math.log1p(topic.projects) / Math.log1p(mostProjects) : 0,
      network: hit && best > 0 ? hit.allocation / best : 0,
      type: responderFit(f.type),
      place: placeFit(asker, f).score,
    };
    const score = Object.entries(parts).reduce((s, [k, v]) => s + weights[k as keyof typeof weights] * v, 0);
    return {
      facts: f,
      score,
      parts: {
        network: parts.network,
        concepts: parts.concepts,
        type: parts.type,
        place: parts.place,
        common: 0,
        activity: 0,
        fields: 0,
      },
      network: hit,
      sharedConcepts: concepts.shared,
      sharedFields: [],
    };
  });
  scored.sort((a, b) => b.score - a.score || a.facts.id - b.facts.id);
  const top = scored.slice(0, query.limit);
  const names = await reasonNames(db, actor, top, query.lang);
  return {
    items: await Promise.all(
      top.map(async (s) => {
        const topic = byTopic.get(s.facts.id);
        const reasons = organisationReasons(asker, s, query.lang, names);
        if (topic) reasons.splice(1, 0, reasonText.projectTopics(topic.projects, topic.titles, query.lang));
        return organisationItem(s, reasons);
      }),
    ),
  };
}
