// The silo's HTTP API v1, as the page uses it. Every call carries "Authorization: Bearer <key>".
// Failures become ApiError, built from the application/problem+json body when there is one.

const REQUEST_TIMEOUT_MS = 20000;

/** An API failure: status 0 means the server could not be reached (code "network"). */
export class ApiError extends Error {
  constructor({ status, title, detail, code, type }) {
    super(detail || title || `HTTP ${status}`);
    this.name = "ApiError";
    this.status = status;
    this.title = title || "";
    this.detail = detail || "";
    this.code = code || "";
    this.type = type || "";
  }

  get isUnauthorized() {
    return this.status === 401;
  }

  get isForbidden() {
    return this.status === 403;
  }

  get isNetwork() {
    return this.status === 0;
  }
}

/** Reads a failed response into an ApiError, whatever its body is. */
export async function problemFrom(response) {
  let problem = {};
  const type = response.headers.get("content-type") || "";
  try {
    if (type.includes("json")) {
      problem = await response.json();
    } else {
      const text = (await response.text()).trim();
      problem = text ? { detail: text.slice(0, 500) } : {};
    }
  } catch {
    problem = {};
  }
  return new ApiError({
    status: response.status,
    title: typeof problem.title === "string" ? problem.title : response.statusText,
    detail: typeof problem.detail === "string" ? problem.detail : "",
    code: typeof problem.code === "string" ? problem.code : "",
    type: typeof problem.type === "string" ? problem.type : "",
  });
}

/** Resolves an API path against the page's own address, so a reverse-proxy prefix keeps working. */
export function apiUrl(path, query) {
  const url = new URL(path.replace(/^\//, ""), document.baseURI);
  if (query) {
    for (const [name, value] of Object.entries(query)) {
      if (value !== undefined && value !== null && value !== "") {
        url.searchParams.set(name, String(value));
      }
    }
  }
  return url;
}

export class ApiClient {
  /** @param {() => string | null} getKey */
  constructor(getKey) {
    this.getKey = getKey;
  }

  headers(extra) {
    const headers = new Headers(extra);
    headers.set("Accept", headers.get("Accept") || "application/json");
    const key = this.getKey();
    if (key) {
      headers.set("Authorization", `Bearer ${key}`);
    }
    return headers;
  }

  async request(method, path, { query, body, signal } = {}) {
    const signals = [AbortSignal.timeout(REQUEST_TIMEOUT_MS)];
    if (signal) {
      signals.push(signal);
    }
    const init = {
      method,
      headers: this.headers(body === undefined ? undefined : { "Content-Type": "application/json" }),
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: "no-store",
      credentials: "omit",
      signal: AbortSignal.any(signals),
    };
    let response;
    try {
      response = await fetch(apiUrl(path, query), init);
    } catch (error) {
      if (signal?.aborted) {
        throw error;
      }
      throw new ApiError({ status: 0, title: "network", detail: String(error?.message || error), code: "network" });
    }
    if (!response.ok) {
      throw await problemFrom(response);
    }
    if (response.status === 204) {
      return null;
    }
    const text = await response.text();
    return text ? JSON.parse(text) : null;
  }

  units(signal) {
    return this.request("GET", "api/v1/units", { signal });
  }

  stats(unitId, signal) {
    return this.request("GET", `api/v1/units/${encodeURIComponent(unitId)}/stats`, { signal });
  }

  dossiers(unitId, limit, signal) {
    return this.request("GET", `api/v1/units/${encodeURIComponent(unitId)}/dossiers`, { query: { limit }, signal });
  }

  openAlerts(unitId, signal) {
    return this.request("GET", "api/v1/alerts", { query: { unitId, state: "open" }, signal });
  }

  acknowledge(alertId, signal) {
    return this.request("POST", `api/v1/alerts/${encodeURIComponent(alertId)}/ack`, { signal });
  }

  liveUrl(unitId) {
    return apiUrl(`api/v1/units/${encodeURIComponent(unitId)}/live`);
  }
}
