// The analytics page's charts, each an Apache ECharts option (the library is served from its
// WebJar at /vendor/echarts/) with the table of the same numbers beside it for screen readers.
// Tooltips render on the canvas ('richText'): ECharts' HTML tooltips carry inline style
// attributes, which the hub's Content-Security-Policy refuses.
import { h } from './dom.js';

const LABELS = ['positive', 'neutral', 'negative'];
const COLORS = { positive: '#2e7d32', neutral: '#9e9e9e', negative: '#c62828' };
const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const HOURS = Array.from({ length: 24 }, (_, i) => String(i).padStart(2, '0'));
const TOOLTIP = { trigger: 'axis', renderMode: 'richText' };
// Each measure's wall-clock figures with its business-hours ones beside them (approval waits have none).
const TIMES = [
  { key: 'medianSeconds', name: 'median' }, { key: 'p90Seconds', name: 'p90' },
  { key: 'businessMedianSeconds', name: 'median, business hours' }, { key: 'businessP90Seconds', name: 'p90, business hours' },
];

/** A table of rows under a header; every cell goes in as text. */
export function table(testid, caption, header, rows) {
  return h('table', { class: 'data-table', testid },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, header.map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, rows.map((r) => h('tr', {}, r.map((c) => h('td', {}, c ?? '—'))))));
}

const stacked = (categories, byLabel, horizontal = false) => {
  const cat = { type: 'category', data: categories };
  return {
    tooltip: TOOLTIP, legend: { data: LABELS }, grid: { left: horizontal ? 120 : 40, right: 16, top: 32, bottom: 32 },
    xAxis: horizontal ? { type: 'value' } : cat, yAxis: horizontal ? { ...cat, inverse: true } : { type: 'value' },
    series: LABELS.map((l) => ({ name: l, type: 'bar', stack: 'all', data: byLabel(l), itemStyle: { color: COLORS[l] } })),
  };
};

/** Every chart of the page: id, title, ECharts option, and its table, from one overview. */
export function charts(o) {
  const series = o.series;
  const reasons = o.reasons.filter((r) => r.count > 0 || r.previous > 0);
  return [
    {
      id: 'sentiment-over-time', title: 'Volume and sentiment over time',
      option: stacked(series.map((d) => d.day), (l) => series.map((d) => d[l])),
      table: table('table-sentiment-over-time', 'Mentions per day by sentiment', ['day', 'mentions', ...LABELS],
        series.map((d) => [d.day, d.mentions, d.positive, d.neutral, d.negative])),
    },
    {
      id: 'channels', title: 'Channel mix and sentiment by platform',
      option: stacked(o.platforms.map((p) => p.platform), (l) => o.platforms.map((p) => p.sentiment[l])),
      table: table('table-channels', 'Mentions per platform', ['platform', 'mentions', ...LABELS],
        o.platforms.map((p) => [p.platform, p.count, ...LABELS.map((l) => p.sentiment[l])])),
    },
    {
      id: 'reasons', title: 'Contact reasons, ranked, with sentiment',
      option: stacked(reasons.map((r) => r.code), (l) => reasons.map((r) => r.sentiment[l]), true),
      table: table('table-reasons', 'Contact reasons against the previous period', ['reason', 'mentions', 'previous period', 'change'],
        reasons.map((r) => [r.code, r.count, r.previous, (r.change > 0 ? '+' : '') + r.change])),
    },
    {
      id: 'hours', title: 'When customers reach out (UTC)',
      option: {
        tooltip: { renderMode: 'richText' }, grid: { left: 48, right: 16, top: 16, bottom: 64 },
        xAxis: { type: 'category', data: HOURS }, yAxis: { type: 'category', data: DAYS, inverse: true },
        visualMap: { min: 0, max: Math.max(1, ...o.byHourOfWeek.flat()), orient: 'horizontal', left: 'center', bottom: 0, calculable: false },
        series: [{ type: 'heatmap', data: o.byHourOfWeek.flatMap((row, d) => row.map((n, hr) => [hr, d, n])) }],
      },
      table: table('table-hours', 'Mentions by weekday and hour', ['day', ...HOURS],
        o.byHourOfWeek.map((row, d) => [DAYS[d], ...row])),
    },
    {
      id: 'times', title: 'Response and resolution times, wall clock and business hours',
      option: {
        tooltip: TOOLTIP, legend: { data: TIMES.map((t) => t.name) }, grid: { left: 64, right: 16, top: 32, bottom: 32 },
        xAxis: { type: 'category', data: ['first response', 'resolution', 'approval wait'] },
        yAxis: { type: 'value', name: 'minutes' },
        series: TIMES.map((t) => ({ name: t.name, type: 'bar',
          data: [o.firstResponse, o.resolution, o.approvals.wait].map((d) => (d[t.key] == null ? 0 : Math.round(d[t.key] / 6) / 10)) })),
      },
      table: table('table-times', 'Durations in seconds (business hours: in the brand\'s SLA hours; a brand without them is always open)',
        ['measure', 'count', 'median', 'p90', 'business median', 'business p90'],
        [['first response', o.firstResponse], ['resolution', o.resolution], ['approval wait', o.approvals.wait]]
          .map(([name, d]) => [name, d.count, d.medianSeconds, d.p90Seconds, d.businessMedianSeconds, d.businessP90Seconds])),
    },
    {
      id: 'engagement', title: 'Engagement of brand replies',
      option: {
        tooltip: TOOLTIP, grid: { left: 48, right: 16, top: 16, bottom: 32 },
        xAxis: { type: 'category', data: ['likes', 'reposts', 'replies', 'quotes'] }, yAxis: { type: 'value' },
        series: [{ type: 'bar', data: [o.engagement.likes, o.engagement.reposts, o.engagement.replies, o.engagement.quotes ?? 0] }],
      },
      table: table('table-engagement', 'Engagement of the brand replies sent in the range (quotes and impressions: where the platform gives them)',
        ['posts', 'likes', 'reposts', 'replies', 'quotes', 'impressions'],
        [[o.engagement.posts, o.engagement.likes, o.engagement.reposts, o.engagement.replies, o.engagement.quotes, o.engagement.impressions]]),
    },
  ];
}

const percent = (x) => `${Math.round(x * 1000) / 10}%`;
const engagementText = (e) => `${e.likes} / ${e.reposts} / ${e.replies}`;

/** The headline figures, as label → value text. */
export function tiles(o) {
  return [
    ['mentions', 'Mentions', String(o.mentions)],
    ['cases', 'Cases opened', String(o.cases)],
    ['resolved', 'Cases resolved', String(o.casesResolved)],
    ['negative', 'Share negative', percent(o.shareNegative)],
    ['sla', 'SLA met / breached', `${o.sla.met} / ${o.sla.breached}`],
    ['avoidable', 'Avoidable contacts', percent(o.avoidableContactRate)],
    ['exits', 'Exits (customer went silent)', `${o.exits.count} (${percent(o.exits.rate)})`],
    ['repeats', 'Repeat contacts in 7 days', `${o.repeatContacts.count} (${percent(o.repeatContacts.rate)})`],
    ['replies', 'Replies sent', String(o.replies.sent)],
    ['broadcasts', 'Broadcasts sent', String(o.broadcasts.sent)],
    ['notices', 'Notices sent', String(o.broadcasts.notices)],
    ['broadcast-engagement', 'Broadcast posts: likes / reposts / replies', engagementText(o.broadcasts.engagement)],
  ];
}
