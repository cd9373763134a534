import { headlineMetrics, type ProgressReport, type ReportDiff } from '../../../contracts/reports';

type Comparable = Pick<ProgressReport, 'headline' | 'projects' | 'money'>;

/** What changed from `previous` to `current`: headline figures, statuses, new and gone projects, money by source and kind. */
export function diffReports(previous: Comparable, current: Comparable): ReportDiff {
  const before = new Map(previous.projects.map((p) => [p.id, p]));
  const after = new Map(current.projects.map((p) => [p.id, p]));
  const statusChanges: ReportDiff['statusChanges'] = [];
  const newProjects: ReportDiff['newProjects'] = [];
  for (const project of current.projects) {
    const earlier = before.get(project.id);
    if (!earlier) newProjects.push({ projectId: project.id, title: project.title, status: project.status });
    else if (earlier.status !== project.status) {
      statusChanges.push({ projectId: project.id, title: project.title, from: earlier.status, to: project.status });
    }
  }
  const removedProjects = previous.projects
    .filter((p) => !after.has(p.id))
    .map((p) => ({ projectId: p.id, title: p.title }));

  const sums = (report: Comparable) => {
    const bySourceKind = new Map<string, number>();
    for (const bucket of report.money) {
      const key = `${bucket.source}|${bucket.kind}`;
      bySourceKind.set(key, (bySourceKind.get(key) ?? 0) + bucket.amountCents);
    }
    return bySourceKind;
  };
  const previousMoney = sums(previous);
  const currentMoney = sums(current);
  const money: ReportDiff['money'] = [...new Set([...previousMoney.keys(), ...currentMoney.keys()])]
    .sort()
    .map((key) => {
      const [source, kind] = key.split('|') as [
        ReportDiff['money'][number]['source'],
        ReportDiff['money'][number]['kind'],
      ];
      const previousCents = previousMoney.get(key) ?? 0;
      const currentCents = currentMoney.get(key) ?? 0;
      return { source, kind, previousCents, currentCents, differenceCents: currentCents - previousCents };
    })
    .filter((row) => row.differenceCents !== 0);

  const headline = headlineMetrics.map((metric) => ({
    metric,
    previous: previous.headline[metric],
    current: current.headline[metric],
    difference: current.headline[metric] - previous.headline[metric],
  }));
  return { headline, statusChanges, newProjects, removedProjects, money };
}
