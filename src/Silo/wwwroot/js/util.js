// Small DOM and timing helpers. Text always goes in through textContent, never as HTML.

/**
 * Creates an element: el("td", { class: "x", dataset: { testid: "y" }, text: "z" }, child, ...).
 * Attribute values of null/undefined/false are skipped; true sets an empty attribute.
 */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name === "text") {
      node.textContent = String(value);
    } else if (name === "class") {
      node.className = value;
    } else if (name === "dataset") {
      for (const [key, data] of Object.entries(value)) {
        if (data !== null && data !== undefined) {
          node.dataset[key] = String(data);
        }
      }
    } else if (name.startsWith("on") && typeof value === "function") {
      node.addEventListener(name.slice(2), value);
    } else {
      node.setAttribute(name, value === true ? "" : String(value));
    }
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) {
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }
  return node;
}

/** Sets text only when it changed (so aria-live regions announce real changes only). */
export function setText(node, text) {
  const value = String(text);
  if (node.textContent !== value) {
    node.textContent = value;
    return true;
  }
  return false;
}

/**
 * Runs fn at most once per intervalMs: the first call runs at once, later calls within the interval
 * collapse into one trailing run. cancel() drops a pending trailing run.
 */
export function throttle(fn, intervalMs) {
  let last = -Infinity;
  let timer = 0;
  const run = () => {
    timer = 0;
    last = performance.now();
    fn();
  };
  const throttled = () => {
    if (timer) {
      return;
    }
    const wait = last + intervalMs - performance.now();
    if (wait <= 0) {
      run();
    } else {
      timer = setTimeout(run, wait);
    }
  };
  throttled.cancel = () => {
    clearTimeout(timer);
    timer = 0;
  };
  return throttled;
}

/** Runs async tasks with at most `limit` in flight. */
export function createPool(limit) {
  let active = 0;
  const queue = [];
  const next = () => {
    if (active >= limit || queue.length === 0) {
      return;
    }
    active++;
    const { task, resolve, reject } = queue.shift();
    Promise.resolve()
      .then(task)
      .then(resolve, reject)
      .finally(() => {
        active--;
        next();
      });
  };
  return (task) =>
    new Promise((resolve, reject) => {
      queue.push({ task, resolve, reject });
      next();
    });
}

/** The storage the page keeps its key and choices in; tolerates browsers that refuse storage. */
export const store = {
  get(name) {
    try {
      return localStorage.getItem(name);
    } catch {
      return null;
    }
  },
  set(name, value) {
    try {
      if (value === null || value === undefined) {
        localStorage.removeItem(name);
      } else {
        localStorage.setItem(name, value);
      }
    } catch {
      // Private mode or a full quota: the page still works, it just forgets.
    }
  },
};
