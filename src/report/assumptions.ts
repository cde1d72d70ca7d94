import type { ResolvedScenario } from '../scenario/resolve.js';

/** One assumption: a short title and what the model does, in plain words. */
export interface Assumption {
  title: string;
  text: string;
}

/** Does any stream model readers who miss findings or recall normal studies? */
function readersMiss(s: ResolvedScenario): boolean {
  return s.streams.some(
    (st) =>
      Number.parseFloat(String(st.humanFalsePositive)) > 0 ||
      Object.values(st.findings).some((f) => typeof f === 'object' && f.humanSensitivity !== undefined),
  );
}

/** "a", "a and b", "a, b and c". */
function list(items: string[]): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** The tools of a kind in the scenario, or in any arm's changes. */
function toolsOf(s: ResolvedScenario, kind: string): string[] {
  return s.ai.filter((t) => t.kind === kind).map((t) => t.name);
}

/** Every arm's value of a reader-group field, with the scenario's, without repeats. */
function groupValues<K extends 'efficiency' | 'shiftEnd'>(s: ResolvedScenario, key: K): string[] {
  const values = new Set<string>();
  for (const g of s.readers) {
    if (g.external !== undefined) continue;
    values.add(String(g[key]));
    for (const a of s.arms) {
      const v = a.readers?.[g.name]?.[key];
      if (v !== undefined) values.add(String(v));
    }
  }
  return [...values];
}

/**
 * What the model assumes, in plain words, for the scenario actually run: shown next to every
 * result (report.html) so that a reader can tell what a chart can and cannot say. Each line that
 * depends on the scenario says what this scenario does (AI tools, readers' accuracy, efficiency,
 * shift ends, worklist order, triage, escalation, preemption, outsourcing), never what another
 * scenario would.
 */
export function assumptions(s: ResolvedScenario): Assumption[] {
  const miss = readersMiss(s);
  const assist = toolsOf(s, 'assist');
  const triage = toolsOf(s, 'triage');
  const autonomous = toolsOf(s, 'autonomous');
  const second = toolsOf(s, 'second-reader');
  const external = s.readers.filter((g) => g.external !== undefined).map((g) => g.name);
  const inHouse = s.readers.filter((g) => g.external === undefined);
  const preempt = s.worklist.preemption === 'resume' || s.arms.some((a) => a.worklist?.preemption === 'resume');
  const noPreempt = s.worklist.preemption !== 'resume' || s.arms.some((a) => a.worklist?.preemption === 'none');
  const out: Assumption[] = [];

  out.push({
    title: 'Arrivals',
    text: 'Studies of each stream arrive as a Poisson process whose rate follows the volume, a yearly compound growth and an hour-of-week pattern. Arrivals do not react to the backlog: nobody cancels a scan because the list is long.',
  });

  const readMods: string[] = [];
  if (assist.length) readMods.push(`reading assistance (${list(assist)}) multiplies it where it acts`);
  if (assist.length && triage.length) readMods.push('each triage flag can add checking time');
  // Streams as the scenario has them and as any arm changes them.
  const streams: { readTime?: unknown; images?: unknown }[] = [
    ...s.streams,
    ...s.arms.flatMap((a) => Object.values(a.streams ?? {})),
  ];
  const grows = (rt: unknown) => typeof rt === 'object' && rt !== null && (rt as { growth?: unknown }).growth !== undefined;
  if (streams.some((st) => grows(st.readTime))) readMods.push('the reading work per study grows by year where a stream says so');
  if (streams.some((st) => st.images !== undefined))
    readMods.push('where a stream gives images, it follows the images per study');
  out.push({
    title: 'Reading time',
    text: `Each study\u2019s reading time is drawn once from its stream\u2019s distribution (or its finding\u2019s, for positive studies) and reused in every arm${readMods.length ? `; ${list(readMods)}` : ''}.`,
  });

  if (inHouse.length) {
    const eff = groupValues(s, 'efficiency');
    out.push({
      title: 'Efficiency',
      text: `Efficiency e is the share of rostered time spent reading (here ${list(eff)}). readsim realises it as interleaved non-reading work: a read of w minutes holds the radiologist for w/e minutes of the roster (phone calls, protocolling, teaching between and during reads). Utilisation, the reading time done over the rostered time, therefore cannot pass e except by overtime.`,
    });
    const ends = groupValues(s, 'shiftEnd');
    const endText = ends
      .map((e) =>
        e === 'handover'
          ? 'hands the study in hand over to the worklist, where it keeps its place (handover)'
          : 'finishes the study in hand as overtime, at reading speed and never interrupted (finish)',
      )
      .join('; or, where a group or arm says so, ');
    out.push({
      title: 'Rosters and shift ends',
      text: `A group\u2019s radiologists on duty follow its weekly roster; headcount growth (and an arm that changes the headcount) scales the roster. At the start of a shift all its radiologists start at once, whatever the leaving ones are doing; a fractional number on duty is realised within each shift as a part-time radiologist working its first part. A leaving radiologist ${endText}. A read ending exactly at the shift end is complete.`,
    });
  }

  const worklist: string[] = [
    s.worklist.order === 'fifo'
      ? 'A radiologist takes the oldest study they can read, whatever its priority (fifo).'
      : 'A radiologist takes the most urgent study they can read (by priority, then oldest first).',
  ];
  if (triage.length)
    worklist.push(
      `Triage that reorders (${list(triage)}) moves a flagged study one level up; flag-only triage changes nothing in the order.`,
    );
  const armEscalates = s.arms.some((a) => a.worklist?.escalateAfter !== undefined);
  if (s.worklist.escalateAfter !== undefined || armEscalates)
    worklist.push(
      (s.worklist.escalateAfter === undefined ? 'Where an arm sets escalateAfter, escalation' : 'Escalation') +
        ' moves a study up a level after each escalateAfter of waiting, but never above the top priority\u2019s level and, at each level it reaches, behind the studies there on arrival: it never delays a more urgent priority.',
    );
  if (preempt && noPreempt)
    worklist.push(
      'Where an arm sets preemption, a more urgent study interrupts a less urgent read, which resumes later where it stopped; elsewhere reads are never interrupted.',
    );
  else if (preempt)
    worklist.push('A more urgent study interrupts a less urgent read (preemption), which resumes later where it stopped.');
  else worklist.push('Reads are never interrupted (no preemption): an urgent study waits for the next free radiologist.');
  out.push({ title: 'The worklist', text: worklist.join(' ') });

  if (external.length)
    out.push({
      title: 'Outsourcing',
      text: `${list(external)} ${external.length > 1 ? 'are external providers' : 'is an external provider'}: no roster and no limit on reads at once; a study sent out comes back after the provider\u2019s turnaround, drawn per study, and is not read in house.`,
    });

  const readers = miss
    ? 'Human readers miss findings and recall normal studies at the rates the streams give (humanSensitivity, humanFalsePositive); double reading and arbitration follow the streams\u2019 settings.'
    : 'Human readers are assumed to find what is there.';
  if (s.ai.length === 0) out.push({ title: 'Readers', text: `No AI tools in this scenario. ${readers}` });
  else {
    const what: string[] = [];
    if (autonomous.length)
      what.push(
        `an autonomous tool (${list(autonomous)}) that clears a study reports it at once, and an abnormal study it clears is counted as a missed finding`,
      );
    if (second.length) what.push(`a second-reader tool (${list(second)}) gives its call in place of one of two human reads`);
    out.push({
      title: 'AI',
      text: `Each tool\u2019s call on a study is drawn from the study\u2019s true findings with the tool\u2019s sensitivity and specificity (or clearing and miss rates), the same in every arm${what.length ? `; ${list(what)}` : ''}. ${readers}`,
    });
  }

  out.push({
    title: 'Statistics',
    text: 'Waits and turnarounds cover the studies that arrived after the warm-up; studies still unreported at the end are not in them (the backlog and its age show those). The share within target counts a study still unread at the end as a miss when it is already older than its target (target_missed_unread); unread studies younger than their target are censored (their outcome is unknown) and left out. The backlog at the start is not arrivals: its reports have statistics of their own (initial_backlog). Every figure is a mean over replications with a Student-t 95% interval; differences between arms are paired by replication, on the same patients.',
  });

  const notModelled = [
    'individual radiologists and their specialties beyond the modalities a group reads',
    'sick leave and holidays',
    ...(external.length ? [] : ['outsourcing']),
    'the link between a study and its clinical outcome',
    ...(miss ? [] : ['radiologists\u2019 own misses and recalls']),
    'the time the AI itself takes',
  ];
  out.push({ title: 'Not modelled', text: `${list(notModelled).replace(/^./, (c) => c.toUpperCase())}.` });
  return out;
}
