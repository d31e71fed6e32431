// Business time in the browser, as the hub counts it (domain/sla/BusinessTime): a brand's weekly
// openings in its IANA time zone, holidays without openings, overnight openings into the next day.
// Local times become instants through Intl (no library), so DST days have the hours they really have.
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const DAY_MS = 86400000;
const formats = new Map();

function format(zone) {
  if (!formats.has(zone)) {
    formats.set(zone, new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric',
      month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' }));
  }
  return formats.get(zone);
}

/** The local calendar fields of an instant in `zone`. */
function local(ms, zone) {
  const p = Object.fromEntries(format(zone).formatToParts(new Date(ms)).map((x) => [x.type, Number(x.value)]));
  return { y: p.year, m: p.month, d: p.day, hh: p.hour, mm: p.minute, ss: p.second };
}

/** How far `zone` is ahead of UTC at instant `ms`. */
function offset(ms, zone) {
  const l = local(ms, zone);
  return Date.UTC(l.y, l.m - 1, l.d, l.hh, l.mm, l.ss) - Math.floor(ms / 1000) * 1000;
}

/** The instant of local `minute` on day `day` (a UTC-midnight ms standing for the local date). */
function instant(day, minute, zone) {
  const wall = day + minute * 60000;
  let t = wall - offset(wall, zone);
  const again = wall - offset(t, zone);
  // A local time in a DST gap does not exist: move it forward by the gap, as java.time does.
  if (again !== t) t = Math.max(t, again);
  return t;
}

const dateKey = (day) => new Date(day).toISOString().slice(0, 10);
const minutes = (hhmm) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The openings starting on local date `day`, as [start, end) instants. */
function openings(day, sla) {
  if ((sla.holidays || []).includes(dateKey(day))) return [];
  const spans = sla.hours[DAYS[new Date(day).getUTCDay()]] || [];
  return spans.map((span) => {
    const [from, to] = span.split('-').map(minutes);
    const endDay = to <= from || to === 1440 ? day + DAY_MS : day;
    return [instant(day, from, sla.timeZone), instant(endDay, to % 1440, sla.timeZone)];
  }).sort((a, b) => a[0] - b[0]);
}

/** Business milliseconds from `start` to `end` under a brand's SLA entry (hours null: always open). */
export function businessBetween(start, end, sla) {
  if (end <= start) return 0;
  if (!sla.hours) return end - start;
  const l = local(start, sla.timeZone);
  let day = Date.UTC(l.y, l.m - 1, l.d) - DAY_MS;
  const lastL = local(end, sla.timeZone);
  const last = Date.UTC(lastL.y, lastL.m - 1, lastL.d);
  let sum = 0;
  let cursor = start;
  for (; day <= last; day += DAY_MS) {
    for (const [from, to] of openings(day, sla)) {
      const a = Math.max(from, cursor);
      const b = Math.min(to, end);
      if (b > a) { sum += b - a; cursor = b; }
    }
  }
  return sum;
}

/** Whether the brand is open at instant `ms`. */
export function openAt(ms, sla) {
  return !sla.hours || businessBetween(ms, ms + 1000, sla) > 0;
}
