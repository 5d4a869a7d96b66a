// The programme item form (protocol §3.2 Item) and the small pieces the pages share: speaker-line checkboxes and
// a command's outcome. Values go to the server as typed; checking them is the stations' Core's job.
import { t } from "./i18n.js";
import { el } from "./util.js";

export const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/** "2 accepted, 0 refused, 0 silent" and each refusal with its reason. */
export function outcome(r, key) {
  const refused = r.stations.filter((s) => s.result && s.result !== "accepted");
  return el("div", { "data-testid": "outcome", "data-accepted": r.accepted, "data-refused": r.refused, "data-silent": r.silent },
    el("p", { class: r.refused || r.silent ? "warn" : "ok" }, t(key, { summary: t("sent.summary", { accepted: r.accepted, refused: r.refused, silent: r.silent }) })),
    refused.length ? el("ul", {}, refused.map((s) => el("li", {}, s.station + ": " + (t("err." + s.reason, null, true) || s.reason) + (s.field ? " (" + s.field + ")" : "")))) : null);
}

/** Checkboxes for speaker lines 0 … count-1. */
export function lineBoxes(count, checked, name) {
  const boxes = [];
  for (let i = 0; i < Math.max(count, 1); i++) {
    boxes.push(el("input", { type: "checkbox", value: i, checked: checked.includes(i), "data-line": i, name }));
  }
  return {
    node: el("div", { class: "days" }, boxes.map((b, i) => el("label", {}, b, String(i)))),
    value: () => boxes.filter((b) => b.checked).map((b) => Number(b.value)),
  };
}

// The item form: values go to the server as typed (a time stays "05:30"); the stations' Core checks them.
export function itemForm(me, item) {
  const kind = el("select", { id: "f-kind", "data-testid": "f-kind" },
    el("option", { value: "weekly", selected: !item || item.kind === "weekly" }, t("item.weekly")),
    el("option", { value: "once", selected: item && item.kind === "once" }, t("item.once")));
  const id = el("input", { id: "f-id", "data-testid": "f-id", value: item ? item.id : "", maxlength: 32, readonly: item ? true : undefined, required: true });
  const date = el("input", { type: "date", id: "f-date", "data-testid": "f-date", value: item && item.date ? item.date : "" });
  const fromDate = el("input", { type: "date", id: "f-from", value: item && item.from ? item.from : "" });
  const untilDate = el("input", { type: "date", id: "f-until", value: item && item.until ? item.until : "" });
  const start = el("input", { type: "time", id: "f-time", "data-testid": "f-time", value: item ? item.time.slice(0, 5) : "05:30", required: true });
  const minutes = el("input", { type: "number", id: "f-duration", "data-testid": "f-duration", min: 1, max: 240, value: item ? Math.round(item.duration / 60) : 15 });
  const classes = me.commands.includes("emergency.start") ? ["normal", "priority", "emergency"] : ["normal", "priority"];
  const cls = el("select", { id: "f-class", "data-testid": "f-class" }, classes.map((c) => el("option", { value: c, selected: item && item.class === c }, t("class." + c))));
  const days = DAYS.map((d) => el("input", { type: "checkbox", value: d, "data-day": d, checked: item ? (item.days || []).includes(d) : true }));
  const lines = lineBoxes(me.lines, item ? item.lines : [0, 1, 2, 3], "f-line");
  const source = el("select", { id: "f-source" }, Array.from({ length: Math.max(me.sources, 1) }, (_, i) => el("option", { value: i, selected: item && item.source === i }, String(i))));
  const weeklyPart = el("div", {},
    el("label", {}, t("item.days")), el("div", { class: "days" }, days.map((b) => el("label", {}, b, t("day." + b.value)))),
    el("div", { class: "row" }, el("div", {}, el("label", { for: "f-from" }, t("item.from")), fromDate), el("div", {}, el("label", { for: "f-until" }, t("item.until")), untilDate)));
  const oncePart = el("div", {}, el("label", { for: "f-date" }, t("item.date")), date);
  const sync = () => {
    weeklyPart.hidden = kind.value !== "weekly";
    oncePart.hidden = kind.value !== "once";
  };
  kind.addEventListener("change", sync);
  sync();
  const node = el("form", { class: "item-form", onsubmit: (e) => e.preventDefault() },
    el("div", { class: "row" }, el("div", {}, el("label", { for: "f-id" }, t("item.id")), id), el("div", {}, el("label", { for: "f-kind" }, t("item.kind")), kind)),
    weeklyPart, oncePart,
    el("div", { class: "row" },
      el("div", {}, el("label", { for: "f-time" }, t("item.time")), start),
      el("div", {}, el("label", { for: "f-duration" }, t("item.duration")), minutes),
      el("div", {}, el("label", { for: "f-class" }, t("item.class")), cls)),
    el("div", { class: "row" }, el("div", {}, el("label", {}, t("item.lines")), lines.node), el("div", {}, el("label", { for: "f-source" }, t("item.source")), source)));
  return {
    node,
    value: () => {
      const v = { id: id.value.trim(), kind: kind.value };
      if (kind.value === "weekly") {
        v.days = days.filter((b) => b.checked).map((b) => b.value);
        if (fromDate.value) {
          v.from = fromDate.value;
        }
        if (untilDate.value) {
          v.until = untilDate.value;
        }
      } else {
        v.date = date.value;
      }
      v.time = start.value;
      v.duration = Math.round(Number(minutes.value) * 60);
      v.class = cls.value;
      v.lines = lines.value();
      v.source = Number(source.value);
      return v;
    },
  };
}
