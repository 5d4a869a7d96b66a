// Every station in the token's scope with its state, last contact and faults; each links to its engineer page.
import { t } from "./i18n.js";
import * as api from "./api.js";
import { el, show, ago } from "./util.js";
import { stateOf } from "./state.js";

export async function render(root) {
  const body = el("tbody", {});
  show(root, el("div", { class: "card" },
    el("h1", {}, t("nav.stations")),
    el("div", { class: "scroll" }, el("table", { "data-testid": "stations" },
      el("thead", {}, el("tr", {}, ["st.station", "st.commune", "st.state", "st.onAir", "st.lastSeen", "st.faults"].map((k) => el("th", {}, t(k))))),
      body))));

  async function load() {
    const stations = await api.get("/api/stations?brief=true");
    show(body, stations.map((s) => {
      const state = stateOf(s);
      const onAir = s.onAir;
      return el("tr", { "data-station": s.station, "data-state": state },
        el("td", {}, el("a", { href: "#/station/" + encodeURIComponent(s.station) }, s.station), s.name ? el("div", { class: "muted" }, s.name) : null),
        el("td", {}, s.commune),
        el("td", {}, el("span", { class: "badge " + state }, t("state." + state))),
        el("td", {}, onAir ? onAir.programme + " (" + t("class." + onAir.class) + ")" : "—"),
        el("td", {}, ago(s.lastSeenUtcMs)),
        el("td", {}, s.faults.map((f) => t("fault." + f, null, true) || f).join(", ") || "—"));
    }));
  }

  await load();
  const timer = setInterval(() => load().catch(() => {}), 5000);
  return () => clearInterval(timer);
}
