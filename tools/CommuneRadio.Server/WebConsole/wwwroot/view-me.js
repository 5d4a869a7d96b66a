// The account page: who the token is and what it may do (GET /api/me).
import { t } from "./i18n.js";
import { el, show, number } from "./util.js";

export function render(root, me) {
  const row = (key, value) => el("tr", {}, el("th", {}, t(key)), el("td", {}, value));
  show(root, el("div", { class: "card" },
    el("h1", {}, t("me.title")),
    el("table", { class: "facts", "data-testid": "me" },
      row("me.name", me.name),
      row("me.role", t("role." + me.role)),
      row("me.scope", me.scope || "—"),
      row("me.stations", number(me.stations)),
      row("me.commands", me.commands.join(", ")))));
}
