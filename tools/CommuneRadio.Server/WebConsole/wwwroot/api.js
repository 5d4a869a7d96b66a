// The fleet server's HTTP API (docs/server.md) as the console uses it: the bearer token is kept in this tab's
// sessionStorage only (closing the tab logs out), every call sends it, every refusal becomes an ApiError with
// the server's machine-readable code.

const KEY = "cr.token";

export class ApiError extends Error {
  constructor(status, code, detail, field, station) {
    super(detail || code);
    this.status = status;
    this.code = code;
    this.detail = detail || "";
    this.field = field || null;
    this.station = station || null;
  }
}

export function token() {
  return sessionStorage.getItem(KEY);
}

export function setToken(secret) {
  if (secret) {
    sessionStorage.setItem(KEY, secret);
  } else {
    sessionStorage.removeItem(KEY);
  }
}

async function call(method, path, body) {
  const headers = { Authorization: "Bearer " + (token() || "") };
  if (body !== undefined) {
    headers["Content-Type"] = "application/json";
  }
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (e) {
    throw new ApiError(0, "network", String(e));
  }
  const type = response.headers.get("Content-Type") || "";
  if (!response.ok) {
    let code = "http-" + response.status;
    let detail = "";
    let field = null;
    let station = null;
    if (type.includes("json")) {
      const j = await response.json();
      code = j.error || code;
      detail = j.detail || j.title || "";
      field = j.field || null;
      station = j.station || null;
    }
    throw new ApiError(response.status, code, detail, field, station);
  }
  if (type.includes("json")) {
    return response.json();
  }
  return response.text();
}

export const get = (path) => call("GET", path);
export const post = (path, body) => call("POST", path, body || {});

/** The raw text of a GET (CSV exports). */
export async function getText(path) {
  return call("GET", path);
}
