import { EngineError, makeDistribution, WEEK, YEAR } from '../engine/index.js';
import { MAX_PRIORITIES } from '../model/study-store.js';
import { MAX_OUTCOME_BITS } from '../model/study-stream.js';
import { applyArm } from './apply-arm.js';
import type { ResolvedScenario } from './resolve.js';
import { formatPath, fromZodIssues, type ScenarioIssue } from './scenario-error.js';
import { External, Tool } from './schema.js';
import { rosterOf, toDistribution } from './to-department-config.js';
import { DAY_NAMES, describeFound, parseClock, parseDuration, parseShare, UnitError } from './units.js';

/** Bits in a study's masks: findings and AI tools are each limited to 30. */
const MAX_FINDINGS = 30;
const MAX_TOOLS = 30;
/**
 * Reader groups: each in-house group takes two of the engine's 2,048 event kinds (read ends,
 * shift changes); the department takes six more.
 */
const MAX_READER_GROUPS = 1000;
/** The longest simulated time: beyond it the calendars and period series would not fit in memory. */
const MAX_HORIZON = 100 * YEAR;
/** The longest reading-time parameter: a read of more than a week is no read. */
const MAX_READ_TIME = WEEK;

/** The names there are, for "is not a stream (a, b)": at most ten, and never an empty "()". */
const list = (names: readonly string[]) =>
  names.length === 0
    ? '(there are none)'
    : `(${names.slice(0, 10).join(', ')}${names.length > 10 ? `, and ${names.length - 10} more` : ''})`;

function clock(minute: number): string {
  const d = Math.floor(minute / DAY_MINUTES);
  const m = minute % DAY_MINUTES;
  return `${DAY_NAMES[d % 7]} ${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}
const DAY_MINUTES = 24 * 60;

type Add = (path: (string | number)[], message: string) => void;

/**
 * The checks the schema cannot make: names referred to exist, names are unique, rosters fit
 * their headcount and do not overlap, every modality has a reader, distributions are valid and
 * within bounds, and every arm's what-if (including its changes to AI tools) still makes a
 * valid department. Runs on a resolved scenario.
 */
export function checkScenario(r: ResolvedScenario): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const add: Add = (path, message) => issues.push({ path, message });

  const unique = (items: { name: string }[], field: string, what: string) => {
    const seen = new Set<string>();
    items.forEach((it, i) => {
      if (seen.has(it.name)) add([field, i, 'name'], `"${it.name}" names two ${what}; names must be unique`);
      seen.add(it.name);
    });
  };
  // Names become parts of dotted paths (--set readers.general.count, wait.by_stream.ct): no dots.
  const noDots = (items: { name: string }[], field: string) => {
    items.forEach((it, i) => {
      if (it.name.includes('.')) add([field, i, 'name'], `a name may not contain a dot, found ${describeFound(it.name)}`);
    });
  };
  noDots(r.priorities, 'priorities');
  noDots(r.streams, 'streams');
  noDots(r.readers, 'readers');
  noDots(r.ai, 'ai');
  unique(r.priorities, 'priorities', 'priorities');
  unique(r.streams, 'streams', 'streams');
  unique(r.readers, 'readers', 'reader groups');
  unique(r.ai, 'ai', 'AI tools');
  unique(r.arms, 'arms', 'arms');

  if (r.start !== undefined) {
    const day = new Date(`${r.start}T00:00:00Z`);
    if (Number.isNaN(day.getTime())) add(['start'], `expected a date such as 2026-01-05, found "${r.start}"`);
    else if (day.getUTCDay() !== 1) {
      const name = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'][day.getUTCDay()];
      add(['start'], `time 0 is a Monday, but ${r.start} is a ${name}`);
    }
  }
  const horizon = parseDuration(r.horizon);
  const warmup = parseDuration(r.warmup);
  if (horizon <= 0) add(['horizon'], `expected a horizon longer than 0, found ${JSON.stringify(r.horizon)}`);
  else if (horizon > MAX_HORIZON) add(['horizon'], `expected a horizon of at most 100y, found ${JSON.stringify(r.horizon)}`);
  else if (typeof r.horizon === 'number' && horizon < WEEK)
    add(
      ['horizon'],
      `a bare ${r.horizon} is ${r.horizon} minutes, which is probably a slip: write the unit, such as ${r.horizon}y or ${r.horizon}w`,
    );
  if (warmup >= horizon) add(['warmup'], `the warm-up (${r.warmup}) must be shorter than the horizon (${r.horizon})`);

  const priorityNames = r.priorities.map((p) => p.name);
  const checkEscalation = (e: ResolvedScenario['worklist'], path: (string | number)[]) => {
    if (typeof e.escalateAfter !== 'object') return;
    if (e.order === 'fifo')
      add([...path, 'escalateAfter'], 'escalation per priority needs order: priority (with fifo there is one level)');
    for (const name of Object.keys(e.escalateAfter)) {
      if (!priorityNames.includes(name))
        add([...path, 'escalateAfter', name], `"${name}" is not a priority ${list(priorityNames)}`);
    }
  };
  checkEscalation(r.worklist, ['worklist']);
  r.arms.forEach((a, i) => {
    if (a.worklist) checkEscalation({ ...r.worklist, ...a.worklist } as ResolvedScenario['worklist'], ['arms', i, 'worklist']);
  });
  if (r.ai.length > MAX_TOOLS) add(['ai'], `at most ${MAX_TOOLS} AI tools, found ${r.ai.length}`);
  if (r.priorities.length > MAX_PRIORITIES)
    add(['priorities'], `expected at most ${MAX_PRIORITIES} priorities, found ${r.priorities.length}`);
  if (r.readers.length > MAX_READER_GROUPS)
    add(['readers'], `expected at most ${MAX_READER_GROUPS} reader groups, found ${r.readers.length}`);

  // Arms: references, and each arm's what-if as a whole department.
  const streamNames = r.streams.map((s) => s.name);
  const toolNames = r.ai.map((t) => t.name);
  const readerNames = r.readers.map((g) => g.name);
  r.arms.forEach((a, i) => {
    a.ai.forEach((tn, j) => {
      if (!toolNames.includes(tn)) add(['arms', i, 'ai', j], `"${tn}" is not an AI tool ${list(toolNames)}`);
    });
    for (const g of Object.keys(a.readers ?? {}))
      if (!readerNames.includes(g)) add(['arms', i, 'readers', g], `"${g}" is not a reader group ${list(readerNames)}`);
    for (const s of Object.keys(a.streams ?? {}))
      if (!streamNames.includes(s)) add(['arms', i, 'streams', s], `"${s}" is not a stream ${list(streamNames)}`);
    for (const [tn, change] of Object.entries(a.tools ?? {})) {
      const tool = r.ai.find((t) => t.name === tn);
      if (!tool) {
        add(['arms', i, 'tools', tn], `"${tn}" is not an AI tool ${list(toolNames)}`);
        continue;
      }
      // Arms name tools, and a tool's kind decides its fields: an arm changes neither.
      const fixed = (['name', 'kind'] as const).filter((key) => key in change && change[key] !== tool[key]);
      for (const key of fixed)
        add(['arms', i, 'tools', tn, key], `an arm may not change a tool's ${key} (describe another tool under ai instead)`);
      if (fixed.length) continue;
      const parsed = Tool.safeParse({ ...tool, ...change }, { reportInput: true });
      if (!parsed.success)
        for (const iss of fromZodIssues(parsed.error.issues)) add(['arms', i, 'tools', tn, ...iss.path], iss.message);
    }
  });
  if (issues.length > 0) return issues;

  checkDepartment(r, add);
  // An arm's what-if is checked once the base department is sound, so each problem shows once.
  if (issues.length > 0) return issues;
  r.arms.forEach((a, i) => {
    for (const [gn, change] of Object.entries(a.readers ?? {})) {
      const g = r.readers.find((x) => x.name === gn);
      if (!g || change.external === undefined) continue;
      const parsed = External.safeParse({ ...g.external, ...change.external }, { reportInput: true });
      if (!parsed.success)
        for (const iss of fromZodIssues(parsed.error.issues))
          add(['arms', i, 'readers', gn, 'external', ...iss.path], iss.message);
    }
  });
  if (issues.length > 0) return issues;
  r.arms.forEach((a, i) => {
    if (!a.readers && !a.streams && !a.worklist && !a.tools) return;
    const armed = applyArm(r, i);
    checkDepartment(armed, (path, message) => {
      // A problem in an item the arm changes is shown at that change (arms[1].tools.t.streams[0]).
      const [field, index, ...rest] = path;
      const parts = {
        ai: { changes: a.tools, items: armed.ai, as: 'tools' },
        streams: { changes: a.streams, items: armed.streams, as: 'streams' },
        readers: { changes: a.readers, items: armed.readers, as: 'readers' },
      }[field as 'ai' | 'streams' | 'readers'];
      const itemName = parts && typeof index === 'number' ? parts.items[index]?.name : undefined;
      if (parts?.changes && itemName !== undefined && itemName in parts.changes)
        add(['arms', i, parts.as, itemName, ...rest], `in this arm, ${message}`);
      else add(['arms', i], `in this arm, ${path.length ? `${formatPath(path)}: ` : ''}${message}`);
    });
  });
  if (issues.length > 0) return issues;
  checkOutcomeBits(r, add);
  return issues;
}

/**
 * In every arm, each stream's findings and the AI tools that call on it there (triage, second
 * reader, autonomous: not assist) number at most MAX_OUTCOME_BITS together: the reading
 * expectation (`readsim explain`, `staff`) sums over every combination of them. Shown at the
 * arm's `ai` list, or at `ai` when the arms are readsim's default ones (without / with AI).
 */
function checkOutcomeBits(r: ResolvedScenario, add: Add): void {
  const defaultArms =
    r.arms.every((a) => !a.readers && !a.streams && !a.worklist && !a.tools) &&
    ((r.arms.length === 1 && r.arms[0].name === 'without AI' && r.arms[0].ai.length === 0) ||
      (r.arms.length === 2 &&
        r.arms[0].name === 'without AI' &&
        r.arms[1].name === 'with AI' &&
        r.arms[0].ai.length === 0 &&
        r.arms[1].ai.length === r.ai.length));
  r.arms.forEach((a, i) => {
    if (a.ai.length === 0) return;
    const armed = a.readers || a.streams || a.worklist || a.tools ? applyArm(r, i) : r;
    for (const s of armed.streams) {
      const findings = Object.keys(s.findings).length;
      const tools = armed.ai
        .filter((t) => t.kind !== 'assist' && a.ai.includes(t.name) && t.streams.includes(s.name))
        .map((t) => t.name);
      if (findings + tools.length <= MAX_OUTCOME_BITS) continue;
      add(
        defaultArms ? ['ai'] : ['arms', i, 'ai'],
        `in arm "${a.name}", stream "${s.name}" has ${findings} finding(s) and ${tools.length} AI tool(s) calling on it (${tools.slice(0, 10).join(', ')}${tools.length > 10 ? ', ...' : ''}): expected at most ${MAX_OUTCOME_BITS} findings and calling tools together on one stream, found ${findings + tools.length}`,
      );
    }
  });
}

/**
 * Priorities, findings, AI tools' references, rosters, modalities and reading times of one
 * (possibly arm-changed) department.
 */
function checkDepartment(r: ResolvedScenario, add: Add): void {
  const priorityNames = r.priorities.map((p) => p.name);
  const streamNames = r.streams.map((s) => s.name);
  const findingNames = new Set<string>();
  r.streams.forEach((s, i) => {
    if (!priorityNames.includes(s.priority))
      add(['streams', i, 'priority'], `"${s.priority}" is not a priority ${list(priorityNames)}`);
    for (const [f, v] of Object.entries(s.findings)) {
      findingNames.add(f);
      if (f.includes('.')) add(['streams', i, 'findings', f], `a finding name may not contain a dot, found ${describeFound(f)}`);
      try {
        parseShare(typeof v === 'object' ? v.prevalence : v);
      } catch (e) {
        if (!(e instanceof UnitError)) throw e;
        add(['streams', i, 'findings', f, ...(typeof v === 'object' ? ['prevalence'] : [])], e.message);
      }
    }
  });
  r.streams.forEach((s, i) => {
    const n = Object.keys(s.findings).length;
    if (n > MAX_OUTCOME_BITS)
      add(['streams', i, 'findings'], `expected at most ${MAX_OUTCOME_BITS} findings on one stream, found ${n}`);
  });
  if (findingNames.size > MAX_FINDINGS)
    add(['streams'], `at most ${MAX_FINDINGS} different findings, found ${findingNames.size}`);

  r.ai.forEach((t, i) => {
    t.streams.forEach((sn, j) => {
      if (!streamNames.includes(sn)) add(['ai', i, 'streams', j], `"${sn}" is not a stream ${list(streamNames)}`);
    });
    if (t.streams.length === 0) add(['ai', i, 'streams'], 'the tool acts on no stream (list at least one)');
    if (t.kind === 'triage') {
      if (!findingNames.has(t.finding))
        add(['ai', i, 'finding'], `"${t.finding}" is not a finding of any stream ${list([...findingNames])}`);
      else
        t.streams.forEach((sn, j) => {
          const s = r.streams.find((x) => x.name === sn);
          if (s && !(t.finding in s.findings))
            add(['ai', i, 'streams', j], `stream "${sn}" has no finding "${t.finding}" for the tool to look for`);
        });
    }
    if (t.kind === 'assist') {
      if (parseDuration(t.extraTimePerFlag) > MAX_READ_TIME)
        add(['ai', i, 'extraTimePerFlag'], `expected at most a week (${MAX_READ_TIME} minutes), found ${t.extraTimePerFlag}`);
      if (typeof t.readTimeFactor === 'object')
        for (const sn of t.streams) {
          const hasTriage = r.ai.some((o) => o.kind === 'triage' && o.streams.includes(sn));
          if (!hasTriage)
            add(['ai', i, 'readTimeFactor'], `flagged/unflagged factors need a triage tool on stream "${sn}" to flag studies`);
        }
    }
  });

  r.readers.forEach((g, i) => {
    if (parseShare(g.efficiency) <= 0)
      add(
        ['readers', i, 'efficiency'],
        `expected a share of rostered time spent reading above 0, found ${JSON.stringify(g.efficiency)}`,
      );
    g.roster.forEach((s, j) => {
      if (s.on > g.count + 1e-9)
        add(['readers', i, 'roster', j, 'on'], `${s.on} readers on, but the group's count is ${g.count}`);
      if (s.from === s.to || (s.from === '00:00' && s.to === '00:00'))
        add(['readers', i, 'roster', j], `the shift from ${s.from} to ${s.to} is empty`);
      else if (parseClock(s.from) >= DAY_MINUTES)
        add(['readers', i, 'roster', j, 'from'], 'a shift may not start at 24:00: start it at "00:00" of the next day');
    });
    const { overlaps } = rosterOf(g.roster);
    for (const o of overlaps.slice(0, 3)) {
      add(
        ['readers', i, 'roster'],
        `shifts ${o.first + 1} and ${o.second + 1} overlap (at ${clock(o.minute)}); give each time of the week one line`,
      );
    }
  });
  const inHouse = r.readers.filter((g) => !g.external);
  r.streams.forEach((s, i) => {
    if (!inHouse.some((g) => g.modalities.includes(s.modality))) {
      add(
        ['streams', i, 'modality'],
        `no reader group reads "${s.modality}" (${inHouse.map((g) => `${g.name} reads ${g.modalities.join(', ') || 'nothing'}`).join('; ')})`,
      );
    }
    const dist = (path: (string | number)[], spec: Parameters<typeof toDistribution>[0]) => {
      const d = toDistribution(spec);
      const times = Object.values(d).flatMap((v) => (typeof v === 'number' ? [v] : Array.isArray(v) ? v : []));
      const longest = times.reduce((m, v) => Math.max(m, v), 0);
      if (longest > MAX_READ_TIME) {
        add(path, `a reading time of more than a week (${MAX_READ_TIME} minutes) is not one read, found ${longest} minutes`);
        return;
      }
      try {
        makeDistribution(d);
      } catch (e) {
        if (!(e instanceof EngineError)) throw e;
        add(path, `${e.message} (minutes)`);
      }
    };
    dist(['streams', i, 'readTime'], s.readTime);
    checkImages(s, ['streams', i], add);
    for (const [f, v] of Object.entries(s.findings))
      if (typeof v === 'object' && v.readTime) dist(['streams', i, 'findings', f, 'readTime'], v.readTime);
  });
  r.readers.forEach((g, i) => {
    if (g.external) checkExternal(r, g.external, ['readers', i, 'external'], add);
  });
}

/** Images per study: the model at time 0 must give the mean of the stream's read time. */
function checkImages(
  s: ResolvedScenario['streams'][number],
  path: (string | number)[],
  add: (path: (string | number)[], message: string) => void,
): void {
  if (!s.images) return;
  let mean: number;
  try {
    mean = makeDistribution(toDistribution(s.readTime)).mean;
  } catch {
    return; // reported with the read time
  }
  const fixed = parseDuration(s.images.fixed);
  const perImage = parseDuration(s.images.perImage);
  const atStart = fixed + perImage * s.images.perStudy;
  if (Math.abs(atStart - mean) > 0.01 * mean)
    add(
      [...path, 'images'],
      `fixed + perImage x perStudy must equal the mean read time ${+mean.toFixed(3)} min (within 1%), found ${+fixed.toFixed(3)} + ${+perImage.toFixed(4)} x ${s.images.perStudy} = ${+atStart.toFixed(3)} min`,
    );
}

/** An external provider: what it reads exists, and its policy has the field it needs. */
function checkExternal(
  r: ResolvedScenario,
  x: NonNullable<ResolvedScenario['readers'][number]['external']>,
  path: (string | number)[],
  add: (path: (string | number)[], message: string) => void,
): void {
  const streamNames = r.streams.map((s) => s.name);
  const priorityNames = r.priorities.map((p) => p.name);
  (x.streams ?? []).forEach((sn, j) => {
    if (!streamNames.includes(sn)) add([...path, 'streams', j], `"${sn}" is not a stream ${list(streamNames)}`);
  });
  (x.priorities ?? []).forEach((pn, j) => {
    if (!priorityNames.includes(pn)) add([...path, 'priorities', j], `"${pn}" is not a priority ${list(priorityNames)}`);
  });
  try {
    makeDistribution(toDistribution(x.turnaround));
  } catch (e) {
    if (!(e instanceof EngineError)) throw e;
    add([...path, 'turnaround'], `${e.message} (minutes)`);
  }
  const when = x.when ?? 'always';
  if (when === 'hours' && (x.hours ?? []).length === 0)
    add([...path, 'hours'], 'when: hours needs the hours, such as [{ days: all, from: "20:00", to: "08:00" }]');
  if (when === 'waited' && !(x.after !== undefined && parseDuration(x.after) > 0))
    add([...path, 'after'], 'when: waited needs after: a duration longer than 0, such as 4h');
  if (when === 'backlog' && x.backlogAbove === undefined)
    add([...path, 'backlogAbove'], 'when: backlog needs backlogAbove: a number of unreported studies');
  (x.hours ?? []).forEach((h, j) => {
    if (h.from === h.to) add([...path, 'hours', j], `the hours from ${h.from} to ${h.to} are empty`);
  });
}
