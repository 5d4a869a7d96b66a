// Proof of play per station and programme over a period (GET /api/proof), with the same rows as CSV.
import { t } from "./i18n.js";
import * as api from "./api.js";
import { el, show, refusal, dateTime, duration, download, localDate, number } from "./util.js";

export async function render(root, me) {
  const targets = me.groups.map((g) => "g/" + g);
  const today = localDate(Date.now());
  const weekAgo = localDate(Date.now() - 6 * 86400000);
  const group = el("select", { id: "p-group", "data-testid": "proof-group" }, targets.map((g) => el("option", { value: g, selected: g === "g/" + me.scope }, g.slice(2))));
  const from = el("input", { type: "date", id: "p-from", "data-testid": "proof-from", value: weekAgo });
  const until = el("input", { type: "date", id: "p-until", "data-testid": "proof-until", value: today });
  const programme = el("input", { id: "p-programme", "data-testid": "proof-programme", placeholder: "news" });
  const out = el("div", { class: "scroll", "data-testid": "proof" });

  function query() {
    const q = new URLSearchParams();
    if (group.value) {
      q.set("group", group.value.slice(2));
    }
    q.set("from", from.value + "T00:00:00+07:00");
    const end = new Date(until.value + "T00:00:00Z");
    end.setUTCDate(end.getUTCDate() + 1);
    q.set("until", end.toISOString().slice(0, 10) + "T00:00:00+07:00");
    if (programme.value.trim()) {
      q.set("programme", programme.value.trim());
    }
    return q;
  }

  async function load() {
    let rows;
    try {
      rows = await api.get("/api/proof?" + query());
    } catch (e) {
      show(out, el("p", { class: "error" }, refusal(e)));
      return;
    }
    if (rows.length === 0) {
      show(out, el("p", { class: "muted" }, t("proof.empty")));
      return;
    }
    show(out, el("table", {},
      el("thead", {}, el("tr", {}, ["st.station", "proof.programme", "item.class", "proof.started", "proof.ended", "proof.preempted", "proof.resumed", "proof.missed", "proof.onAir", "st.lastSeen"].map((k) => el("th", {}, t(k))))),
      el("tbody", {}, rows.map((r) => el("tr", { "data-station": r.station, "data-programme": r.programme },
        el("td", {}, r.station), el("td", {}, r.programme), el("td", {}, t("class." + r.class, null, true) || r.class),
        el("td", {}, number(r.started)), el("td", {}, number(r.ended)), el("td", {}, number(r.preempted)), el("td", {}, number(r.resumed)),
        el("td", {}, number(r.missed) + (r.missedReasons ? " (" + r.missedReasons + ")" : "")),
        el("td", {}, duration(Math.round(r.onAirSeconds))), el("td", {}, dateTime(r.lastAtUtcMs)))))));
  }

  async function csv() {
    const q = query();
    q.set("format", "csv");
    try {
      const text = await api.getText("/api/proof?" + q);
      download("proof-" + (group.value.slice(2) || "all") + "-" + from.value + "-" + until.value + ".csv", text);
    } catch (e) {
      show(out, el("p", { class: "error" }, refusal(e)));
    }
  }

  show(root, el("div", { class: "card" },
    el("h1", {}, t("proof.title")),
    el("div", { class: "row" },
      el("div", {}, el("label", { for: "p-group" }, t("target")), group),
      el("div", {}, el("label", { for: "p-from" }, t("proof.from")), from),
      el("div", {}, el("label", { for: "p-until" }, t("proof.until")), until),
      el("div", {}, el("label", { for: "p-programme" }, t("proof.programme")), programme),
      el("button", { type: "button", class: "primary", "data-testid": "proof-show", onclick: load }, t("proof.show")),
      el("button", { type: "button", "data-testid": "proof-csv", onclick: csv }, t("proof.csv"))),
    out));
  await load();
}
