/**
 * What the model assumes, in plain words: shown next to every result (report.html) so that a
 * reader can tell what a chart can and cannot say.
 */
export const ASSUMPTIONS: { title: string; text: string }[] = [
  {
    title: 'Arrivals',
    text: 'Studies of each stream arrive as a Poisson process whose rate follows the volume, a yearly compound growth and an hour-of-week pattern. Arrivals do not react to the backlog: nobody cancels or outsources a scan because the list is long.',
  },
  {
    title: 'Reading time',
    text: 'Each study\u2019s reading time is drawn once from its stream\u2019s distribution (or its finding\u2019s, for positive studies) and reused in every arm. Reading assistance multiplies it; each triage flag can add checking time.',
  },
  {
    title: 'Efficiency',
    text: 'Efficiency e is the share of rostered time spent reading. readsim realises it as interleaved non-reading work: a read of w minutes holds the radiologist for w/e minutes of the roster (phone calls, protocolling, teaching between and during reads). Utilisation, the reading time done over the rostered time, therefore cannot pass e except by overtime.',
  },
  {
    title: 'Rosters and shift ends',
    text: 'A group\u2019s radiologists on duty follow its weekly roster; headcount growth (and an arm that changes the headcount) scales the roster. At the start of a shift all its radiologists start at once, whatever the leaving ones are doing; a fractional number on duty is realised within each shift as a part-time radiologist working its first part. A leaving radiologist finishes the study in hand as overtime, at reading speed and never interrupted, or hands it over to the worklist where it keeps its place (handover), as the group says. A read ending exactly at the shift end is complete.',
  },
  {
    title: 'The worklist',
    text: 'A radiologist takes the most urgent study they can read (by priority, then oldest first). Triage that reorders moves a flagged study one level up; escalation moves a study up a level after each escalateAfter of waiting, but never above the top priority\u2019s level (only top-priority studies may join flagged ones) and, at each level it reaches, behind the studies there on arrival: it never delays a more urgent priority. With preemption a more urgent study interrupts a less urgent read, which resumes later where it stopped.',
  },
  {
    title: 'AI',
    text: 'Each tool\u2019s call on a study is drawn from the study\u2019s true findings with the tool\u2019s sensitivity and specificity (or clearing and miss rates), the same in every arm. An autonomous tool that clears a study reports it at once; an abnormal study it clears is counted as a missed finding. Human readers are assumed to find what is there.',
  },
  {
    title: 'Statistics',
    text: 'Waits and turnarounds cover the studies that arrived after the warm-up; studies still unreported at the end are not in them (the backlog and its age show those). The share within target counts a study still unread at the end as a miss when it is already older than its target (target_missed_unread); unread studies younger than their target are censored (their outcome is unknown) and left out. The backlog at the start is not arrivals: its reports have statistics of their own (initial_backlog). Every figure is a mean over replications with a Student-t 95% interval; differences between arms are paired by replication, on the same patients.',
  },
  {
    title: 'Not modelled',
    text: 'Individual radiologists and their specialties beyond the modalities a group reads, sick leave and holidays, outsourcing, the link between a study and its clinical outcome, radiologists\u2019 own misses and recalls, and the time the AI itself takes.',
  },
];
