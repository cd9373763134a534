/**
 * Offline evaluation of Standort's partner suggestions as link prediction on CORDIS Horizon 2020:
 * a database holding only the projects that started before the split date is asked who each
 * organisation should work with; the hits are the partners it first worked with in later projects.
 *
 *   npm run eval:matching -- [--split 2017-01-01] [--max-queries 1500] [--seed 42] [--out results.json] [--pg <server url>] [--data <cordis dir>]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { summarise } from '../bench/stats';
import { DATA_DIR } from '../server/config';
import { type OrganisationWeights, organisationWeights } from '../server/modules/matching';
import { splitCordis } from './cordis-split';
import {
  slices as evaluationSlices,
  newPartners,
  partnerGraph,
  queryOrganisations,
  sampleIds,
  sliceTruth,
} from './ground-truth';
import { commonNeighbours, type Method, mostConnected, sameCountry, standort } from './methods';
import { mean, ndcgAtK, recallAtK } from './metrics';
import { printResults, printTimings, type Results } from './report';
import { importTrainingData, openEvalDatabase, readOrganisations } from './training-db';

const K = 10;

function readOptions() {
  const { values } = parseArgs({
    options: {
      split: { type: 'string', default: '2017-01-01' },
      'max-queries': { type: 'string', default: '1500' },
      seed: { type: 'string', default: '42' },
      out: { type: 'string' },
      pg: { type: 'string' },
      data: { type: 'string', default: path.join(DATA_DIR, 'cordis-h2020') },
      /** Further weightings of Standort's ranking to compare, as JSON: {"name": {"network": 0.5, …}} (missing parts keep their weight). */
      variants: { type: 'string' },
      /** Only the variants and the baselines: leaves out the default weighting. */
      'variants-only': { type: 'boolean', default: false },
    },
  });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.split))
    throw new Error(`--split must be a date (YYYY-MM-DD): ${values.split}`);
  const maxQueries = Number(values['max-queries']);
  const seed = Number(values.seed);
  if (!Number.isInteger(maxQueries) || maxQueries < 1) throw new Error('--max-queries must be a positive integer');
  if (!Number.isInteger(seed)) throw new Error('--seed must be an integer');
  const variants = Object.entries(
    values.variants ? (JSON.parse(values.variants) as Record<string, Partial<OrganisationWeights>>) : {},
  ).map(([name, w]) => ({ name, weights: { ...organisationWeights, ...w } }));
  return {
    split: values.split,
    maxQueries,
    seed,
    out: values.out,
    pg: values.pg,
    data: values.data,
    variants,
    variantsOnly: values['variants-only'],
  };
}

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

async function main() {
  const options = readOptions();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'standort-eval-'));
  const { database, drop } = await openEvalDatabase(options.pg);
  try {
    const split = await splitCordis(options.data, options.split, tmp);
    console.log(
      `Split at ${options.split}: ${split.trainingProjects} training projects (${split.training.length} participations), ` +
        `${split.testProjects} test projects (${split.test.length} participations)`,
    );

    console.log(`Training database (${database.kind}): importing…`);
    const importStarted = Date.now();
    await importTrainingData(database, tmp, console.log);
    const importMs = Date.now() - importStarted;
    const { organisationOfPic, facts } = await readOrganisations(database);

    const graph = partnerGraph(split.training, organisationOfPic);
    const { truth, coldStartParticipations } = newPartners(split.test, organisationOfPic, graph);
    const candidates = queryOrganisations(truth, graph);
    const queries = sampleIds(candidates, options.maxQueries, options.seed);
    const truthPairs = queries.reduce((n, q) => n + (truth.get(q)?.size ?? 0), 0);
    const reachable = queries.reduce(
      (n, q) => n + [...(truth.get(q) ?? [])].filter((b) => (graph.get(b)?.size ?? 0) > 0).length,
      0,
    );
    console.log(
      `${facts.size} organisations in the training database, ${graph.size} with training partners; ` +
        `${coldStartParticipations} test participations of organisations not in it (cold start, left out)`,
    );
    console.log(
      candidates.length > queries.length
        ? `Queries: ${candidates.length} organisations qualify; a random sample of ${queries.length} (seed ${options.seed})`
        : `Queries: ${queries.length} organisations (≥ 1 new and ≥ 1 training partner)`,
    );
    console.log(
      `New partners of the queries: ${truthPairs}, of which ${reachable} (${((100 * reachable) / truthPairs).toFixed(1)} %) ` +
        'have a training partner themselves (the rest have no training project: no graph method can reach them)',
    );

    const slices = evaluationSlices(facts, organisationOfPic, split.regionOfPic);
    const slicedTruth = slices.map((slice) => ({ slice, truth: sliceTruth(truth, queries, slice) }));
    for (const { slice, truth: t } of slicedTruth) {
      const pairs = [...t.values()].reduce((n, s) => n + s.size, 0);
      console.log(`  slice ${slice.label}: ${t.size} queries, ${pairs} new partners`);
    }

    const ours = standort(database.db, graph, K);
    const methods: Method[] = [
      ...(options.variantsOnly ? [] : [ours.method]),
      ...options.variants.map((v) => standort(database.db, graph, K, v).method),
      mostConnected(graph, K),
      sameCountry(graph, facts, K),
      commonNeighbours(graph, K),
    ];
    const results: Results = {};
    const methodMs: Record<string, number> = {};
    for (const method of methods) {
      const methodStarted = Date.now();
      const suggested = new Map<number, number[]>();
      for (const q of queries) suggested.set(q, await method.suggest(q));
      const ms = Date.now() - methodStarted;
      methodMs[method.name] = ms;
      console.log(`  ${method.name}: ${queries.length} queries in ${(ms / 1000).toFixed(1)} s`);
      results[method.name] = Object.fromEntries(
        slicedTruth.map(({ slice, truth: t }) => {
          const scored = [...t.entries()].map(([q, relevant]) => {
            const ids = suggested.get(q) ?? [];
            return { recall: recallAtK(ids, relevant, K), ndcg: ndcgAtK(ids, relevant, K) };
          });
          return [
            slice.name,
            {
              queries: scored.length,
              recallAt10: mean(scored.map((s) => s.recall)),
              ndcgAt10: mean(scored.map((s) => s.ndcg)),
            },
          ];
        }),
      );
    }

    printResults(slices, results);
    const { durationsMs, ...callStats } = ours.calls;
    const timing = summarise(durationsMs);
    printTimings('standort (suggestPartnersForOrganisation)', timing);
    console.log(
      `  items ${callStats.items}; dropped: ${callStats.selfOrPartner} self/existing partner, ` +
        `${callStats.withoutOrganisation} without organisation, ${callStats.duplicates} repeated; ` +
        `${callStats.short} queries with fewer than ${K} ids`,
    );
    console.log(`\nTotal ${elapsed()} (import ${(importMs / 1000).toFixed(1)} s)`);

    if (options.out) {
      const report = {
        split: options.split,
        k: K,
        seed: options.seed,
        maxQueries: options.maxQueries,
        database: database.kind,
        data: {
          trainingProjects: split.trainingProjects,
          testProjects: split.testProjects,
          organisations: facts.size,
          organisationsWithTrainingPartners: graph.size,
          coldStartParticipations,
          qualifyingQueries: candidates.length,
          queries: queries.length,
          newPartners: truthPairs,
          newPartnersWithTrainingPartners: reachable,
        },
        slices: slicedTruth.map(({ slice, truth: t }) => ({ name: slice.name, label: slice.label, queries: t.size })),
        results,
        standortCalls: { ...timing, ...callStats },
        runtimeMs: { import: importMs, methods: methodMs, total: Date.now() - started },
      };
      fs.writeFileSync(options.out, `${JSON.stringify(report, null, 2)}\n`);
      console.log(`Results written to ${options.out}`);
    }
  } finally {
    await drop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
