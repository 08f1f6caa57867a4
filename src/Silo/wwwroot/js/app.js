// The operations page: asks for an API key once, then shows the unit tree, the selected unit's
// headline figures (live over SSE), its most overdue dossiers and its alert feed.

import { ApiClient } from "./api.js";
import { LiveStream } from "./sse.js";
import { DEFAULT_LANGUAGE, language, setLanguage, t, formatClock, formatDate } from "./i18n.js";
import { UnitTree } from "./tree.js";
import { HeadlinePanel, DossierPanel, AlertPanel } from "./panels.js";
import { createPool, setText, store, throttle } from "./util.js";

const STORAGE = { key: "slagrid.apiKey", lang: "slagrid.lang", unit: "slagrid.unit" };
const DOSSIER_LIMIT = 20;
const DOSSIER_REFRESH_MS = 5000; // at most one dossier reload per 5 s while stats keep changing
const TREE_REFRESH_MS = 15000; // at most one reload of the visible tree's figures per 15 s
const SAFETY_REFRESH_MS = 60000; // dossiers and tree reloaded at least this often

const $ = (testid) => document.querySelector(`[data-testid="${testid}"]`);

const ui = {
  keyPanel: $("key-panel"),
  keyForm: $("key-form"),
  keyInput: $("key-input"),
  keyError: $("key-error"),
  keySubmit: $("key-submit"),
  dashboard: $("dashboard"),
  changeKey: $("change-key"),
  langSwitch: $("lang-switch"),
  fullscreen: $("fullscreen-button"),
  live: $("live-status"),
  liveText: document.querySelector(".live-text"),
  clockTime: $("clock-time"),
  clockDate: $("clock-date"),
  banner: $("error-banner"),
  bannerTitle: $("error-title"),
  bannerDetail: $("error-detail"),
  bannerCode: $("error-code"),
  bannerDismiss: $("error-dismiss"),
  treeStatus: $("tree-status"),
  announcer: $("announcer"),
};

let apiKey = store.get(STORAGE.key);
const api = new ApiClient(() => apiKey);
const statsPool = createPool(4);
const statsInFlight = new Set();

/** Everything tied to the selected unit; replaced (and its work cancelled) on every selection. */
let selection = null;
let session = 0; // bumps when the key changes: late answers of an older session are dropped
let bannerKind = null;
let liveState = { state: "idle", detail: null };
let unitsRetry = 0;

const tree = new UnitTree($("unit-tree"), {
  onSelect: (id) => selectUnit(id),
  onNeedStats: (ids) => loadTreeStats(ids),
});
const headline = new HeadlinePanel($("headline"), { onPick: (id) => pickUnit(id) });
const dossiers = new DossierPanel(document.querySelector(".dossiers"));
const alerts = new AlertPanel(document.querySelector(".alerts"), {
  unitName: (id) => tree.unit(id)?.name ?? id ?? t("none"),
  onAck: (alert) => acknowledge(alert),
});

// ---- language ---------------------------------------------------------------------------------

function applyLanguage(lang) {
  setLanguage(lang);
  document.documentElement.lang = language();
  document.title = t("app.title");
  for (const node of document.querySelectorAll("[data-i18n]")) {
    node.textContent = t(node.dataset.i18n);
  }
  for (const node of document.querySelectorAll("[data-i18n-aria-label]")) {
    node.setAttribute("aria-label", t(node.dataset.i18nAriaLabel));
  }
  ui.langSwitch.lang = language() === "vi" ? "en" : "vi";
  tree.relabel();
  headline.paint();
  dossiers.paint();
  alerts.paint();
  paintLive();
  tick();
}

ui.langSwitch.addEventListener("click", () => {
  const next = language() === "vi" ? "en" : "vi";
  store.set(STORAGE.lang, next);
  applyLanguage(next);
});

// ---- status, clock, errors --------------------------------------------------------------------

function setLive(state, detail = null) {
  liveState = { state, detail };
  paintLive();
}

function paintLive() {
  const { state, detail } = liveState;
  ui.live.dataset.state = state === "stopped" ? "idle" : state;
  const text =
    state === "live" ? t("live.live")
    : state === "connecting" ? t("live.connecting")
    : state === "reconnecting" ? t("live.reconnecting", { seconds: Math.max(1, Math.round((detail?.delayMs ?? 0) / 1000)) })
    : state === "offline" ? t("live.offline")
    : t("live.idle");
  setText(ui.liveText, text);
}

function tick() {
  const now = new Date();
  setText(ui.clockTime, formatClock(now, true));
  setText(ui.clockDate, formatDate(now));
}

function announce(text) {
  ui.announcer.textContent = "";
  // A separate task, so that repeating the same sentence is announced again.
  setTimeout(() => {
    ui.announcer.textContent = text;
  }, 50);
}

function showError(error, kind = "error") {
  bannerKind = kind;
  if (error?.isNetwork) {
    setText(ui.bannerTitle, t("error.title"));
    setText(ui.bannerDetail, t("error.network"));
    setText(ui.bannerCode, "");
  } else {
    const title = error?.status ? `${error.status} ${error.title || ""}`.trim() : t("error.title");
    const detail = error?.isForbidden && !error.detail ? t("error.forbidden") : error?.detail || error?.message || "";
    setText(ui.bannerTitle, title);
    setText(ui.bannerDetail, detail === title ? "" : detail);
    setText(ui.bannerCode, error?.code ? t("error.code", { code: error.code }) : "");
  }
  ui.banner.dataset.kind = kind;
  ui.banner.hidden = false;
}

function clearError(kind) {
  if (!kind || bannerKind === kind) {
    ui.banner.hidden = true;
    bannerKind = null;
  }
}

ui.bannerDismiss.addEventListener("click", () => clearError());

/** Routes a failure: 401 asks for the key again, an abort is silent, anything else is shown. */
function fail(error, kind = "error") {
  if (error?.name === "AbortError") {
    return;
  }
  if (error?.isUnauthorized) {
    askForKey(error);
    return;
  }
  showError(error, error?.isNetwork ? "network" : kind);
}

// ---- the key ----------------------------------------------------------------------------------

function askForKey(problem) {
  session++;
  stopSelection();
  apiKey = null;
  store.set(STORAGE.key, null);
  ui.dashboard.hidden = true;
  ui.changeKey.hidden = true;
  ui.keyPanel.hidden = false;
  clearError();
  setLive("idle");
  ui.keySubmit.disabled = false;
  ui.keySubmit.textContent = t("key.submit");
  if (problem) {
    const detail = problem.detail && problem.detail !== problem.title ? ` (${problem.detail})` : "";
    ui.keyError.textContent = t("key.rejected") + detail;
    ui.keyError.hidden = false;
    ui.keyInput.setAttribute("aria-invalid", "true");
  } else {
    ui.keyError.hidden = true;
    ui.keyInput.removeAttribute("aria-invalid");
  }
  ui.keyInput.value = "";
  ui.keyInput.focus();
}

ui.keyForm.addEventListener("submit", (event) => {
  event.preventDefault();
  const key = ui.keyInput.value.trim();
  if (!key) {
    ui.keyError.textContent = t("key.empty");
    ui.keyError.hidden = false;
    ui.keyInput.setAttribute("aria-invalid", "true");
    ui.keyInput.focus();
    return;
  }
  apiKey = key;
  store.set(STORAGE.key, key);
  ui.keyError.hidden = true;
  ui.keyInput.removeAttribute("aria-invalid");
  ui.keySubmit.disabled = true;
  ui.keySubmit.textContent = t("key.checking");
  startDashboard();
});

ui.changeKey.addEventListener("click", () => askForKey(null));

// ---- units and the tree -----------------------------------------------------------------------

async function startDashboard() {
  const mine = ++session;
  ui.changeKey.hidden = false;
  let units;
  try {
    units = await api.units();
  } catch (error) {
    if (mine !== session) {
      return;
    }
    if (error?.isUnauthorized) {
      askForKey(error);
      return;
    }
    showDashboard();
    fail(error, "units");
    unitsRetry = Math.min(unitsRetry + 1, 6);
    setTimeout(() => mine === session && startDashboard(), 1000 * 2 ** unitsRetry);
    return;
  }
  if (mine !== session) {
    return;
  }
  unitsRetry = 0;
  clearError("network");
  clearError("units");
  showDashboard();
  tree.setUnits(Array.isArray(units) ? units : []);
  ui.treeStatus.hidden = tree.firstRootId !== null;
  if (tree.firstRootId === null) {
    ui.treeStatus.textContent = t("tree.empty");
    ui.treeStatus.dataset.i18n = "tree.empty";
    return;
  }
  const wanted = [unitFromHash(), store.get(STORAGE.unit), tree.firstRootId].find((id) => id && tree.has(id));
  stopSelection();
  selectUnit(wanted);
}

function showDashboard() {
  ui.keyPanel.hidden = true;
  ui.dashboard.hidden = false;
  ui.keySubmit.disabled = false;
  ui.keySubmit.textContent = t("key.submit");
}

function loadTreeStats(ids) {
  const mine = session;
  for (const id of ids) {
    // The selected unit's figures come from its live stream while it is up.
    if (statsInFlight.has(id) || (selection?.id === id && selection.liveStats)) {
      continue;
    }
    statsInFlight.add(id);
    statsPool(() => (mine === session ? api.stats(id) : null))
      .then((stats) => {
        if (mine === session && stats && !(selection?.id === id && selection.liveStats)) {
          tree.updateStats(id, stats);
        }
      })
      .catch((error) => {
        if (error?.isUnauthorized) {
          fail(error);
        } else if (error?.isNetwork) {
          fail(error);
        } // Other failures (a unit outside a scoped key) leave that node's figures blank.
      })
      .finally(() => statsInFlight.delete(id));
  }
}

function unitFromHash() {
  const params = new URLSearchParams(location.hash.replace(/^#/, ""));
  return params.get("unit");
}

window.addEventListener("hashchange", () => {
  const id = unitFromHash();
  if (id && tree.has(id) && id !== selection?.id) {
    tree.select(id);
    selectUnit(id);
  }
});

function pickUnit(id) {
  tree.select(id, { focus: true });
  selectUnit(id);
}

// ---- the selected unit ------------------------------------------------------------------------

function stopSelection() {
  if (!selection) {
    return;
  }
  selection.controller.abort();
  selection.stream?.stop();
  selection.refreshDossiers.cancel();
  selection.refreshTree.cancel();
  clearInterval(selection.safetyTimer);
  selection = null;
}

function selectUnit(id) {
  if (!id || !tree.has(id) || selection?.id === id) {
    return;
  }
  stopSelection();
  tree.select(id);
  store.set(STORAGE.unit, id);
  const hash = `#unit=${encodeURIComponent(id)}`;
  if (location.hash !== hash) {
    history.replaceState(null, "", hash);
  }
  const controller = new AbortController();
  const current = {
    id,
    controller,
    stream: null,
    liveStats: false,
    refreshDossiers: throttle(() => loadDossiers(current), DOSSIER_REFRESH_MS),
    refreshTree: throttle(() => current === selection && loadTreeStats(tree.visibleIds()), TREE_REFRESH_MS),
    safetyTimer: 0,
  };
  selection = current;
  headline.showUnit(tree.path(id));
  dossiers.clear();
  alerts.clear();
  const known = tree.unit(id)?.stats;
  if (known) {
    headline.setStats(known, null);
  }

  api.stats(id, controller.signal)
    .then((stats) => {
      if (current === selection && !current.liveStats && stats) {
        applyStats(current, stats, false);
      }
    })
    .catch((error) => current === selection && fail(error));
  loadDossiers(current);
  loadAlerts(current);

  current.stream = new LiveStream({
    url: api.liveUrl(id),
    headers: () => api.headers(),
    onStatus: (state, detail) => current === selection && setLive(state, detail),
    onOpen: ({ reconnect }) => {
      clearError("network");
      clearError("live");
      if (reconnect) {
        loadAlerts(current); // catch up on anything missed while the stream was down
        current.refreshDossiers();
      }
    },
    onEvent: (event) => onLiveEvent(current, event),
    onUnauthorized: (problem) => current === selection && fail(problem),
    onError: (error) => current === selection && fail(error, "live"),
  }).start();

  current.safetyTimer = setInterval(() => {
    loadDossiers(current);
    loadTreeStats(tree.visibleIds());
  }, SAFETY_REFRESH_MS);
}

function applyStats(current, stats, live) {
  if (live) {
    current.liveStats = true;
  }
  headline.setStats(stats);
  tree.updateStats(current.id, stats);
}

function onLiveEvent(current, event) {
  if (current !== selection) {
    return;
  }
  let payload;
  try {
    payload = JSON.parse(event.data);
  } catch {
    console.warn("SlaGrid: an event with unreadable data was ignored", event.type);
    return;
  }
  if (event.type === "stats") {
    if (payload && (payload.unitId === undefined || payload.unitId === current.id)) {
      applyStats(current, payload, true);
      current.refreshDossiers();
      current.refreshTree();
    }
  } else if (event.type === "alert") {
    const isNew = alerts.apply(payload);
    if (isNew) {
      announce(t("alerts.new", { kind: alerts.kindLabel(payload.alert.kind), dossier: alerts.subject(payload.alert) }));
    }
  }
}

async function loadDossiers(current) {
  if (current !== selection) {
    return;
  }
  try {
    const list = await api.dossiers(current.id, DOSSIER_LIMIT, current.controller.signal);
    if (current === selection) {
      dossiers.set(list);
    }
  } catch (error) {
    if (current === selection) {
      fail(error);
    }
  }
}

async function loadAlerts(current) {
  const requestedAt = performance.now();
  try {
    const list = await api.openAlerts(current.id, current.controller.signal);
    if (current === selection) {
      alerts.setOpen(list, requestedAt);
    }
  } catch (error) {
    if (current === selection) {
      fail(error);
    }
  }
}

async function acknowledge(alert) {
  const current = selection;
  alerts.setPending(alert.id, true);
  try {
    const answer = await api.acknowledge(alert.id, current?.controller.signal);
    alerts.markAcknowledged(alert.id, answer && typeof answer === "object" ? answer : null);
    announce(t("alerts.acked", { kind: alerts.kindLabel(alert.kind), dossier: alerts.subject(alert) }));
  } catch (error) {
    alerts.setPending(alert.id, false);
    if (current === selection) {
      fail(error);
      if (error?.status === 404 || error?.status === 409) {
        loadAlerts(current); // already acknowledged or gone: show what the server holds now
      }
    }
  }
}

// ---- full screen ------------------------------------------------------------------------------

if (document.fullscreenEnabled) {
  ui.fullscreen.addEventListener("click", () => {
    if (document.fullscreenElement) {
      document.exitFullscreen();
    } else {
      document.documentElement.requestFullscreen().catch(() => {});
    }
  });
} else {
  ui.fullscreen.hidden = true;
}

// ---- start ------------------------------------------------------------------------------------

setInterval(tick, 1000);
setInterval(() => dossiers.paint(), 30000); // "late by" keeps counting between reloads
window.addEventListener("online", () => selection === null && apiKey && startDashboard());

applyLanguage(store.get(STORAGE.lang) || DEFAULT_LANGUAGE);
if (apiKey) {
  startDashboard();
} else {
  askForKey(null);
}
