// The console's shell: log-in with an API token, the tabs the token's role may use, hash routing
// (#/programme, #/stations, #/station/ID, #/proof, #/province, #/me) and the language switch.
import { t, lang, setLang, translate } from "./i18n.js";
import * as api from "./api.js";
import { el, show, refusal } from "./util.js";

// Tab → [label key, roles that see it, module]. Views export render(root, me, params) and may return a cleanup function.
const ROUTES = {
  programme: ["nav.programme", ["commune", "province", "national"], "./view-programme.js"],
  province: ["nav.province", ["province", "national"], "./view-province.js"],
  stations: ["nav.stations", ["commune", "district", "province", "national"], "./view-stations.js"],
  proof: ["nav.proof", ["commune", "district", "province", "national"], "./view-proof.js"],
  station: [null, ["commune", "district", "province", "national"], "./view-station.js"],
  me: ["nav.me", ["commune", "district", "province", "national"], "./view-me.js"],
};

const HOME = { commune: "programme", district: "stations", province: "province", national: "province" };

let me = null;
let cleanup = null;

function root() {
  return document.getElementById("app");
}

function header() {
  translate(document.body);
  document.title = t("app.title");
  document.getElementById("lang").textContent = t("lang.switch");
  document.getElementById("logout").hidden = !me;
  const who = document.getElementById("who");
  who.textContent = me ? me.name + " · " + t("role." + me.role) + (me.scope ? " · " + me.scope : "") : "";
  const tabs = document.getElementById("tabs");
  tabs.hidden = !me;
  if (!me) {
    return;
  }
  const current = route().name;
  show(tabs, Object.entries(ROUTES)
    .filter(([, [label, roles]]) => label && roles.includes(me.role))
    .map(([name, [label]]) => el("a", { href: "#/" + name, class: name === current ? "tab active" : "tab", "data-testid": "tab-" + name }, t(label))));
}

function route() {
  const parts = location.hash.replace(/^#\/?/, "").split("/").filter((p) => p.length > 0).map(decodeURIComponent);
  return { name: parts[0] || "", params: parts.slice(1) };
}

function loginView(message) {
  const input = el("input", { type: "password", id: "token", name: "token", autocomplete: "current-password", required: true, "data-testid": "token" });
  const form = el("form", { class: "card login", "data-testid": "login" },
    el("h1", {}, t("login.title")),
    el("label", { for: "token" }, t("login.token")),
    input,
    el("p", { class: "hint" }, t("login.hint")),
    message ? el("p", { class: "error", role: "alert" }, message) : null,
    el("button", { type: "submit", class: "primary" }, t("login.submit")));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    api.setToken(input.value.trim());
    await start();
  });
  show(root(), form);
  input.focus();
}

async function render() {
  if (cleanup) {
    cleanup();
    cleanup = null;
  }
  header();
  if (!me) {
    loginView();
    return;
  }
  let { name, params } = route();
  if (!ROUTES[name] || !ROUTES[name][1].includes(me.role)) {
    location.replace("#/" + HOME[me.role]);
    return;
  }
  show(root(), el("p", { class: "muted" }, t("loading")));
  try {
    const view = await import(ROUTES[name][2]);
    const node = el("section", { class: "view", "data-view": name });
    show(root(), node);
    cleanup = (await view.render(node, me, params)) || null;
  } catch (e) {
    show(root(), el("p", { class: "error", role: "alert" }, e instanceof api.ApiError ? refusal(e) : String(e)));
  }
}

async function start() {
  me = null;
  if (api.token()) {
    try {
      me = await api.get("/api/me");
    } catch (e) {
      api.setToken(null);
      header();
      loginView(e.status === 401 ? t("login.bad") : refusal(e));
      return;
    }
  }
  await render();
}

document.getElementById("lang").addEventListener("click", () => {
  setLang(lang() === "vi" ? "en" : "vi");
  render();
});
document.getElementById("logout").addEventListener("click", () => {
  api.setToken(null);
  me = null;
  location.hash = "";
  render();
});
window.addEventListener("hashchange", render);
setLang(lang());
start();
