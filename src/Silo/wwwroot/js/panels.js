// The three panels beside the tree: headline figures, most overdue dossiers, alert feed.
// Each keeps the last data it was given and can repaint itself (after a language switch or a tick).

import { t, tOr, formatCount, formatRatio, formatDateTime, formatShortDateTime, formatClock, formatDuration } from "./i18n.js";
import { health, ratioOf } from "./tree.js";
import { el, setText } from "./util.js";

const byTestId = (root, id) => root.querySelector(`[data-testid="${id}"]`);

export class HeadlinePanel {
  constructor(root, { onPick }) {
    this.root = root;
    this.onPick = onPick;
    this.path = [];
    this.stats = null;
    this.updatedAt = null;
    this.cells = {
      open: byTestId(root, "stat-open"),
      overdue: byTestId(root, "stat-overdue"),
      dueSoon: byTestId(root, "stat-due-soon"),
      paused: byTestId(root, "stat-paused"),
      onTimeRatio: byTestId(root, "stat-on-time-ratio"),
      lateRatio: byTestId(root, "stat-late-ratio"),
      received: byTestId(root, "stat-received"),
      finishedEarly: byTestId(root, "stat-finished-early"),
      finishedOnTime: byTestId(root, "stat-finished-on-time"),
      finishedLate: byTestId(root, "stat-finished-late"),
    };
    this.name = byTestId(root, "unit-name");
    this.crumbs = byTestId(root, "unit-path");
    this.flag = byTestId(root, "flagged-badge");
    this.updated = byTestId(root, "stats-updated");
    this.bar = byTestId(root, "ratio-bar");
  }

  /** Shows a unit (path: the unit and its ancestors, top first) with no figures yet. */
  showUnit(path) {
    this.path = path;
    this.stats = null;
    this.updatedAt = null;
    this.paint();
  }

  setStats(stats, at = new Date()) {
    this.stats = stats;
    this.updatedAt = at;
    this.paint();
  }

  paint() {
    const unit = this.path[this.path.length - 1];
    this.name.removeAttribute("data-i18n");
    setText(this.name, unit ? unit.name : t("headline.none"));
    this.crumbs.replaceChildren(
      ...this.path.slice(0, -1).map((ancestor) =>
        el("li", {}, el("button", {
          type: "button",
          class: "crumb",
          text: ancestor.name,
          dataset: { testid: "crumb", unitId: ancestor.id },
          onclick: () => this.onPick(ancestor.id),
        })),
      ),
    );
    const s = this.stats;
    const count = (value) => (s ? formatCount(value) : t("none"));
    setText(this.cells.open, count(s?.open));
    setText(this.cells.overdue, count(s?.overdue));
    setText(this.cells.dueSoon, count(s?.dueSoon));
    setText(this.cells.paused, count(s?.paused));
    setText(this.cells.onTimeRatio, formatRatio(ratioOf(s, "onTimeRatio")));
    setText(this.cells.lateRatio, formatRatio(ratioOf(s, "lateRatio")));
    setText(this.cells.received, count(s?.received));
    setText(this.cells.finishedEarly, count(s?.finishedEarly));
    setText(this.cells.finishedOnTime, count(s?.finishedOnTime));
    setText(this.cells.finishedLate, count(s?.finishedLate));

    const tile = (cell) => cell.closest(".stat");
    tile(this.cells.overdue).dataset.tone = s && s.overdue > 0 ? "bad" : "neutral";
    tile(this.cells.dueSoon).dataset.tone = s && s.dueSoon > 0 ? "warn" : "neutral";
    tile(this.cells.onTimeRatio).dataset.tone = toneOf(health(s));
    tile(this.cells.lateRatio).dataset.tone = toneOf(health(s));
    this.flag.hidden = !(s && s.flagged);
    this.root.dataset.flagged = String(Boolean(s && s.flagged));

    setText(this.updated, this.updatedAt ? t("stat.updated", { time: formatClock(this.updatedAt) }) : t("stat.notYet"));
    this.paintBar(s);
  }

  paintBar(s) {
    const received = s && s.received > 0 ? s.received : 0;
    const share = (n) => (received > 0 && Number.isFinite(n) && n > 0 ? Math.min(n / received, 1) : 0);
    const segments = {
      ".seg-early": share(s?.finishedEarly),
      ".seg-on-time": share(s?.finishedOnTime),
      ".seg-open": share((s?.open ?? 0) - (s?.overdue ?? 0)),
      ".seg-late": share((s?.finishedLate ?? 0) + (s?.overdue ?? 0)),
    };
    for (const [selector, value] of Object.entries(segments)) {
      this.bar.querySelector(selector).style.setProperty("--share", String(value));
    }
    this.bar.hidden = received === 0;
  }
}

function toneOf(h) {
  return h === "bad" ? "bad" : h === "warn" ? "warn" : h === "good" ? "good" : "neutral";
}

export class DossierPanel {
  constructor(root) {
    this.root = root;
    this.body = byTestId(root, "dossier-rows");
    this.empty = byTestId(root, "dossiers-empty");
    this.dossiers = null;
  }

  clear() {
    this.dossiers = null;
    this.body.replaceChildren();
    this.empty.hidden = true;
  }

  set(dossiers) {
    this.dossiers = Array.isArray(dossiers) ? dossiers : [];
    this.paint();
  }

  paint() {
    if (this.dossiers === null) {
      return;
    }
    const now = Date.now();
    this.body.replaceChildren(...this.dossiers.map((d) => this.row(d, now)));
    this.empty.hidden = this.dossiers.length > 0;
  }

  row(d, now) {
    const due = d.dueAt ? new Date(d.dueAt).getTime() : NaN;
    const diff = now - due;
    let lateText = t("none");
    let tone = "neutral";
    if (d.paused) {
      lateText = t("dossiers.flag.paused");
      tone = "paused";
    } else if (Number.isFinite(diff) && (d.overdue || diff > 0)) {
      lateText = t("dossiers.lateBy", { duration: formatDuration(diff) });
      tone = "bad";
    } else if (Number.isFinite(diff)) {
      lateText = t("dossiers.leftIn", { duration: formatDuration(diff) });
      tone = d.dueSoon ? "warn" : "neutral";
    }
    const flags = [];
    if (d.rescheduled) {
      flags.push(["rescheduled", t("dossiers.flag.rescheduled")]);
    }
    if (d.apologyLate) {
      flags.push(["apology-late", t("dossiers.flag.apologyLate")]);
    }
    if (typeof d.supplementRequests === "number" && d.supplementRequests >= 2) {
      flags.push(["second-supplement", t("dossiers.flag.secondSupplement")]);
    }
    const dueCell = el(
      "td",
      { dataset: { testid: "dossier-due" }, title: formatDateTime(d.dueAt) },
      el("span", { class: "nowrap", text: formatShortDateTime(d.dueAt) }),
    );
    if (d.originalDueAt && d.originalDueAt !== d.dueAt) {
      dueCell.append(el("span", { class: "sub muted", text: t("dossiers.originalDue", { time: formatShortDateTime(d.originalDueAt) }) }));
    }
    return el(
      "tr",
      { dataset: { testid: "dossier-row", dossierId: d.id, tone } },
      el(
        "th",
        { scope: "row", dataset: { testid: "dossier-id" } },
        el("span", { class: "mono nowrap", text: d.id ?? t("none") }),
        flags.length > 0 ? el("span", { class: "flags" }, flags.map(([kind, text]) => el("span", { class: `chip chip-${kind}`, text }))) : null,
      ),
      el(
        "td",
        {},
        el("span", { class: "mono nowrap block", dataset: { testid: "dossier-procedure" }, text: d.procedureCode ?? t("none") }),
        el("span", { class: "mono nowrap block muted", dataset: { testid: "dossier-officer" }, text: d.officerId ?? t("none") }),
      ),
      dueCell,
      el("td", { dataset: { testid: "dossier-late" }, class: `col-late late-${tone}`, text: lateText }),
    );
  }
}

const ALERT_KEEP_CLOSED = 50;

export class AlertPanel {
  constructor(root, { unitName, onAck }) {
    this.root = root;
    this.body = byTestId(root, "alert-feed");
    this.empty = byTestId(root, "alerts-empty");
    this.count = byTestId(root, "alert-count");
    this.unitName = unitName;
    this.onAck = onAck;
    this.alerts = new Map();
    this.pending = new Set();
    this.fresh = new Set();
    this.liveAt = new Map();
    this.loaded = false;
  }

  clear() {
    this.alerts.clear();
    this.pending.clear();
    this.fresh.clear();
    this.liveAt.clear();
    this.loaded = false;
    this.paint();
  }

  /**
   * Replaces the open alerts with a list the server gave for a request sent at requestedAt (performance.now()).
   * Closed alerts already shown stay; so does anything the live stream delivered after that request left,
   * since the list may be older than the stream.
   */
  setOpen(list, requestedAt = -Infinity) {
    const incoming = new Map((Array.isArray(list) ? list : []).filter((a) => a && a.id != null).map((a) => [String(a.id), a]));
    for (const [id, alert] of this.alerts) {
      if (alert.state === "open" && !incoming.has(id) && !(this.liveAt.get(id) > requestedAt)) {
        this.alerts.delete(id);
      }
    }
    for (const [id, alert] of incoming) {
      if (!(this.liveAt.get(id) > requestedAt)) {
        this.alerts.set(id, alert);
      }
    }
    this.loaded = true;
    this.paint();
  }

  /** Applies a live alert event ({ event, alert }); returns true when the alert is new. */
  apply(change) {
    const alert = change?.alert;
    if (!alert || alert.id == null) {
      return false;
    }
    const id = String(alert.id);
    const known = this.alerts.has(id);
    const next = { ...this.alerts.get(id), ...alert };
    if (change.event === "acknowledged" && !alert.state) {
      next.state = "acknowledged";
    } else if (change.event === "resolved" && !alert.state) {
      next.state = "resolved";
    } else if (!next.state) {
      next.state = "open";
    }
    this.alerts.set(id, next);
    this.liveAt.set(id, performance.now());
    if (change.event === "raised" || change.event === "repeated") {
      this.flash(id);
    }
    this.paint();
    return !known && next.state === "open";
  }

  markAcknowledged(id, returned) {
    const key = String(id);
    const current = this.alerts.get(key);
    if (current) {
      this.alerts.set(key, returned && returned.id != null ? { ...current, ...returned } : { ...current, state: "acknowledged" });
      if (this.alerts.get(key).state === "open") {
        this.alerts.get(key).state = "acknowledged";
      }
    }
    this.liveAt.set(key, performance.now());
    this.pending.delete(key);
    this.paint();
  }

  setPending(id, pending) {
    if (pending) {
      this.pending.add(String(id));
    } else {
      this.pending.delete(String(id));
    }
    this.paint();
  }

  flash(id) {
    this.fresh.add(id);
    setTimeout(() => {
      this.fresh.delete(id);
      this.body.querySelector(`tr[data-alert-id="${CSS.escape(id)}"]`)?.classList.remove("is-new");
    }, 6000);
  }

  sorted() {
    const time = (a) => {
      const ms = new Date(a.createdAt).getTime();
      return Number.isFinite(ms) ? ms : 0;
    };
    const all = [...this.alerts.values()];
    const open = all.filter((a) => a.state === "open").sort((a, b) => time(b) - time(a));
    const closed = all.filter((a) => a.state !== "open").sort((a, b) => time(b) - time(a));
    for (const dropped of closed.slice(ALERT_KEEP_CLOSED)) {
      this.alerts.delete(String(dropped.id));
    }
    return [...open, ...closed.slice(0, ALERT_KEEP_CLOSED)];
  }

  get openCount() {
    let n = 0;
    for (const alert of this.alerts.values()) {
      if (alert.state === "open") {
        n++;
      }
    }
    return n;
  }

  kindLabel(kind) {
    return tOr(`alert.kind.${kind}`, String(kind ?? t("none")));
  }

  subject(alert) {
    if (alert.dossierId) {
      return alert.dossierId;
    }
    return alert.officerId ? t("alerts.officer", { id: alert.officerId }) : t("none");
  }

  paint() {
    const focusedId = this.root.contains(document.activeElement) ? document.activeElement.closest("tr")?.dataset.alertId : null;
    const rows = this.sorted().map((alert) => this.row(alert));
    this.body.replaceChildren(...rows);
    this.empty.hidden = !this.loaded || rows.length > 0;
    const open = this.openCount;
    setText(this.count, this.loaded ? t("alerts.openCount", { count: formatCount(open) }) : "");
    this.count.dataset.count = String(open);
    this.count.dataset.tone = open > 0 ? "bad" : "neutral";
    if (focusedId) {
      const row = this.body.querySelector(`tr[data-alert-id="${CSS.escape(focusedId)}"]`);
      (row?.querySelector("button:not([disabled])") ?? row)?.focus();
    }
  }

  row(alert) {
    const id = String(alert.id);
    const state = alert.state || "open";
    const kind = this.kindLabel(alert.kind);
    const subject = this.subject(alert);
    let action = null;
    if (state === "open") {
      const busy = this.pending.has(id);
      action = el("button", {
        type: "button",
        class: "btn btn-ack",
        disabled: busy,
        "aria-label": t("alerts.ackLabel", { kind, dossier: subject }),
        text: busy ? t("alerts.acking") : t("alerts.ack"),
        dataset: { testid: "ack-button" },
        onclick: () => this.onAck(alert),
      });
    }
    return el(
      "tr",
      {
        tabindex: "-1",
        class: this.fresh.has(id) ? "is-new" : null,
        dataset: { testid: "alert-row", alertId: id, state, kind: alert.kind },
      },
      el(
        "td",
        { class: "col-subject" },
        el("span", { class: `kind kind-${alert.kind}`, dataset: { testid: "alert-kind" }, text: kind }),
        el("span", { class: "mono nowrap subject", dataset: { testid: "alert-dossier" }, text: subject }),
      ),
      el("td", { dataset: { testid: "alert-unit" }, text: this.unitName(alert.unitId) }),
      el("td", { dataset: { testid: "alert-created" }, class: "nowrap", text: formatShortDateTime(alert.createdAt) }),
      el(
        "td",
        {},
        el(
          "div",
          { class: "col-state" },
          el("span", { class: `state state-${state}`, dataset: { testid: "alert-state" }, text: tOr(`alert.state.${state}`, state) }),
          action,
        ),
      ),
    );
  }
}
