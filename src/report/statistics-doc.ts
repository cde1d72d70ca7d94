import { CATALOGUE, PLACEHOLDERS, type StatisticCondition, waitDefinition } from '../model/statistics-catalogue.js';

/** The comment lines around the generated part of docs/results.md. */
export const STATISTICS_BEGIN =
  '<!-- statistics: generated from src/model/statistics-catalogue.ts by `npm run docs:results`; edit the catalogue, not this part -->';
export const STATISTICS_END = '<!-- end of the generated statistics -->';

/** A condition of the catalogue in words, for the table's "reported" column. */
const WHEN: Record<StatisticCondition, string> = {
  images: 'a stream gives images per study',
  'external providers': 'a reader group is an external provider',
  'initial backlog': 'studies wait at time 0',
  'recall outcomes': 'readers can miss or recall (a stream sets their accuracy), or an AI reads as second reader',
  'autonomous AI': 'the scenario has an autonomous AI',
  target: 'for priorities with a target',
};

const cell = (text: string) => text.replaceAll('|', '\\|');

/**
 * The statistics part of docs/results.md, from the statistics catalogue: what the parts in <>
 * stand for, what a wait is, and one row per statistic (path, unit, label, when it is reported,
 * meaning), in summary.json's order.
 */
export function statisticsMarkdown(): string {
  const lines = [
    STATISTICS_BEGIN,
    '',
    'Every statistic of an arm, in the order summary.json holds them (studies that arrived after the',
    'warm-up, unless said). A part in angle brackets stands for every name of its kind:',
    '',
    ...Object.entries(PLACEHOLDERS).map(([p, what]) => `- \`<${p}>\`: ${what}.`),
    '',
    `A **wait** is, without preemption, ${waitDefinition(false)}; with preemption (\`worklist.preemption: resume\`), ${waitDefinition(true)}. Studies sent to an external provider and studies an AI reported alone have no wait.`,
    '',
    '**Flagged** means that an AI triage tool flagged a study; a **recall** is the verdict of a study\u2019s reading that it is abnormal (by its readers, or with an AI as second reader).',
    '',
    '| statistic | unit | label | reported | meaning |',
    '|---|---|---|---|---|',
    ...CATALOGUE.map(
      (e) =>
        `| \`${e.path}\` | ${e.unit} | ${cell(e.label.replace(/<([a-z]+)>/g, '*$1*'))} | ${e.when ? WHEN[e.when] : 'always'} | ${cell(e.description)}${
          e.notCompared ? ' Not in `differences`.' : ''
        } |`,
    ),
    '',
    STATISTICS_END,
  ];
  return lines.join('\n');
}

/**
 * docs/results.md with its statistics part (between the two comment lines) replaced by
 * statisticsMarkdown(); the hand-written rest is kept. Throws when the comment lines are missing.
 */
export function withStatistics(doc: string): string {
  const a = doc.indexOf(STATISTICS_BEGIN);
  const b = doc.indexOf(STATISTICS_END);
  if (a < 0 || b < a) throw new Error('docs/results.md: the comment lines around the statistics are missing');
  return doc.slice(0, a) + statisticsMarkdown() + doc.slice(b + STATISTICS_END.length);
}
