// Commune operator: the week's programme as a calendar (GET /api/schedule/week: the intended items placed by the
// Core's own occurrence rule, overlaps marked), add / replace / remove with the check of the stations' Core and the
// overlaps shown before saving (POST /api/commands/check), play now / stop, who is on air, which stations are
// silent or faulty.
import { t } from "./i18n.js";
import * as api from "./api.js";
import { el, show, refusal, time, dateTime, ago, OFFSET_MS } from "./util.js";
import { stateOf, scheduleTargets } from "./state.js";
import { DAYS, itemForm, lineBoxes, outcome } from "./item-form.js";

export async function render(root, me) {
  const targets = scheduleTargets(me);
  let to = targets.includes("g/" + me.scope) ? "g/" + me.scope : targets[0];
  let from = null;
  let week = null;
  const picker = targets.length > 1
    ? el("select", { "data-testid": "target", onchange: (e) => { to = e.target.value; load(); } }, targets.map((g) => el("option", { value: g, selected: g === to }, g.slice(2))))
    : el("strong", {}, to ? to.slice(2) : "—");
  const calendar = el("div", { class: "calendar", "data-testid": "calendar" });
  const status = el("p", { class: "muted", "data-testid": "schedule-status" });
  const weekLabel = el("span", { class: "muted" });
  const dialog = el("dialog", { "data-testid": "item-dialog" });
  const onAir = el("div", { "data-testid": "on-air" });
  const trouble = el("div", { "data-testid": "trouble" });
  const playOut = el("p", { "data-testid": "play-result" });
  const playMinutes = el("input", { type: "number", min: 1, max: 240, value: 5, id: "play-minutes" });
  const playLines = lineBoxes(me.lines, [0, 1, 2, 3].filter((l) => l < me.lines), "play-line");

  show(root,
    el("div", { class: "card" },
      el("h1", {}, t("cal.title")),
      el("div", { class: "row" },
        el("div", {}, el("label", {}, t("target")), picker),
        el("button", { type: "button", onclick: () => shift(-7) }, t("cal.prev")),
        el("button", { type: "button", onclick: () => shift(7) }, t("cal.next")),
        el("button", { type: "button", class: "primary", "data-testid": "add-item", onclick: () => edit(null) }, t("item.new"))),
      el("p", {}, weekLabel),
      calendar,
      status),
    el("div", { class: "grid2" },
      el("div", { class: "card" },
        el("h2", {}, t("play.title")),
        el("label", { for: "play-minutes" }, t("play.minutes")), playMinutes,
        el("label", {}, t("item.lines")), playLines.node,
        el("div", { class: "actions" },
          el("button", { type: "button", class: "primary", "data-testid": "play", onclick: play }, t("play.start")),
          el("button", { type: "button", "data-testid": "stop", onclick: stop }, t("play.stop"))),
        playOut),
      el("div", { class: "card" }, el("h2", {}, t("onair.title")), onAir, el("h2", {}, t("trouble.title")), trouble)),
    dialog);

  function shift(days) {
    if (week) {
      const d = new Date(week.from + "T00:00:00Z");
      d.setUTCDate(d.getUTCDate() + days);
      from = d.toISOString().slice(0, 10);
      load();
    }
  }

  async function load() {
    if (!to) {
      show(calendar, el("p", { class: "muted" }, t("cal.empty")));
      return;
    }
    try {
      week = await api.get("/api/schedule/week?to=" + encodeURIComponent(to) + (from ? "&from=" + from : ""));
    } catch (e) {
      show(calendar, el("p", { class: "error" }, refusal(e)));
      return;
    }
    drawWeek();
  }

  function drawWeek() {
    const start = new Date(week.from + "T00:00:00Z");
    const until = new Date(start);
    until.setUTCDate(until.getUTCDate() + 6);
    weekLabel.textContent = t("cal.week", { from: fmtDate(start), until: fmtDate(until) });
    const today = new Date(Date.now() + OFFSET_MS).toISOString().slice(0, 10);
    const columns = DAYS.map((d, i) => {
      const date = new Date(start);
      date.setUTCDate(date.getUTCDate() + i);
      const iso = date.toISOString().slice(0, 10);
      const slots = week.occurrences.filter((o) => new Date(o.startUtcMs + OFFSET_MS).toISOString().slice(0, 10) === iso);
      return el("div", { class: iso === today ? "day today" : "day", "data-date": iso },
        el("h3", {}, t("day." + d) + " " + fmtDate(date)),
        slots.map((o) => el("button", {
          type: "button",
          class: "slot " + (o.kind === "once" ? "once " : "") + o.class + (o.conflicts.length ? " conflict" : ""),
          "data-testid": "slot-" + o.id,
          title: o.conflicts.length ? t("item.conflicts", { list: o.conflicts.join(", ") }) : "",
          onclick: () => edit(week.items.find((i) => i.id === o.id)),
        }, time(o.startUtcMs).slice(0, 5) + "–" + time(o.endUtcMs).slice(0, 5) + " " + o.id,
          o.conflicts.length ? el("span", { class: "error" }, " ⚠ " + t("cal.conflict")) : null)));
    });
    show(calendar, columns);
    status.className = week.items.length === 0 ? "muted" : week.differ.length ? "warn" : "ok";
    status.textContent = week.items.length === 0 ? t("cal.empty")
      : week.differ.length ? t("cal.differ", { n: week.differ.length, list: week.differ.join(", ") }) : t("cal.inStep");
  }

  function edit(record) {
    const item = record ? record.item : null;
    const form = itemForm(me, item);
    const out = el("div", { "data-testid": "item-result" });
    let acknowledged = false;
    const save = el("button", { type: "button", class: "primary", "data-testid": "save" }, record ? t("item.replace") : t("item.save"));
    const cmd = record ? "schedule.replace" : "schedule.add";

    async function check() {
      const body = { to, cmd, args: { item: form.value() } };
      try {
        const c = await api.post("/api/commands/check", body);
        if (c.conflicts.length) {
          show(out, el("p", { class: "warn", "data-testid": "conflicts" }, t("item.conflicts", {
            list: c.conflicts.map((o) => dateTime(o.startUtcMs) + " ↔ " + o.conflicts.join(", ")).join("; "),
          })));
        } else {
          show(out, el("p", { class: "ok" }, t("item.valid") + " " + t("item.noConflict")));
        }
        return c;
      } catch (e) {
        show(out, el("p", { class: "error", role: "alert", "data-testid": "refusal" }, refusal(e)));
        return null;
      }
    }

    save.addEventListener("click", async () => {
      const c = await check();
      if (!c) {
        return;
      }
      if (c.conflicts.length && !acknowledged) {
        // Shown before saving: a second press saves all the same.
        acknowledged = true;
        return;
      }
      save.disabled = true;
      try {
        const r = await api.post("/api/commands", { to, cmd, args: { item: form.value() }, timeoutSeconds: 15 });
        show(out, outcome(r, "item.saved"));
        await load();
        askStatus();
      } catch (e) {
        show(out, el("p", { class: "error", role: "alert" }, refusal(e)));
      } finally {
        save.disabled = false;
      }
    });

    const remove = record ? el("button", {
      type: "button", class: "danger", "data-testid": "remove", onclick: async () => {
        if (!window.confirm(t("item.removeConfirm", { id: record.id, g: to.slice(2) }))) {
          return;
        }
        try {
          const r = await api.post("/api/commands", { to, cmd: "schedule.remove", args: { item_id: record.id }, timeoutSeconds: 15 });
          show(out, outcome(r, "item.saved"));
          await load();
          askStatus();
        } catch (e) {
          show(out, el("p", { class: "error", role: "alert" }, refusal(e)));
        }
      },
    }, t("item.remove")) : null;

    show(dialog,
      el("h2", {}, record ? t("item.edit") : t("item.new")),
      form.node,
      out,
      el("div", { class: "actions" },
        el("button", { type: "button", "data-testid": "check", onclick: check }, t("item.check")),
        save, remove,
        el("button", { type: "button", onclick: () => dialog.close() }, t("close"))));
    dialog.showModal();
  }

  // The stations report their schedule digest in health; ask for it now rather than at the next period.
  async function askStatus() {
    try {
      await api.post("/api/commands", { to, cmd: "status", args: {}, timeoutSeconds: 5 });
      await load();
    } catch (e) {
      // Only a faster refresh was lost; the next health snapshot updates the calendar's status.
    }
  }

  async function play() {
    try {
      const r = await api.post("/api/commands", {
        to, cmd: "play", timeoutSeconds: 10,
        args: { class: "normal", duration: Math.round(Number(playMinutes.value) * 60), lines: playLines.value(), source: 0 },
      });
      show(playOut, outcome(r, "play.started"));
      refreshStations();
    } catch (e) {
      show(playOut, el("span", { class: "error", role: "alert" }, refusal(e)));
    }
  }

  async function stop() {
    try {
      const r = await api.post("/api/commands", { to, cmd: "stop", args: {}, timeoutSeconds: 10 });
      show(playOut, outcome(r, "play.stopped"));
      refreshStations();
    } catch (e) {
      show(playOut, el("span", { class: "error", role: "alert" }, refusal(e)));
    }
  }

  async function refreshStations() {
    let stations;
    try {
      stations = await api.get("/api/stations?brief=true");
    } catch (e) {
      show(onAir, el("p", { class: "error" }, refusal(e)));
      return;
    }
    const group = to ? to.slice(2) : "";
    const mine = stations.filter((s) => !group || (s.groups || []).includes(group));
    const playing = mine.filter((s) => s.online === true && s.onAir);
    show(onAir, playing.length === 0 ? el("p", { class: "muted" }, t("onair.none"))
      : el("ul", {}, playing.map((s) => el("li", { "data-station": s.station }, t("onair.row", {
        station: s.name || s.station, programme: s.onAir.programme, cls: t("class." + s.onAir.class), since: time(s.onAir.since),
      })))));
    const bad = mine.filter((s) => ["faulty", "offline", "unknown"].includes(stateOf(s)) || (s.online === true && s.faults.length));
    show(trouble, bad.length === 0 ? el("p", { class: "ok" }, t("trouble.none"))
      : el("ul", {}, bad.map((s) => el("li", { "data-station": s.station },
        el("a", { href: "#/station/" + encodeURIComponent(s.station) }, s.name || s.station), " ",
        // In this list a fault is what matters, even while the station plays on its other lines.
        el("span", { class: "badge " + troubleOf(s) }, t("state." + troubleOf(s))), " ",
        s.faults.map((f) => t("fault." + f, null, true) || f).join(", "), " · ", t("st.lastSeen"), ": ", ago(s.lastSeenUtcMs)))));
  }

  await load();
  await refreshStations();
  const timer = setInterval(refreshStations, 5000);
  return () => clearInterval(timer);
}

function troubleOf(s) {
  return s.online === true && s.faults.length ? "faulty" : stateOf(s);
}

function fmtDate(d) {
  return String(d.getUTCDate()).padStart(2, "0") + "/" + String(d.getUTCMonth() + 1).padStart(2, "0");
}
