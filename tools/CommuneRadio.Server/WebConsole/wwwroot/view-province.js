// Province: the stations on a plain SVG of their inventory coordinates (fleet file lat/lon, no tile server),
// counts by state, and the emergency for the province or one commune: a confirmation step, then live progress
// from the command's answers (GET /api/commands/{id}) and the stations' health ("4,812 of 5,000 on the speakers").
import { t } from "./i18n.js";
import * as api from "./api.js";
import { el, svg, show, refusal, number, time } from "./util.js";
import { STATES, stateOf, pollMs } from "./state.js";
import { lineBoxes, outcome } from "./item-form.js";

const W = 800;
const H = 560;
const PAD = 24;
const RUNNING = "cr.emergency";

export async function render(root, me) {
  const scopes = me.groups.filter((g) => g.startsWith("prov.") || g.startsWith("com.")).sort((a, b) => (a.startsWith("prov.") ? -1 : 0) - (b.startsWith("prov.") ? -1 : 0) || a.localeCompare(b));
  let stations = [];
  // The emergency being followed survives a language switch or a reload of the tab.
  let running = JSON.parse(sessionStorage.getItem(RUNNING) || "null"); // {id, scope}
  const counts = el("div", { class: "counts", "data-testid": "counts" });
  const map = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "map", role: "img", "data-testid": "map" });
  const unplaced = el("p", { class: "muted" });
  const scope = el("select", { id: "em-scope", "data-testid": "em-scope" }, scopes.map((g) => el("option", { value: "g/" + g }, g)));
  const minutes = el("input", { type: "number", id: "em-minutes", min: 1, max: 240, value: 10 });
  const lines = lineBoxes(me.lines, Array.from({ length: me.lines }, (_, i) => i), "em-line");
  const progress = el("div", { "data-testid": "em-progress" });
  const dialog = el("dialog", { class: "confirm", "data-testid": "em-confirm" });
  const canSend = me.commands.includes("emergency.start");

  show(root,
    el("div", { class: "grid2" },
      el("div", { class: "card" }, el("h1", {}, t("prov.title")), map, unplaced, legend()),
      el("div", {},
        el("div", { class: "card" }, el("h2", {}, t("prov.counts")), counts),
        canSend ? el("div", { class: "card" },
          el("h2", {}, t("em.title")),
          el("label", { for: "em-scope" }, t("em.scope")), scope,
          el("label", { for: "em-minutes" }, t("em.minutes")), minutes,
          el("label", {}, t("item.lines")), lines.node,
          el("div", { class: "actions" },
            el("button", { type: "button", class: "danger", "data-testid": "em-start", onclick: () => confirmStep("start") }, t("em.start")),
            el("button", { type: "button", "data-testid": "em-stop", onclick: () => confirmStep("stop") }, t("em.stop"))),
          progress) : null)),
    dialog);

  function members(target) {
    const g = target.slice(2);
    return stations.filter((s) => (s.groups || []).includes(g));
  }

  function confirmStep(kind) {
    const target = scope.value;
    const n = members(target).length;
    const text = kind === "start"
      ? t("em.confirmStart", { n: number(n), g: target.slice(2), m: minutes.value })
      : t("em.confirmStop", { n: number(n), g: target.slice(2) });
    show(dialog,
      el("h2", {}, kind === "start" ? t("em.start") : t("em.stop")),
      el("p", { class: kind === "start" ? "error" : "", "data-testid": "em-confirm-text" }, text),
      el("div", { class: "actions" },
        el("button", { type: "button", class: kind === "start" ? "danger" : "primary", "data-testid": "em-confirm-yes", onclick: () => { dialog.close(); send(kind, target); } }, t("confirm")),
        el("button", { type: "button", onclick: () => dialog.close() }, t("cancel"))));
    dialog.showModal();
  }

  async function send(kind, target) {
    try {
      if (kind === "start") {
        // Sent without waiting: the progress below follows the answers as they arrive.
        const r = await api.post("/api/emergency/start", {
          scope: target, durationSeconds: Math.round(Number(minutes.value) * 60), lines: lines.value(), source: 0, timeoutSeconds: 0,
        });
        running = { id: r.id, scope: target };
        sessionStorage.setItem(RUNNING, JSON.stringify(running));
        await follow();
      } else {
        const r = await api.post("/api/emergency/stop", { scope: target, timeoutSeconds: 10 });
        running = null;
        sessionStorage.removeItem(RUNNING);
        show(progress, outcome(r, "play.stopped"));
        await refresh();
      }
    } catch (e) {
      show(progress, el("p", { class: "error", role: "alert" }, refusal(e)));
    }
  }

  async function follow() {
    if (!running) {
      return;
    }
    let status;
    try {
      status = await api.get("/api/commands/" + encodeURIComponent(running.id));
    } catch (e) {
      show(progress, el("p", { class: "error" }, refusal(e)));
      return;
    }
    const byId = new Map(stations.map((s) => [s.station, s]));
    const total = status.stations.length;
    const on = status.stations.filter((a) => {
      const s = byId.get(a.station);
      return s && s.online === true && s.onAir && s.onAir.programme === running.id;
    });
    const silent = status.stations.filter((a) => a.result === null);
    const refused = status.stations.filter((a) => a.result && a.result !== "accepted");
    const list = (xs, f) => xs.slice(0, 20).map(f).join(", ") + (xs.length > 20 ? ", …" : "");
    show(progress,
      el("p", { class: "progress", "data-testid": "em-on", "data-on": on.length, "data-total": total }, t("em.progress", { on: number(on.length), total: number(total) })),
      el("div", { class: "bar" }, el("span", { style: undefined, "data-width": total ? Math.round((100 * on.length) / total) : 0 })),
      silent.length ? el("p", { class: "warn", "data-testid": "em-silent" }, t("em.silent", { n: number(silent.length), list: list(silent, (a) => a.station) })) : null,
      refused.length ? el("p", { class: "error", "data-testid": "em-refused" }, t("em.refused", { n: number(refused.length), list: list(refused, (a) => a.station + " (" + a.reason + ")") })) : null,
      el("p", { class: "muted" }, t("em.sent", { at: time(status.sentUtcMs) }) + " · " + status.id));
    // The bar's width is set through the DOM (the policy allows no inline style attribute).
    const bar = progress.querySelector(".bar span");
    bar.style.width = bar.getAttribute("data-width") + "%";
  }

  async function refresh() {
    try {
      stations = await api.get("/api/stations?brief=true");
    } catch (e) {
      show(counts, el("p", { class: "error" }, refusal(e)));
      return;
    }
    drawCounts();
    drawMap();
    await follow();
  }

  function drawCounts() {
    const by = Object.fromEntries(STATES.map((s) => [s, 0]));
    for (const s of stations) {
      by[stateOf(s)]++;
    }
    show(counts, STATES.map((s) => el("div", { "data-state": s, "data-count": by[s] }, el("b", {}, number(by[s])), el("span", { class: "badge " + s }, t("state." + s)))));
  }

  function drawMap() {
    const placed = stations.filter((s) => typeof s.lat === "number" && typeof s.lon === "number");
    unplaced.textContent = placed.length < stations.length ? t("prov.noPosition", { n: number(stations.length - placed.length) }) : "";
    map.replaceChildren();
    if (placed.length === 0) {
      return;
    }
    // Equirectangular, longitude scaled by cos(latitude) so distances look right at Vietnam's latitudes.
    const lats = placed.map((s) => s.lat);
    const lons = placed.map((s) => s.lon);
    const midLat = ((Math.min(...lats) + Math.max(...lats)) / 2) * Math.PI / 180;
    const xs = lons.map((l) => l * Math.cos(midLat));
    const minX = Math.min(...xs), maxX = Math.max(...xs), minY = Math.min(...lats), maxY = Math.max(...lats);
    const scale = Math.min((W - 2 * PAD) / Math.max(maxX - minX, 1e-6), (H - 2 * PAD) / Math.max(maxY - minY, 1e-6));
    const r = placed.length > 2000 ? 2 : placed.length > 300 ? 4 : 8;
    const at = (s) => [PAD + (s.lon * Math.cos(midLat) - minX) * scale, H - PAD - (s.lat - minY) * scale];
    // Each commune's name at the middle of its stations.
    const communes = new Map();
    for (const s of placed) {
      const c = communes.get(s.commune) || [];
      c.push(at(s));
      communes.set(s.commune, c);
    }
    // Names only while they stay readable; a whole province's 200 communes would cover the map.
    for (const [name, points] of communes.size <= 30 ? communes : []) {
      const cx = points.reduce((a, p) => a + p[0], 0) / points.length;
      const cy = Math.min(...points.map((p) => p[1])) - 12;
      map.append(svg("text", { x: cx.toFixed(1), y: Math.max(cy, 14).toFixed(1), class: "commune", "text-anchor": "middle" }, name));
    }
    for (const s of placed) {
      const [x, y] = at(s);
      const state = stateOf(s);
      map.append(svg("circle", { cx: x.toFixed(1), cy: y.toFixed(1), r, class: state, "data-station": s.station, "data-state": state },
        svg("title", {}, (s.name || s.station) + " · " + t("state." + state))));
    }
  }

  function legend() {
    return el("div", { class: "days" }, STATES.map((s) => el("span", { class: "badge " + s }, t("state." + s))));
  }

  await refresh();
  let timer = null;
  const tick = async () => {
    await refresh();
    timer = setTimeout(tick, pollMs(stations.length));
  };
  timer = setTimeout(tick, pollMs(stations.length));
  return () => clearTimeout(timer);
}
