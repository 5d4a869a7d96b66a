// Engineer: one station's page — what its last state, health and configuration report carry (firmware version,
// relays, clock, schedule, counters, faults and their history), and the self-test with each line's outcome from
// the proof of play of selftest.lNN (as radioctl selftest reports it).
import { t } from "./i18n.js";
import * as api from "./api.js";
import { el, show, refusal, ago, dateTime, duration, number } from "./util.js";
import { stateOf } from "./state.js";

const SELFTEST = "cr.selftest.";

export async function render(root, me, params) {
  const id = params[0];
  const head = el("div", { class: "card", "data-testid": "station-head" });
  const config = el("div", { class: "card", "data-testid": "station-config" });
  const health = el("div", { class: "card", "data-testid": "station-health" });
  const relays = el("div", { class: "card", "data-testid": "station-relays" });
  const faults = el("div", { class: "card", "data-testid": "station-faults" });
  const selftest = el("div", { class: "card", "data-testid": "station-selftest" });
  show(root, head, el("div", { class: "grid2" }, el("div", {}, relays, health), el("div", {}, selftest, faults, config)));
  let station = null;

  const row = (key, value, testid) => el("tr", testid ? { "data-testid": testid } : {}, el("th", {}, t(key)), el("td", {}, value));
  const onOff = (mask, count, key) => el("div", { class: "days" }, Array.from({ length: count }, (_, i) =>
    el("span", { class: "badge " + ((mask >> i) & 1 ? "onair" : "idle"), "data-testid": key + "-" + i }, t(key === "amp" ? "eng.amps" : "eng.lines") + " " + i + ": " + t((mask >> i) & 1 ? "eng.on" : "eng.off"))));

  async function load() {
    station = await api.get("/api/stations/" + encodeURIComponent(id));
    const h = station.health;
    const state = stateOf(station);
    show(head,
      el("h1", {}, t("eng.title", { id: station.station })),
      station.name ? el("p", {}, station.name) : null,
      el("table", { class: "facts" },
        row("st.state", el("span", { class: "badge " + state, "data-testid": "station-state" }, t("state." + state))),
        row("st.commune", station.commune + " · " + station.province),
        row("st.lastSeen", ago(station.lastSeenUtcMs)),
        row("eng.firmware", station.firmware || t("eng.notReported"), "firmware"),
        // Shown only when the health snapshot carries an update member (protocol §8 is not wired yet): never guessed.
        row("eng.update", h && h.update && typeof h.update === "object"
          ? Object.entries(h.update).map(([k, v]) => k + " " + (typeof v === "object" ? JSON.stringify(v) : v)).join(", ")
          : t("eng.notReported"), "update-state"),
        row("eng.relays", station.board || "—")));

    const c = station.config;
    show(config, el("h2", {}, t("eng.config")),
      !c ? el("p", { class: "muted" }, t("eng.noConfig"))
        : el("div", {},
          el("p", { class: c.valid ? "ok" : "error", "data-testid": "config-valid" }, t(c.valid ? "eng.configValid" : "eng.configInvalid") + (c.board ? " · " + c.board : "")),
          (c.errors || []).length ? el("ul", {}, c.errors.map((e) => el("li", {}, e.field + ": " + e.reason))) : null));

    if (!h) {
      show(health, el("h2", {}, t("eng.health")), el("p", { class: "muted" }, t("eng.noHealth")));
      show(relays, el("h2", {}, t("eng.relays")), el("p", { class: "muted" }, t("eng.noHealth")));
    } else {
      const amps = h.relays ? h.relays.amps : 0;
      const lines = h.relays ? h.relays.lines : 0;
      const lineCount = station.lines || 4;
      show(relays, el("h2", {}, t("eng.relays")),
        el("h3", {}, t("eng.amps")), onOff(amps, station.amplifiers || 1, "amp"),
        el("h3", {}, t("eng.lines")), onOff(lines, lineCount, "line"),
        el("p", {}, t("eng.source") + ": " + (h.relays ? h.relays.source : "—")),
        h.on_air ? el("p", { class: "ok" }, t("st.onAir") + ": " + h.on_air.programme + " (" + t("class." + h.on_air.class) + ")") : null);
      show(health, el("h2", {}, t("eng.health")), el("table", { class: "facts" },
        row("eng.clock", h.clock + (h.utc_ms ? " · " + dateTime(h.utc_ms) : "")),
        row("eng.uptime", duration(Math.round((h.uptime_ms || 0) / 1000))),
        row("eng.schedule", h.schedule ? number(h.schedule.count) + " · " + h.schedule.digest + " · v" + h.schedule.version : "—"),
        row("eng.counters", h.counters ? Object.entries(h.counters).map(([k, v]) => k + " " + number(v)).join(", ") : "—"),
        // A host-simulated station reports -1 (unknown).
        row("eng.freeBytes", typeof h.free_bytes === "number" && h.free_bytes >= 0 ? number(h.free_bytes) + " B" : "—")));
    }

    let history = [];
    try {
      history = await api.get("/api/faults/history?station=" + encodeURIComponent(id) + "&from=7d");
    } catch (e) {
      history = [];
    }
    show(faults, el("h2", {}, t("st.faults")),
      station.faults.length === 0 ? el("p", { class: "ok", "data-testid": "faults-now" }, t("none"))
        : el("ul", { "data-testid": "faults-now" }, station.faults.map((f) => el("li", { class: "warn" }, t("fault." + f, null, true) || f))),
      el("h3", {}, t("eng.faultHistory")),
      history.length === 0 ? el("p", { class: "muted" }, t("none"))
        : el("table", {}, el("tbody", {}, history.map((f) => el("tr", {},
          el("td", {}, t("fault." + f.fault, null, true) || f.fault),
          el("td", {}, t("eng.raised") + " " + dateTime(f.raisedUtcMs)),
          el("td", {}, f.clearedUtcMs ? t("eng.cleared") + " " + dateTime(f.clearedUtcMs) : t("eng.open")))))));
  }

  // Self-test: sent once, then each line's outcome read from the proof of play until every line has ended.
  const out = el("div", { "data-testid": "selftest-lines" });
  const result = el("p", { "data-testid": "selftest-result" });
  const canTest = me.commands.includes("relay.selftest");
  show(selftest, el("h2", {}, t("eng.selftest")),
    canTest ? el("button", { type: "button", class: "primary", "data-testid": "selftest-run", onclick: runSelftest }, t("eng.selftestRun")) : null,
    result, out);

  async function runSelftest() {
    try {
      const r = await api.post("/api/commands", { to: "st/" + id, cmd: "relay.selftest", args: {}, timeoutSeconds: 10 });
      const a = r.stations[0];
      if (!a || a.result !== "accepted") {
        show(result, el("span", { class: "error" }, a && a.reason ? (t("err." + a.reason, null, true) || a.reason) : t("sent.summary", r)));
        return;
      }
      sessionStorage.setItem(SELFTEST + id, String(Date.now() - 5000));
      show(result, el("span", { class: "muted" }, t("eng.selftestWait")));
      await followSelftest();
    } catch (e) {
      show(result, el("span", { class: "error", role: "alert" }, refusal(e)));
    }
  }

  async function followSelftest() {
    const since = sessionStorage.getItem(SELFTEST + id);
    if (!since || !station) {
      return;
    }
    const events = await api.get("/api/events?station=" + encodeURIComponent(id) + "&from=" + since);
    const count = station.lines || 4;
    let final = 0;
    const rows = [];
    for (let i = 0; i < count; i++) {
      const programme = "selftest.l" + String(i).padStart(2, "0");
      const started = events.find((e) => e.programme === programme && e.kind === "started");
      const end = events.find((e) => e.programme === programme && ["ended", "missed", "preempted"].includes(e.kind));
      let text;
      let cls;
      if (end && end.kind === "ended" && end.reason === "none" && started) {
        text = t("eng.lineOk", { s: ((end.atUtcMs - started.atUtcMs) / 1000).toFixed(1) });
        cls = "ok";
      } else if (end) {
        text = t("eng.lineMissed", { reason: end.kind + (end.reason && end.reason !== "none" ? " " + end.reason : "") });
        cls = "error";
      } else {
        text = t("eng.linePending");
        cls = "muted";
      }
      final += end ? 1 : 0;
      rows.push(el("tr", { "data-line": i, "data-outcome": end ? (cls === "ok" ? "ok" : "failed") : "pending" }, el("th", {}, t("eng.line", { n: i })), el("td", { class: cls }, text)));
    }
    show(out, el("table", { class: "facts" }, el("tbody", {}, rows)));
    if (final === count) {
      sessionStorage.removeItem(SELFTEST + id);
      show(result, el("span", { class: rows.every((r) => r.dataset.outcome === "ok") ? "ok" : "error" }, t("eng.selftest") + ": " + final + "/" + count));
    }
  }

  await load();
  await followSelftest();
  const timer = setInterval(() => load().then(followSelftest).catch(() => {}), 2000);
  return () => clearInterval(timer);
}
