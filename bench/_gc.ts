import { EventCalendar, Exponential, RandomStream, Tally, TimeWeightedLevel, WaitingLine } from '../src/engine/index.js';

const which = process.argv[2];
const N = 3_000_000;
const t0 = Date.now();
let x = 0;
if (which === 'cal') {
  const c = new EventCalendar();
  for (let i = 0; i < 20; i++) c.push(Math.random(), 0, 0);
  for (let i = 0; i < N; i++) {
    const t = c.pop();
    c.push(t + 1 + (i % 7) * 0.1, 0, 0);
  }
} else if (which === 'rng') {
  const r = new RandomStream('x');
  for (let i = 0; i < N; i++) x += r.uniform();
} else if (which === 'exp') {
  const r = new RandomStream('x');
  const e = new Exponential(1);
  for (let i = 0; i < N; i++) x += e.sample(r);
} else if (which === 'tw') {
  const w = new TimeWeightedLevel();
  for (let i = 0; i < N; i++) w.add(i * 0.5, i & 1 ? 1 : -1);
} else if (which === 'tally') {
  const t = new Tally();
  for (let i = 0; i < N; i++) t.add(i * 0.37);
} else if (which === 'line') {
  const l = new WaitingLine(1);
  for (let i = 0; i < 10; i++) l.push(i, 0, i, i);
  for (let i = 0; i < N; i++) {
    const it = l.pop();
    l.push(it, 0, i + 10.5, i);
  }
}
console.log(which, Date.now() - t0, x > 0);
