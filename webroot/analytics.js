// The analytics page for marketers, managers and admins: headline figures, charts (each with its
// table), the most frequent questions and, for managers and admins, what each agent did. One set
// of filters (a range of UTC days, a brand, a platform) applies to everything on the page and to
// every CSV download. Read-only: nothing here writes, and the hub refuses agents.
import { api } from './api.js';
import { h, replaceChildren } from './dom.js';
import { charts, table, tiles } from './analytics-charts.js';

const PLATFORMS = ['x', 'mastodon', 'bluesky', 'reddit', 'facebook', 'instagram', 'threads', 'sandbox'];
const VIEWS = ['summary', 'series', 'reasons', 'platforms', 'hours', 'questions'];
const ECHARTS = '/vendor/echarts/echarts.esm.min.js';

export const canReadAnalytics = (me) => (me.roles || []).some((r) => ['marketer', 'manager', 'admin'].includes(r));

const day = (d) => d.toISOString().slice(0, 10);

export function createAnalyticsPage(root, { me }) {
  const today = new Date();
  const inputs = {
    from: h('input', { type: 'date', name: 'from', testid: 'analytics-from', value: day(new Date(today.getTime() - 29 * 864e5)) }),
    to: h('input', { type: 'date', name: 'to', testid: 'analytics-to', value: day(today) }),
    brand: h('select', { name: 'brand', testid: 'analytics-brand' }, h('option', { value: '' }, 'All brands')),
    platform: h('select', { name: 'platform', testid: 'analytics-platform' }, h('option', { value: '' }, 'All platforms'),
      PLATFORMS.map((p) => h('option', { value: p }, p))),
  };
  const error = h('div', { class: 'form-error', testid: 'analytics-error', role: 'alert', hidden: true });
  const form = h('form', { class: 'analytics-filters', testid: 'analytics-filters', on: { submit: (e) => { e.preventDefault(); load(); } } },
    ['from', 'to', 'brand', 'platform'].map((k) => h('label', {}, k[0].toUpperCase() + k.slice(1), ' ', inputs[k])),
    h('button', { type: 'submit', class: 'btn small primary', testid: 'analytics-apply' }, 'Apply'));
  const downloads = h('div', { class: 'analytics-downloads', testid: 'analytics-downloads' });
  const body = h('div', { class: 'analytics-body', testid: 'analytics-body' });
  replaceChildren(root, h('div', { class: 'approvals-head' }, h('h2', {}, 'Analytics')), form, error, downloads, body);
  const management = (me.roles || []).some((r) => r === 'manager' || r === 'admin');
  let echarts = null;
  let instances = [];
  let brandsLoaded = false;

  const filters = () => Object.fromEntries(Object.entries(inputs).map(([k, el]) => [k, el.value]));

  async function loadBrands() {
    if (brandsLoaded) return;
    const page = await api.brands();
    inputs.brand.append(...(page.items || []).map((b) => h('option', { value: b.id }, b.name || b.id)));
    brandsLoaded = true;
  }

  function renderDownloads(f) {
    const views = management ? [...VIEWS, 'agents'] : VIEWS;
    replaceChildren(downloads, 'CSV: ', views.map((v) => h('a', { class: 'btn ghost small', testid: `csv-${v}`,
      href: api.analyticsCsvUrl({ view: v, ...f }), download: `earshot-analytics-${v}.csv` }, v)));
  }

  function chartBlock(c) {
    const canvas = h('div', { class: 'chart', testid: `chart-${c.id}`, role: 'img', 'aria-label': c.title });
    return { c, canvas, el: h('figure', { class: 'chart-block', testid: `figure-${c.id}` }, h('figcaption', {}, c.title), canvas,
      h('details', { class: 'chart-table' }, h('summary', {}, 'Table'), c.table)) };
  }

  function render(o) {
    instances.forEach((i) => i.dispose());
    const blocks = charts(o).map(chartBlock);
    const questions = table('table-questions', 'Most frequent questions', ['question', 'asked', 'examples'],
      o.questions.map((q) => [q.words, q.count, q.examples.join(' · ')]));
    const agents = o.agents ? table('table-agents', 'Per-agent activity', ['agent', 'replies sent', 'cases resolved', 'approvals decided'],
      o.agents.map((a) => [a.username, a.repliesSent, a.casesResolved, a.approvalsDecided])) : null;
    replaceChildren(body,
      h('ul', { class: 'tiles', testid: 'analytics-tiles' }, tiles(o).map(([id, label, value]) =>
        h('li', { class: 'tile', testid: `tile-${id}` }, h('span', { class: 'tile-label' }, label), h('strong', {}, value)))),
      h('div', { class: 'chart-grid' }, blocks.map((b) => b.el)), questions, agents);
    instances = blocks.map((b) => {
      const chart = echarts.init(b.canvas, null, { renderer: 'canvas' });
      chart.setOption({ animation: false, ...b.c.option });
      return chart;
    });
    root.dataset.loaded = `${o.from}..${o.to}|${o.mentions}`;
  }

  async function load() {
    error.hidden = true;
    const f = filters();
    try {
      echarts = echarts || (await import(ECHARTS));
      await loadBrands().catch(() => {});
      const o = await api.analytics(f);
      renderDownloads(f);
      render(o);
    } catch (err) {
      error.textContent = err.message || String(err);
      error.hidden = false;
    }
  }

  const onResize = () => instances.forEach((i) => i.resize());
  window.addEventListener('resize', onResize);
  return { load, stop: () => { window.removeEventListener('resize', onResize); instances.forEach((i) => i.dispose()); } };
}
