import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readsim, readsimInterrupted } from '../support/cli.js';

const FIXTURE = 'tests/fixtures/ed-small.yaml';
const tmp = mkdtempSync(join(tmpdir(), 'readsim-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Every file of a folder, relative path -> bytes. */
function tree(dir: string, prefix = ''): Record<string, Buffer> {
  const out: Record<string, Buffer> = {};
  for (const e of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) Object.assign(out, tree(dir, rel));
    else out[rel] = readFileSync(join(dir, rel));
  }
  return out;
}

describe('readsim command line', () => {
  it('--help lists the commands; every command has help with an example', () => {
    const r = readsim(['--help']);
    expect(r.code).toBe(0);
    for (const c of ['run', 'validate', 'sweep', 'explain', 'verify', 'init', 'list']) expect(r.stdout).toContain(`readsim ${c}`);
    for (const c of ['run', 'validate', 'sweep', 'explain', 'verify', 'init', 'list']) {
      const h = readsim([c, '--help']);
      expect(h.code, c).toBe(0);
      expect(h.stdout, c).toContain('Examples:');
    }
  });

  it('an unknown command or option exits 1 with a message and no stack trace', () => {
    const r = readsim(['simulate', FIXTURE]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Unknown argument|Did you mean/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const o = readsim(['run', FIXTURE, '--replicatons', '3']);
    expect(o.code).toBe(1);
    expect(o.stderr).toContain('Unknown argument: replicatons');
  });

  it('validate: ok for a good file; one line per problem and exit 1 for a bad one', () => {
    expect(readsim(['validate', FIXTURE]).stdout).toContain(`${FIXTURE}: ok`);
    const bad = join(tmp, 'bad.yaml');
    writeFileSync(
      bad,
      readFileSync(FIXTURE, 'utf8').replace('priority: stat', 'priority: urgent').replace('volume: 30/day', 'volume: 30'),
    );
    const r = readsim(['validate', FIXTURE, bad]);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n').filter((l) => l.startsWith(bad))).toEqual([
      `${bad}:22:5: streams[1].volume: expected a rate such as 40/day, 3/h, 1200/w or 50000/y, found 30`,
    ]);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const missing = readsim(['validate', join(tmp, 'nope.yaml')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nope.yaml: no such file');
  });

  it('run writes the results folder and prints the table; bad input writes nothing', () => {
    const out = join(tmp, 'run1');
    const r = readsim(['run', FIXTURE, '--horizon', '8w', '-r', '2', '-j', '1', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('mean wait stat');
    expect(r.stdout).toContain('Differences from "without AI"');
    for (const f of [
      'scenario.resolved.yaml',
      'summary.json',
      'periods.csv',
      'report.html',
      'charts/backlog.svg',
      'charts/turnaround.vl.json',
    ]) {
      expect(existsSync(join(out, f)), f).toBe(true);
    }
    // PNGs only when asked for (--charts png or all).
    expect(existsSync(join(out, 'charts/backlog.png'))).toBe(false);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.replications).toBe(2);
    expect(summary.arms[1].wait.by_ai_call['ich-triage'].TP.n).toBe(2);
    const csv = readFileSync(join(out, 'periods.csv'), 'utf8').split('\n');
    expect(csv[0]).toBe(
      'arm,replication,period,period_start_days,in_warmup,arrivals,reported,cleared_by_ai,backlog_end,wait_mean_min,tat_p50_min,tat_p90_min,target_met_share,utilisation,overtime_min,human_reads,reading_min,rostered_min,reading_capacity_min,workload_min,headcount,images,outsourced,outsourcing_cost',
    );
    const badOut = join(tmp, 'never');
    const bad = readsim(['run', FIXTURE, '--set', 'readers.general.count=lots', '--out', badOut]);
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim()).toBe(
      `${FIXTURE}: readers[0].count: expected a headcount (a whole number from 0 to 100,000), found "lots"`,
    );
    expect(existsSync(badOut)).toBe(false);
  });

  it('--charts none draws no chart: no charts folder, a report with the tables only', () => {
    const out = join(tmp, 'nocharts');
    const r = readsim(['run', FIXTURE, '--horizon', '4w', '-r', '1', '-q', '--charts', 'none', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(out, 'summary.json'))).toBe(true);
    expect(existsSync(join(out, 'charts'))).toBe(false);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('No charts were drawn');
  });

  it('the same seed gives byte-identical results for any number of worker threads', () => {
    const a = join(tmp, 'jobs1');
    const b = join(tmp, 'jobs2');
    // Long enough (over 100,000 studies in all) for -j 2 to start the worker pool; every chart file drawn.
    const args = ['run', FIXTURE, '--horizon', '40w', '-r', '3', '-q', '--charts', 'all'];
    expect(readsim([...args, '-j', '1', '--out', a]).code).toBe(0);
    expect(readsim([...args, '-j', '2', '--out', b]).code).toBe(0);
    const ta = tree(a);
    const tb = tree(b);
    expect(Object.keys(tb).sort()).toEqual(Object.keys(ta).sort());
    for (const f of Object.keys(ta)) expect(tb[f].equals(ta[f]), `${f} differs`).toBe(true);
  });

  it('--replication K reruns one replication exactly as it ran among the others', () => {
    const all = join(tmp, 'all');
    const one = join(tmp, 'one');
    readsim(['run', FIXTURE, '--horizon', '6w', '-r', '3', '-q', '--out', all]);
    readsim(['run', FIXTURE, '--horizon', '6w', '--replication', '2', '-q', '--out', one]);
    const rows = (dir: string, rep: string) =>
      readFileSync(join(dir, 'periods.csv'), 'utf8')
        .split('\n')
        .filter((l) => l.split(',')[1] === rep);
    expect(rows(one, '2').length).toBeGreaterThan(5);
    expect(rows(one, '2')).toEqual(rows(all, '2'));
  });

  it('--format json prints summary.json', () => {
    const r = readsim(['run', FIXTURE, '--horizon', '4w', '-r', '2', '--format', 'json', '--out', join(tmp, 'json')]);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.scenario).toBe('ED head CT - small');
    expect(s.arms[0].wait.all).toHaveProperty('ci95');
  });

  it('Ctrl-C stops the workers and leaves no results folder, whole or half-written', async () => {
    const out = join(tmp, 'interrupted');
    const r = await readsimInterrupted(['run', FIXTURE, '--horizon', '30y', '-r', '8', '-j', '2', '--out', out]);
    expect(r.code).toBe(130);
    expect(r.stderr).toContain('interrupted');
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(tmp).filter((f) => f.includes('.partial-'))).toEqual([]);
  }, 60_000);

  it('sweep runs the grid, writes sweep.csv and a chart; a wrong metric says what it might be', () => {
    const out = join(tmp, 'sweep');
    const r = readsim([
      'sweep',
      FIXTURE,
      '--vary',
      'readers.general.count=4,6',
      '--metric',
      'wait.by_priority.stat',
      '--horizon',
      '6w',
      '-r',
      '2',
      '-q',
      '--out',
      out,
    ]);
    expect(r.code, r.stderr).toBe(0);
    const csv = readFileSync(join(out, 'sweep.csv'), 'utf8').split('\n');
    expect(csv[0]).toBe('variant,readers.general.count,arm,metric,mean,ci95_low,ci95_high,replications');
    expect(csv.filter((l) => l.includes('wait.by_priority.stat')).length).toBe(4); // 2 variants x 2 arms
    expect(existsSync(join(out, 'charts/sweep.png'))).toBe(true);
    const bad = readsim([
      'sweep',
      FIXTURE,
      '--vary',
      'readers.general.count=4,6',
      '--metric',
      'wait.by_priority.sta',
      '--horizon',
      '3w',
      '-r',
      '1',
      '-q',
      '--out',
      join(tmp, 'sweep2'),
    ]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('did you mean wait.by_priority.stat?');
  });

  it('explain prints the analytic companion, and JSON with --format json', () => {
    const r = readsim(['explain', 'scenarios/widening-gap.yaml', '--results', join(tmp, 'none')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no periods.csv there');
    const t = readsim(['explain', 'scenarios/widening-gap.yaml']);
    expect(t.code, t.stderr).toBe(0);
    expect(t.stdout).toMatch(/Demand passes capacity in 5\.\d years/);
    expect(t.stdout).toContain('What each AI tool buys on its own');
    const j = JSON.parse(readsim(['explain', 'scenarios/widening-gap.yaml', '--format', 'json']).stdout);
    expect(j.arms).toHaveLength(5);
    expect(j.arms[0].years).toHaveLength(10);
    // The arm with growing images per study: the two growths apart, and how much earlier.
    expect(t.stdout).toMatch(/from study growth alone demand would pass capacity in 5\.\d years/);
    expect(t.stdout).toMatch(/Growing work per study moves the crossing \d\.\d years earlier/);
  });

  it('explain puts the simulation beside the theory after a run of the same scenario', () => {
    const out = join(tmp, 'explained');
    expect(readsim(['run', FIXTURE, '-r', '2', '-q', '--out', out]).code).toBe(0);
    const t = readsim(['explain', FIXTURE, '--results', out]);
    expect(t.stdout).toContain('sim. utilisation');
    const other = readsim(['explain', FIXTURE, '--results', out, '--set', 'readers.general.count=8']);
    expect(other.stdout).toContain('are of a different version of this scenario');
  });

  it('verify --quick runs the theory checks and says how many pass', () => {
    const r = readsim(['verify', '--quick', '-q']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/(\d+) of \1 checks pass/);
    expect(r.stdout).toContain('Erlang C');
  }, 120_000);

  it('init writes a bundled scenario and will not overwrite a file', () => {
    const file = join(tmp, 'mine.yaml');
    const r = readsim(['init', 'widening-gap', '--out', file]);
    expect(r.code, r.stderr).toBe(0);
    expect(readsim(['validate', file]).code).toBe(0);
    expect(readsim(['init', 'widening-gap', '--out', file]).code).toBe(1);
    const unknown = readsim(['init', 'nonsense']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('"nonsense" is not a bundled scenario');
  });
});
