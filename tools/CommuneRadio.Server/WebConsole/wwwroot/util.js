// Small DOM and formatting helpers. Text always goes in through textContent (never innerHTML), so a station
// name, a fault or a server message cannot become markup.
import { t, lang } from "./i18n.js";

/** el("div", {class: "x", onclick: f}, "text", child, …) */
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) {
      continue;
    }
    if (k.startsWith("on") && typeof v === "function") {
      node.addEventListener(k.slice(2), v);
    } else if (k === "class") {
      node.className = v;
    } else {
      node.setAttribute(k, v === true ? "" : String(v));
    }
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const c of children) {
    if (c === undefined || c === null || c === false) {
      continue;
    }
    if (Array.isArray(c)) {
      append(node, c);
    } else {
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
  }
}

const SVG = "http://www.w3.org/2000/svg";

/** An SVG element with attributes. */
export function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v !== undefined && v !== null) {
      node.setAttribute(k, String(v));
    }
  }
  append(node, children);
  return node;
}

/** Vietnam's zone: the stations' local time is UTC+07:00 (protocol §3.2), whatever the browser's zone. */
export const ZONE = "Asia/Ho_Chi_Minh";
export const OFFSET_MS = 7 * 3600 * 1000;

function locale() {
  return lang() === "vi" ? "vi-VN" : "en-GB";
}

export function number(n) {
  return new Intl.NumberFormat(locale()).format(n);
}

export function dateTime(ms) {
  if (!ms) {
    return t("never");
  }
  return new Intl.DateTimeFormat(locale(), { timeZone: ZONE, dateStyle: "short", timeStyle: "medium" }).format(new Date(ms));
}

export function time(ms) {
  return new Intl.DateTimeFormat(locale(), { timeZone: ZONE, timeStyle: "medium" }).format(new Date(ms));
}

/** "12 min ago" in the current language. */
export function ago(ms) {
  if (!ms) {
    return t("never");
  }
  const s = Math.max(0, Math.round((Date.now() - ms) / 1000));
  const rtf = new Intl.RelativeTimeFormat(locale(), { numeric: "auto" });
  if (s < 60) {
    return rtf.format(-s, "second");
  }
  if (s < 3600) {
    return rtf.format(-Math.round(s / 60), "minute");
  }
  if (s < 86400) {
    return rtf.format(-Math.round(s / 3600), "hour");
  }
  return rtf.format(-Math.round(s / 86400), "day");
}

/** Local (UTC+7) calendar date "YYYY-MM-DD" of a UTC instant. */
export function localDate(ms) {
  return new Date(ms + OFFSET_MS).toISOString().slice(0, 10);
}

/** Seconds as "1 h 05 min" / "30 s". */
export function duration(s) {
  if (s < 60) {
    return s + " s";
  }
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = s % 60;
  return (h ? h + " h " : "") + (m ? String(m).padStart(h ? 2 : 1, "0") + " min" : "") + (rest ? " " + rest + " s" : "");
}

/**
 * A refusal as the operator reads it: the translated reason and the field at fault; the server's own (English)
 * explanation only in English or when the reason has no translation.
 */
export function refusal(e) {
  const known = t("err." + e.code, null, true);
  const where = [e.field, e.station].filter((x) => x).join(", ");
  const text = (known || e.code) + (where ? " (" + where + ")" : "");
  return text + (e.detail && (!known || lang() === "en") ? " — " + e.detail : "");
}

/** Replaces the children of node. */
export function show(node, ...children) {
  node.replaceChildren();
  append(node, children);
}

/** Downloads text as a file (CSV export). */
export function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type: type || "text/csv;charset=utf-8" }));
  const a = el("a", { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
