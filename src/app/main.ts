// The classroom app: lessons, a day in the reading room, and the playground, all running the
// same engine, model and experiment code as the command line, in Web Workers, with no network.

import dejavu from 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf?inline';
import dejavuBold from 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf?inline';
import { BrowserPool } from './browser-pool.js';
import { dayStatus, renderDay } from './day-view.js';
import { el, replace } from './dom.js';
import { lessonStatus, renderLesson } from './lesson-view.js';
import { LESSONS } from './lessons.js';
import { playgroundStatus, renderPlayground } from './playground.js';
import './style.css';

async function loadFonts(): Promise<void> {
  for (const [url, weight] of [
    [dejavu, 'normal'],
    [dejavuBold, 'bold'],
  ]) {
    const face = new FontFace('DejaVu Sans', `url(${url})`, { weight });
    document.fonts.add(await face.load());
  }
}

const pools: Record<string, BrowserPool> = {};
const pool = (name: string, size?: number) => {
  pools[name] ??= new BrowserPool(size);
  return pools[name];
};

function route(): void {
  const main = document.getElementById('main') as HTMLElement;
  const hash = location.hash.replace(/^#/, '') || 'lesson-1';
  for (const p of Object.values(pools)) p.cancelAll();
  document.querySelectorAll('nav.site a').forEach((a) => {
    const current = a.getAttribute('href') === `#${hash}`;
    if (current) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });
  const m = /^lesson-(\d)$/.exec(hash);
  if (m) {
    const i = Math.min(LESSONS.length, Math.max(1, Number(m[1]))) - 1;
    renderLesson(main, i, pool('lessons'), (j) => {
      location.hash = `lesson-${j + 1}`;
    });
  } else if (hash === 'day') renderDay(main, pool('day', 1));
  else if (hash === 'playground') renderPlayground(main, pool('playground'));
  else renderLesson(main, 0, pool('lessons'), (j) => (location.hash = `lesson-${j + 1}`));
  (main.querySelector('h2') as HTMLElement | null)?.focus();
}

function start(): void {
  const nav = el(
    'nav',
    { class: 'site', 'aria-label': 'sections' },
    el('p', { class: 'brand' }, 'readsim classroom'),
    el('p', { class: 'nav-head' }, 'The volume argument'),
    el('ol', {}, ...LESSONS.map((l, i) => el('li', {}, el('a', { href: `#lesson-${i + 1}` }, l.title.replace(/^\d\. /, ''))))),
    el('p', { class: 'nav-head' }, 'See it happen'),
    el('ul', {}, el('li', {}, el('a', { href: '#day' }, 'A day in the reading room'))),
    el('p', { class: 'nav-head' }, 'Your own questions'),
    el('ul', {}, el('li', {}, el('a', { href: '#playground' }, 'Playground'))),
    el('p', { class: 'small' }, 'Runs in this browser; needs no network.'),
  );
  const main = el('main', { id: 'main' });
  replace(document.body, el('a', { href: '#main', class: 'skip' }, 'Skip to content'), nav, main);
  window.addEventListener('hashchange', route);
  route();
}

Object.assign(window, { readsim: { lessonStatus, dayStatus, playgroundStatus } });
loadFonts()
  .catch(() => undefined)
  .finally(start);
