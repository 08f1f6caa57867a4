// The unit tree (nation → province → commune, any depth), as a WAI-ARIA tree view with a roving
// tabindex: arrows move, Right/Left expand/collapse, Home/End jump, Enter/Space select.
// Children are rendered, and their stats asked for, only when their parent is first expanded.

import { t, formatCount, formatRatio } from "./i18n.js";
import { el, setText } from "./util.js";

/**
 * A ratio of the stats (onTimeRatio, lateRatio), or null when there is none: the API sends 0 for a unit that
 * received nothing, which is "no data", not 0 %.
 */
export function ratioOf(stats, key) {
  if (!stats || (typeof stats.received === "number" && stats.received <= 0)) {
    return null;
  }
  const value = stats[key];
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/** "good" | "warn" | "bad" | "none", from the late ratio (10 % is the rating threshold). */
export function health(stats) {
  if (!stats) {
    return "none";
  }
  const late = ratioOf(stats, "lateRatio");
  if (stats.flagged || (late !== null && late >= 0.1)) {
    return "bad";
  }
  if ((late !== null && late >= 0.05) || stats.overdue > 0) {
    return "warn";
  }
  return late !== null ? "good" : "none";
}

export class UnitTree {
  /**
   * @param {HTMLElement} root the <ul role="tree">
   * @param {{ onSelect: (id: string) => void, onNeedStats: (ids: string[]) => void }} handlers
   */
  constructor(root, handlers) {
    this.root = root;
    this.handlers = handlers;
    this.units = new Map();
    this.roots = [];
    this.selectedId = null;
    this.focusId = null;
    this.sequence = 0;
    root.addEventListener("keydown", (event) => this.onKeyDown(event));
    root.addEventListener("click", (event) => this.onClick(event));
  }

  /** Replaces the tree with a flat list [{ id, name, parentId, level, leaders }]. */
  setUnits(list) {
    const expanded = new Set([...this.units.values()].filter((u) => u.expanded).map((u) => u.id));
    const previous = this.units;
    this.units = new Map();
    for (const unit of list) {
      if (unit && typeof unit.id === "string" && !this.units.has(unit.id)) {
        this.units.set(unit.id, {
          id: unit.id,
          name: typeof unit.name === "string" && unit.name ? unit.name : unit.id,
          parentId: typeof unit.parentId === "string" ? unit.parentId : null,
          level: unit.level ?? null,
          leaders: Array.isArray(unit.leaders) ? unit.leaders : [],
          children: [],
          stats: previous.get(unit.id)?.stats ?? null,
          expanded: false,
          node: null,
        });
      }
    }
    // A unit whose parent is absent (null, or outside a scoped key's subtree) is a root.
    this.roots = [];
    for (const unit of this.units.values()) {
      const parent = unit.parentId ? this.units.get(unit.parentId) : null;
      if (parent && !this.isAncestor(unit.id, parent.id)) {
        parent.children.push(unit);
      } else {
        this.roots.push(unit);
      }
    }
    const byName = (a, b) => a.name.localeCompare(b.name, "vi", { numeric: true }) || a.id.localeCompare(b.id);
    this.roots.sort(byName);
    for (const unit of this.units.values()) {
      unit.children.sort(byName);
    }
    this.root.replaceChildren(...this.roots.map((unit) => this.renderNode(unit, 1)));
    for (const id of expanded) {
      if (this.units.has(id)) {
        this.setExpanded(id, true, { quiet: true });
      }
    }
    if (this.roots.length === 1 && this.roots[0].children.length > 0) {
      this.setExpanded(this.roots[0].id, true, { quiet: true });
    }
    this.handlers.onNeedStats(this.visibleIds());
    if (this.selectedId && this.units.has(this.selectedId)) {
      this.markSelected(this.selectedId);
    } else {
      this.selectedId = null;
    }
    this.setFocusable(this.selectedId ?? this.roots[0]?.id ?? null);
  }

  /** Guards against a cycle in parentId (bad data must not hang the page). */
  isAncestor(id, candidateParentId) {
    let current = candidateParentId;
    const seen = new Set();
    while (current && !seen.has(current)) {
      if (current === id) {
        return true;
      }
      seen.add(current);
      current = this.units.get(current)?.parentId ?? null;
    }
    return false;
  }

  has(id) {
    return this.units.has(id);
  }

  get firstRootId() {
    return this.roots[0]?.id ?? null;
  }

  unit(id) {
    return this.units.get(id) ?? null;
  }

  /** The unit and its ancestors, top first. */
  path(id) {
    const path = [];
    const seen = new Set();
    let unit = this.units.get(id);
    while (unit && !seen.has(unit.id)) {
      seen.add(unit.id);
      path.unshift(unit);
      unit = unit.parentId ? this.units.get(unit.parentId) : null;
    }
    return path;
  }

  renderNode(unit, level) {
    const key = `u${++this.sequence}`;
    const hasChildren = unit.children.length > 0;
    const name = el("span", { class: "tree-name", id: `${key}-name`, text: unit.name });
    const summary = el("span", { class: "sr-only", id: `${key}-sum` });
    const cell = (testid, cls) => el("span", { class: `tree-num ${cls}`, "aria-hidden": "true", dataset: { testid } });
    const row = el(
      "div",
      { class: "tree-row", dataset: { testid: `unit-row-${unit.id}` } },
      el("span", { class: "tree-toggle", "aria-hidden": "true", dataset: { toggle: "" } }),
      name,
      summary,
      cell("node-open", "num-open"),
      cell("node-overdue", "num-overdue"),
      cell("node-due-soon", "num-due-soon"),
      cell("node-on-time", "num-on-time"),
    );
    const item = el(
      "li",
      {
        role: "treeitem",
        "aria-level": level,
        "aria-selected": "false",
        "aria-expanded": hasChildren ? "false" : null,
        "aria-labelledby": `${key}-name ${key}-sum`,
        tabindex: "-1",
        class: hasChildren ? "tree-item has-children" : "tree-item",
        dataset: { testid: `unit-node-${unit.id}`, unitId: unit.id },
      },
      row,
    );
    unit.node = { item, row, summary, group: null, level };
    this.paintStats(unit);
    return item;
  }

  setExpanded(id, expanded, { quiet = false } = {}) {
    const unit = this.units.get(id);
    if (!unit || unit.children.length === 0 || unit.expanded === expanded) {
      return;
    }
    // Make sure the unit itself is rendered (its ancestors expanded).
    if (!unit.node) {
      if (unit.parentId) {
        this.setExpanded(unit.parentId, true, { quiet });
      }
      if (!unit.node) {
        return;
      }
    }
    unit.expanded = expanded;
    unit.node.item.setAttribute("aria-expanded", String(expanded));
    let fresh = [];
    if (expanded && !unit.node.group) {
      unit.node.group = el("ul", { role: "group" }, unit.children.map((child) => this.renderNode(child, unit.node.level + 1)));
      unit.node.item.append(unit.node.group);
      fresh = unit.children.map((child) => child.id);
    } else if (expanded) {
      fresh = unit.children.map((child) => child.id);
    }
    if (unit.node.group) {
      unit.node.group.hidden = !expanded;
    }
    if (!expanded && this.focusId && this.isAncestor(this.focusId, id)) {
      this.setFocusable(id);
    }
    if (fresh.length > 0 && !quiet) {
      this.handlers.onNeedStats(fresh);
    }
  }

  toggle(id) {
    const unit = this.units.get(id);
    if (unit) {
      this.setExpanded(id, !unit.expanded);
    }
  }

  /** Marks id as the selected unit, revealing it; focus moves there when asked. */
  select(id, { focus = false } = {}) {
    const unit = this.units.get(id);
    if (!unit) {
      return false;
    }
    for (const ancestor of this.path(id).slice(0, -1)) {
      this.setExpanded(ancestor.id, true);
    }
    this.markSelected(id);
    this.setFocusable(id);
    if (focus) {
      unit.node?.item.focus();
    }
    unit.node?.row.scrollIntoView({ block: "nearest" });
    return true;
  }

  markSelected(id) {
    if (this.selectedId && this.units.get(this.selectedId)?.node) {
      this.units.get(this.selectedId).node.item.setAttribute("aria-selected", "false");
    }
    this.selectedId = id;
    this.units.get(id)?.node?.item.setAttribute("aria-selected", "true");
  }

  setFocusable(id) {
    if (this.focusId && this.units.get(this.focusId)?.node) {
      this.units.get(this.focusId).node.item.tabIndex = -1;
    }
    this.focusId = id;
    const node = id ? this.units.get(id)?.node : null;
    if (node) {
      node.item.tabIndex = 0;
    }
  }

  updateStats(id, stats) {
    const unit = this.units.get(id);
    if (unit && stats) {
      unit.stats = stats;
      this.paintStats(unit);
    }
  }

  paintStats(unit) {
    if (!unit.node) {
      return;
    }
    const s = unit.stats;
    const row = unit.node.row;
    setText(row.querySelector(".num-open"), s ? formatCount(s.open) : t("none"));
    setText(row.querySelector(".num-overdue"), s ? formatCount(s.overdue) : t("none"));
    setText(row.querySelector(".num-due-soon"), s ? formatCount(s.dueSoon) : t("none"));
    setText(row.querySelector(".num-on-time"), formatRatio(ratioOf(s, "onTimeRatio")));
    row.querySelector(".num-overdue").classList.toggle("is-hot", Boolean(s && s.overdue > 0));
    row.dataset.health = health(s);
    setText(
      unit.node.summary,
      s
        ? `, ${t("tree.col.open")} ${formatCount(s.open)}, ${t("tree.col.overdue")} ${formatCount(s.overdue)}, ` +
            `${t("tree.col.dueSoon")} ${formatCount(s.dueSoon)}, ${t("tree.col.onTime")} ${formatRatio(ratioOf(s, "onTimeRatio"))}`
        : "",
    );
  }

  /** Re-renders words and numbers after a language switch. */
  relabel() {
    for (const unit of this.units.values()) {
      this.paintStats(unit);
    }
  }

  /** Ids of rendered units whose every ancestor is expanded, in display order. */
  visibleIds() {
    const ids = [];
    const walk = (units) => {
      for (const unit of units) {
        ids.push(unit.id);
        if (unit.expanded) {
          walk(unit.children);
        }
      }
    };
    walk(this.roots);
    return ids;
  }

  itemUnitId(target) {
    const item = target.closest?.('[role="treeitem"]');
    return item && this.root.contains(item) ? item.dataset.unitId : null;
  }

  onClick(event) {
    const id = this.itemUnitId(event.target);
    if (!id) {
      return;
    }
    event.stopPropagation();
    if (event.target.closest("[data-toggle]")) {
      this.toggle(id);
      this.setFocusable(id);
      this.units.get(id)?.node?.item.focus();
      return;
    }
    this.setExpanded(id, true);
    this.activate(id);
  }

  activate(id) {
    this.select(id, { focus: true });
    this.handlers.onSelect(id);
  }

  focusUnit(id) {
    if (!id) {
      return;
    }
    this.setFocusable(id);
    const node = this.units.get(id)?.node;
    node?.item.focus();
    node?.row.scrollIntoView({ block: "nearest" });
  }

  onKeyDown(event) {
    const id = this.itemUnitId(event.target);
    if (!id || event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    const unit = this.units.get(id);
    const visible = this.visibleIds();
    const index = visible.indexOf(id);
    let handled = true;
    switch (event.key) {
      case "ArrowDown":
        this.focusUnit(visible[Math.min(index + 1, visible.length - 1)]);
        break;
      case "ArrowUp":
        this.focusUnit(visible[Math.max(index - 1, 0)]);
        break;
      case "Home":
        this.focusUnit(visible[0]);
        break;
      case "End":
        this.focusUnit(visible[visible.length - 1]);
        break;
      case "ArrowRight":
        if (unit.children.length > 0 && !unit.expanded) {
          this.setExpanded(id, true);
        } else if (unit.expanded) {
          this.focusUnit(unit.children[0].id);
        }
        break;
      case "ArrowLeft":
        if (unit.expanded) {
          this.setExpanded(id, false);
        } else if (unit.parentId && this.units.get(unit.parentId)?.node) {
          this.focusUnit(unit.parentId);
        }
        break;
      case "Enter":
      case " ":
        this.activate(id);
        break;
      case "*":
        for (const sibling of this.units.get(unit.parentId)?.children.includes(unit) ? this.units.get(unit.parentId).children : this.roots) {
          this.setExpanded(sibling.id, true);
        }
        break;
      default:
        handled = false;
    }
    if (handled) {
      event.preventDefault();
      event.stopPropagation();
    }
  }
}
