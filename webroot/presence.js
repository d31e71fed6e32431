// Presence on cases: who is viewing and who is typing, live for everyone. The dashboard tells the
// hub what its agent does every few seconds (PUT /cases/{id}/presence); the hub keeps it in Redis
// with an expiry and fans each change out as `presence.changed` to every instance's dashboards.
// Signals carry their own end time, so one whose sender vanished fades here too.
import { api } from './api.js';

const HEARTBEAT_MS = 5000; // well inside the hub's signal lifetime (EARSHOT_PRESENCE_TTL_MS, 15 s by default)
const TYPING_IDLE_MS = 4000; // after this long without a keystroke the agent is back to viewing
const TYPING_EVERY_MS = 2500; // at most one typing signal this often while keys are pressed

/** me: the signed-in user; onChange(caseId) is called when a case's presence changes. */
export function createPresence(me, onChange) {
  const byCase = new Map(); // caseId → { viewing: [{username, until}], typing: [...] }
  let watched = null;
  let typingUntil = 0;
  let lastTypingSent = 0;
  let heartbeat = null;
  let idle = null;

  const alive = (list) => (list || []).filter((s) => Date.parse(s.until) > Date.now() && s.username !== me.username);

  function apply(data) {
    if (!data || !data.caseId) return;
    byCase.set(data.caseId, { viewing: data.viewing || [], typing: data.typing || [] });
    onChange(data.caseId);
  }

  /** "ann is typing", "ann is viewing", "ann and bob are viewing", or '' — never counting oneself. */
  function label(caseId) {
    const p = byCase.get(caseId);
    if (!p) return '';
    const typing = alive(p.typing).map((s) => s.username);
    const viewing = alive(p.viewing).map((s) => s.username).filter((u) => !typing.includes(u));
    const say = (names, verb) => `${names.join(' and ')} ${names.length > 1 ? 'are' : 'is'} ${verb}`;
    return [typing.length && say(typing, 'typing'), viewing.length && say(viewing, 'viewing')].filter(Boolean).join(' · ');
  }

  function send(caseId, state) {
    api.setPresence(caseId, state).then(apply).catch(() => {}); // presence is best effort
  }

  function beat() {
    if (watched) send(watched, Date.now() < typingUntil ? 'typing' : 'viewing');
  }

  /** The agent opened a case (null: none): tell the hub, and keep telling it while it stays open. */
  function watch(caseId) {
    if (watched === caseId) return;
    if (watched) send(watched, 'gone');
    watched = caseId;
    typingUntil = 0;
    clearInterval(heartbeat);
    if (caseId) {
      beat();
      heartbeat = setInterval(beat, HEARTBEAT_MS);
    }
  }

  /** A keystroke in the composer of the watched case. */
  function typing() {
    if (!watched) return;
    typingUntil = Date.now() + TYPING_IDLE_MS;
    clearTimeout(idle);
    idle = setTimeout(beat, TYPING_IDLE_MS + 50);
    if (Date.now() - lastTypingSent > TYPING_EVERY_MS) {
      lastTypingSent = Date.now();
      send(watched, 'typing');
    }
  }

  // Lapsed signals fade from the page even when no event says so.
  const fader = setInterval(() => { for (const id of byCase.keys()) onChange(id); }, 1000);

  return {
    apply,
    label,
    watch,
    typing,
    stop() {
      watch(null);
      clearInterval(fader);
      clearTimeout(idle);
    },
  };
}
