import { type FieldEntry, fieldList } from './field-list.js';

const INTRO = `# The scenario format

A scenario is one YAML (or JSON) file: the department's demand (streams of studies), its
radiologists (reader groups and their rosters), the worklist rules, the AI tools, and the arms to
compare. \`readsim validate FILE\` checks a file; \`schema/scenario.schema.json\` lets an editor check
it as you type (the first line \`# yaml-language-server: $schema=../schema/scenario.schema.json\`).

This page is generated from that schema (\`npm run docs:format\`); a test fails when the two differ,
so every field listed here is one readsim reads, and every field readsim reads is listed.

## Value forms

- **Durations**: \`90s\`, \`16m\`, \`1.5h\`, \`7d\`, \`4w\`, \`10y\` (a bare number is minutes).
- **Rates**: \`40/day\`, \`3/h\`, \`1200/w\`, \`50000/y\` (a bare number is per minute).
- **Shares**: \`6.3%\` or \`0.063\`.
- **Growth**: \`5%/y\`, compound, per year.
- **Times of day**: \`"08:00"\` (quoted in YAML); **days**: \`Mon-Fri\`, \`Sat-Sun\`, \`Mon,Wed,Fri\`, \`all\`.

## Relative values (what-ifs)

In an arm's changes, and in \`--set PATH=VALUE\`, a value may be relative to the baseline:
\`"+2"\` or \`"-1"\` adds to a headcount or a number on duty, \`"x1.1"\` multiplies a number and
keeps its unit (\`x1.1\` of \`12000/y\` is \`13200/y\`; a headcount is rounded to a whole number).
Quote them in YAML: an unquoted \`+2\` is read as the number 2. "Two more radiologists" then stays
two more whatever the baseline's headcount.

In an arm they work in nested fields too: \`streams: { ed-ct: { readTime: { mean: "x1.1" } } }\`
makes ed-ct's reads 10 % longer and keeps the baseline's distribution and spread (a block holding
a relative value is completed from the baseline's, unless it names another \`dist\`), and
\`readers: { radiologists: { roster: [{}, {}, {}, { on: "+1" }, { on: "+1" }] } }\` puts one more
reader on the baseline's fourth and fifth shifts (\`{}\` keeps a shift as it is; list items are
matched by place). The JSON Schema accepts the relative forms in an arm's \`readers\` and
\`streams\`, so an editor does not flag them.

## \`--set\` paths

A path names list items by their \`name\` (\`readers.radiologists.count\`, \`streams.ed-ct.volume\`,
\`ai.ich-triage.sensitivity\`) or by place from 0 (\`readers.radiologists.roster[3].on\`). A wrong
place is refused with the valid ones. \`--set growth=8%/y\` (no stream named) sets every stream's
growth. Changing a group's \`count\` scales its roster in proportion unless the roster is set too.

## Fields

In the paths below, \`[]\` is an item of a list and \`<name>\` a key you choose (a finding's name, a
group's or stream's name in an arm). An arm's \`readers.<name>\` and \`streams.<name>\` take any field
of a reader group or stream (except \`name\`), with the same meaning.

| field | holds | required | meaning |
|---|---|---|---|
`;

/** Paths left out of the table: an arm's changes repeat the fields of reader groups and streams. */
function listed(e: FieldEntry): boolean {
  return !/^arms\[\]\.(readers|streams)\.<name>\./.test(e.path);
}

function cell(s: string): string {
  return s.replaceAll('|', '\\|').replaceAll('\n', ' ');
}

/** docs/scenario-format.md, from the JSON Schema of scenarios. */
export function scenarioFormatMarkdown(schema: Record<string, unknown>): string {
  const rows = fieldList(schema)
    .filter(listed)
    .map((e) => `| \`${e.path}\` | ${cell(e.kind)} | ${e.required ? 'yes' : ''} | ${cell(e.description)} |`);
  return `${INTRO}${rows.join('\n')}\n`;
}
