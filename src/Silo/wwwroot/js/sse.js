// Server-sent events over fetch(). EventSource cannot send an Authorization header, so the page reads
// text/event-stream itself: SseParser follows the WHATWG "event stream interpretation" rules, and
// LiveStream keeps one stream open, reconnecting with exponential backoff and Last-Event-ID.

import { problemFrom } from "./api.js";

/**
 * Incremental parser for text/event-stream. Feed it decoded text in chunks of any size: a line, a CRLF
 * pair or a field may be split across chunks. Callbacks: onEvent({ type, data, id }), onComment(text),
 * onRetry(ms).
 */
export class SseParser {
  constructor({ onEvent, onComment, onRetry } = {}) {
    this.onEvent = onEvent || (() => {});
    this.onComment = onComment || (() => {});
    this.onRetry = onRetry || (() => {});
    this.buffer = "";
    this.skipLeadingLf = false;
    this.firstChunk = true;
    this.data = [];
    this.eventType = "";
    this.lastEventIdBuffer = "";
    /** The id of the last event seen (kept across events that carry no id), for Last-Event-ID. */
    this.lastEventId = "";
  }

  /** Parses a chunk of decoded text. */
  feed(chunk) {
    if (!chunk) {
      return;
    }
    let text = chunk;
    if (this.firstChunk) {
      this.firstChunk = false;
      if (text.charCodeAt(0) === 0xfeff) {
        text = text.slice(1);
      }
    }
    if (this.skipLeadingLf) {
      this.skipLeadingLf = false;
      if (text.startsWith("\n")) {
        text = text.slice(1);
      }
    }
    this.buffer += text;

    let start = 0;
    for (let i = 0; i < this.buffer.length; i++) {
      const ch = this.buffer.charCodeAt(i);
      if (ch !== 10 && ch !== 13) {
        continue;
      }
      const line = this.buffer.slice(start, i);
      if (ch === 13) {
        if (i + 1 < this.buffer.length) {
          if (this.buffer.charCodeAt(i + 1) === 10) {
            i++;
          }
        } else {
          // A CR at the very end: its LF, if any, comes with the next chunk.
          this.skipLeadingLf = true;
        }
      }
      start = i + 1;
      this.processLine(line);
    }
    this.buffer = this.buffer.slice(start);
  }

  /** Call when the stream ends: an event without its blank line is discarded, as the spec says. */
  end() {
    this.buffer = "";
    this.data = [];
    this.eventType = "";
    this.skipLeadingLf = false;
  }

  processLine(line) {
    if (line === "") {
      this.dispatch();
      return;
    }
    if (line.startsWith(":")) {
      this.onComment(line.slice(1).replace(/^ /, ""));
      return;
    }
    const colon = line.indexOf(":");
    let field = line;
    let value = "";
    if (colon >= 0) {
      field = line.slice(0, colon);
      value = line.slice(colon + 1);
      if (value.startsWith(" ")) {
        value = value.slice(1);
      }
    }
    switch (field) {
      case "event":
        this.eventType = value;
        break;
      case "data":
        this.data.push(value);
        break;
      case "id":
        if (!value.includes("\0")) {
          this.lastEventIdBuffer = value;
        }
        break;
      case "retry":
        if (/^\d+$/.test(value)) {
          this.onRetry(Number(value));
        }
        break;
      default:
        break; // Unknown fields are ignored.
    }
  }

  dispatch() {
    this.lastEventId = this.lastEventIdBuffer;
    if (this.data.length === 0) {
      this.eventType = "";
      return;
    }
    const event = { type: this.eventType || "message", data: this.data.join("\n"), id: this.lastEventId };
    this.data = [];
    this.eventType = "";
    this.onEvent(event);
  }
}

function sleep(ms, signal) {
  return new Promise((resolve) => {
    if (signal.aborted) {
      resolve();
      return;
    }
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}

/**
 * One live stream: fetch + ReadableStream + SseParser, reconnecting until stop().
 * Options: url, headers() (fresh Headers per attempt), onEvent(event), onStatus(state, detail),
 * onOpen({ reconnect }), onUnauthorized(apiError), onError(apiError | Error).
 * States: "connecting", "live", "reconnecting" (detail: { delayMs }), "stopped".
 */
export class LiveStream {
  constructor(options) {
    this.options = options;
    this.initialRetryMs = options.initialRetryMs ?? 1000;
    this.maxRetryMs = options.maxRetryMs ?? 30000;
    // With no byte (not even a keepalive comment) for this long, the connection is presumed dead.
    this.idleTimeoutMs = options.idleTimeoutMs ?? 65000;
    this.lastEventId = options.lastEventId ?? "";
    this.stopController = new AbortController();
    this.connections = 0;
  }

  start() {
    this.run().catch((error) => this.options.onError?.(error));
    return this;
  }

  stop() {
    if (!this.stopController.signal.aborted) {
      this.stopController.abort();
      this.options.onStatus?.("stopped");
    }
  }

  get stopped() {
    return this.stopController.signal.aborted;
  }

  async run() {
    let attempt = 0;
    let retryBaseMs = this.initialRetryMs;
    while (!this.stopped) {
      this.options.onStatus?.("connecting");
      const connection = new AbortController();
      const abortConnection = () => connection.abort();
      this.stopController.signal.addEventListener("abort", abortConnection, { once: true });
      let watchdog = 0;
      const armWatchdog = () => {
        clearTimeout(watchdog);
        watchdog = setTimeout(() => connection.abort(), this.idleTimeoutMs);
      };
      let delivered = false;
      let giveUp = false;
      try {
        const headers = this.options.headers();
        headers.set("Accept", "text/event-stream");
        if (this.lastEventId) {
          headers.set("Last-Event-ID", this.lastEventId);
        }
        armWatchdog();
        const response = await fetch(this.options.url, {
          headers,
          cache: "no-store",
          credentials: "omit",
          signal: connection.signal,
        });
        if (!response.ok) {
          const problem = await problemFrom(response);
          if (problem.isUnauthorized) {
            giveUp = true;
            this.options.onUnauthorized?.(problem);
          } else {
            attempt = Math.max(attempt, 4); // A refusal will not clear up in a second.
            this.options.onError?.(problem);
          }
        } else if (!(response.headers.get("content-type") || "").includes("text/event-stream")) {
          this.options.onError?.(new Error(`Not an event stream: ${response.headers.get("content-type")}`));
        } else {
          this.connections++;
          this.options.onStatus?.("live");
          this.options.onOpen?.({ reconnect: this.connections > 1 });
          const parser = new SseParser({
            onEvent: (event) => {
              delivered = true;
              this.lastEventId = parser.lastEventId;
              this.options.onEvent(event);
            },
            onRetry: (ms) => {
              retryBaseMs = Math.min(Math.max(ms, 250), this.maxRetryMs);
            },
          });
          parser.lastEventIdBuffer = this.lastEventId;
          const reader = response.body.getReader();
          const decoder = new TextDecoder("utf-8");
          for (;;) {
            const { value, done } = await reader.read();
            if (done) {
              break;
            }
            armWatchdog();
            parser.feed(decoder.decode(value, { stream: true }));
          }
          parser.feed(decoder.decode());
          parser.end();
          this.lastEventId = parser.lastEventId || this.lastEventId;
        }
      } catch (error) {
        if (this.stopped) {
          break;
        }
        if (error?.name !== "AbortError" && error?.name !== "TypeError") {
          this.options.onError?.(error);
        }
      } finally {
        clearTimeout(watchdog);
        this.stopController.signal.removeEventListener("abort", abortConnection);
      }
      if (this.stopped || giveUp) {
        break;
      }
      if (delivered) {
        attempt = 0;
      }
      const ceiling = Math.min(this.maxRetryMs, retryBaseMs * 2 ** attempt);
      const delayMs = Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
      attempt = Math.min(attempt + 1, 10);
      this.options.onStatus?.("reconnecting", { delayMs });
      await sleep(delayMs, this.stopController.signal);
    }
  }
}
