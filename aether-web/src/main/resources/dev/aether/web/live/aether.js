/* Aether live runtime: attaches a server-rendered page to its live session, sends DOM events,
   applies patches. No build step; plain modern JavaScript in parts. The protocol is in docs/ui.md. */
(() => {
  "use strict";

  // ---- constants
  // LiveProtocol's values the runtime uses, as JSON between the markers: RuntimeProtocolTest checks they agree.
  const PROTOCOL = /* PROTOCOL: */ {
    "Paths": { "LIVE": "/_aether/live", "SESSION_PARAM": "s", "LAST_SEEN_PARAM": "last", "FIRST_EVENTS_PARAM": "first" },
    "RuntimeEvents": { "PATCHED": "aether:patched", "STATUS": "aether:status", "FIRST_EVENTS": "aether:first-events", "RESUMED": "aether:resumed" },
    "Inbound": { "EVENT": "e", "ACK": "a" },
    "Outbound": { "RESUME": "resume" },
    "Op": { "TEXT": "t", "ATTRIBUTE": "a", "CLASS": "c", "STYLE": "y", "REGION": "r", "LIST": "l", "ERROR": "!" },
    "ListOp": { "REMOVE": "-", "INSERT": "+", "MOVE": "m", "UPDATE": "u" },
    "Close": { "FORBIDDEN_ORIGIN": 4403, "SESSION_GONE": 4404, "REPLACED": 4409, "PAGE_LEFT": "page closed" },
    "Markup": { "ELEMENT_ID": "data-ae", "EVENTS": "data-ae-on", "SESSION": "data-session", "LIVE": "data-live",
      "MARKER_PREFIX": "ae:", "TEXT_MARKER": "t", "LIST_MARKER": "l", "ROW_MARKER": "k" }
  } /* :PROTOCOL */;
  const { Paths, RuntimeEvents, Inbound, Outbound, Op, ListOp, Close, Markup } = PROTOCOL;
  const ELEMENT = Node.ELEMENT_NODE, TEXT = Node.TEXT_NODE, COMMENT = Node.COMMENT_NODE;
  const ELEMENTS_AND_COMMENTS = NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_COMMENT;
  const ACK_DELAY = 1000, BACKOFF_FIRST = 100, BACKOFF_MAX = 5000, RELOAD_LOOP_GUARD = 30000; // ms
  const NOWHERE = 1e9, NORMAL_CLOSURE = 1000;

  const me = document.currentScript, D = document, H = D.documentElement;
  const token = me.getAttribute(Markup.SESSION), path = me.getAttribute(Markup.LIVE);
  const KEY = "aether:restore:" + location.pathname;

  // ---- markers: elements by data-ae, regions by comment
  const marks = new Map(), elements = new Map();
  function index(root) {
    if (root.nodeType === ELEMENT && root.hasAttribute(Markup.ELEMENT_ID)) elements.set(root.getAttribute(Markup.ELEMENT_ID), root);
    const w = D.createTreeWalker(root, ELEMENTS_AND_COMMENTS);
    let n;
    while ((n = w.nextNode())) {
      if (n.nodeType === COMMENT) { if (n.data.startsWith(Markup.MARKER_PREFIX)) marks.set(n.data.slice(Markup.MARKER_PREFIX.length), n); }
      else if (n.hasAttribute(Markup.ELEMENT_ID)) elements.set(n.getAttribute(Markup.ELEMENT_ID), n);
      if (n.nodeType === ELEMENT && n.hasAttribute(Markup.EVENTS)) listen(n);
    }
  }
  const live = (n) => n && n.isConnected ? n : null;
  function reindex() { marks.clear(); elements.clear(); index(D.body || H); }
  function find(map, key) {
    let n = live(map.get(key));
    if (!n) { reindex(); n = map.get(key); }
    return n;
  }
  const mark = (key) => find(marks, key);
  const el = (id) => find(elements, id);
  function end(start) { // the closing marker of region start
    const close = "/" + start.data.split(" ")[0];
    let n = start.nextSibling;
    while (n && !(n.nodeType === COMMENT && n.data === close)) n = n.nextSibling;
    return n;
  }
  function html(s) { const t = D.createElement("template"); t.innerHTML = s; index(t.content); return t.content; }
  function clear(from, to) { while (from.nextSibling && from.nextSibling !== to) from.parentNode.removeChild(from.nextSibling); }

  // ---- input ownership: while the user types, the browser owns the value
  // Owned: an event of it is waiting (debounced) or unanswered, or it was typed into (focused)
  // since: a value the server sends meanwhile waits until it is not owned. No keystroke is lost.
  const controls = new WeakMap(); // control → { hold, seq, typed, value (kept while owned), at (below) }
  function control(e) {
    let c = controls.get(e);
    if (!c) controls.set(e, c = { hold: false, seq: 0, typed: false, value: undefined, at: null });
    return c;
  }
  const pending = new Set();
  function owned(e) { const c = control(e); return c.hold || c.seq > acked || (c.typed && e === D.activeElement); }
  function setValue(e, v, held) {
    if (!held && rebased(e, v == null ? "" : v)) return;
    if (owned(e)) { control(e).value = v; pending.add(e); return; }
    control(e).value = undefined; pending.delete(e);
    if (e.type === "checkbox" || e.type === "radio") e.checked = v != null; else if (e.value !== v) e.value = v == null ? "" : v;
  }
  function settle() { pending.forEach((e) => { if (!owned(e)) setValue(e, control(e).value, true); }); }

  // ---- answers apply as of their event
  // The server's value in its answer to event A is the value as of A: what was typed since is
  // rebased on it (type "a", submit, type "b": the server's "" becomes "b"). Each text control
  // keeps its value as of each unanswered event (at: [seq, value]...). Events after an unanswered
  // submit wait (later) to carry rebased values; an edit overlapping the server's is held instead.
  let asOf = 0, sentUpTo = 0, submitting = 0;
  const later = []; // [message, [[control, data, key]...]]: data[key] is rebased
  function remember(seq) {
    D.querySelectorAll("input[" + Markup.ELEMENT_ID + "],textarea[" + Markup.ELEMENT_ID + "]").forEach((c) => {
      const h = control(c).at = control(c).at || [];
      while (h.length > 1 && h[1][0] <= acked) h.shift(); // bounded: the value as of the last answer, and after
      if (!h.length || h[h.length - 1][1] !== c.value) h.push([seq, c.value]);
    });
  }
  function rebased(e, v) {
    const h = control(e).at;
    let i = h ? h.length : 0;
    if (!i || e.type === "checkbox" || e.type === "radio") return false;
    while (i && h[i - 1][0] > asOf) i--;
    if (!i) return false;
    const b = h[i - 1][1], cur = e.value, r = rebase(b, cur, v);
    h.splice(0, i, [asOf, v]);
    if (!r) return false;
    h.forEach((x) => { const w = x[0] > sentUpTo && rebase(b, x[1], v); if (w) x[1] = w[0]; });
    later.forEach((q) => q[1].forEach(([c, data, k]) => { const w = c === e && rebase(b, data[k], v); if (w) data[k] = w[0]; }));
    control(e).value = undefined; pending.delete(e);
    if (cur !== r[0]) {
      const at = e === D.activeElement && caret(e);
      e.value = r[0];
      if (at) try { e.setSelectionRange(at[0] >= r[1] ? at[0] + r[2] : at[0], at[1] >= r[1] ? at[1] + r[2] : at[1]); } catch (x) { /* no caret */ }
    }
    return true;
  }
  // Three-way merge of one edit each: [merged, where mine's later text starts, its shift] or null.
  function rebase(b, mine, theirs) {
    if (theirs === b || theirs === mine) return [mine, 0, 0];
    if (mine === b) return [theirs, NOWHERE, 0];
    const p = common(b, mine, 0, 0), s = common(b, mine, 1, p), q = common(b, theirs, 0, 0), t = common(b, theirs, 1, q), d = theirs.length - b.length;
    if (b.length - t <= p) return [theirs.slice(0, theirs.length - b.length + p) + mine.slice(p), p, d];
    if (q >= b.length - s) return [mine.slice(0, mine.length - b.length + q) + theirs.slice(q), mine.length - b.length + q, d];
    return null;
  }
  function common(a, b, back, skip) {
    let n = 0;
    const m = Math.min(a.length, b.length) - skip;
    while (n < m && (back ? a[a.length - 1 - n] === b[b.length - 1 - n] : a[n] === b[n])) n++;
    return n;
  }
  function caret(e) { try { return e.selectionStart == null ? null : [e.selectionStart, e.selectionEnd]; } catch (x) { return null; } }
  function queue(m, e, ev) { // behind an unanswered submit
    const f = [], data = m[4];
    if (ev.type === "submit") Object.keys(data).forEach((k) => { const c = e.elements[k]; if (c && c.nodeType === ELEMENT) f.push([c, data, k]); });
    else if (data.value != null) f.push([ev.target, data, "value"]);
    later.push([m, f]);
  }
  function answered() {
    outbox = outbox.filter((m) => m[1] > acked);
    if (submitting && acked >= submitting) submitting = 0;
    while (later.length && !submitting) transmit(later.shift()[0]);
  }

  // ---- patches
  const ops = {
    [Op.TEXT](id, text) { // between the markers t<id>, or a textarea's value: one index walk at most
      let m = live(marks.get(Markup.TEXT_MARKER + id)), e = live(elements.get(id));
      if (!m && !e) { reindex(); m = marks.get(Markup.TEXT_MARKER + id); e = elements.get(id); }
      if (m) {
        const n = m.nextSibling;
        if (n && n.nodeType === TEXT && n.nextSibling && n.nextSibling.nodeType === COMMENT) n.data = text;
        else { clear(m, end(m)); m.parentNode.insertBefore(D.createTextNode(text), m.nextSibling); }
      } else if (e) setValue(e, text);
    },
    [Op.ATTRIBUTE](id, name, value) {
      const e = el(id); if (!e) return;
      if (value == null) e.removeAttribute(name); else e.setAttribute(name, value);
      if ((name === "value" || name === "checked") && "value" in e) setValue(e, name === "value" ? value : (value == null ? null : "on"));
    },
    [Op.CLASS](id, name, on) { const e = el(id); if (e) e.classList.toggle(name, !!on); },
    [Op.STYLE](id, prop, value) { const e = el(id); if (e) { if (value == null) e.style.removeProperty(prop); else e.style.setProperty(prop, value); } },
    [Op.REGION](region, s) { const m = mark(region); if (m) { const z = end(m); clear(m, z); z.parentNode.insertBefore(html(s), z); } },
    [Op.LIST](id, list) {
      const start = mark(Markup.LIST_MARKER + id); if (!start) return;
      const stop = end(start), rowMarker = Markup.ROW_MARKER + id + " ", prefix = Markup.MARKER_PREFIX + rowMarker;
      function row(key) { // the nodes of one row: its marker up to the next row's or the list's end
        const m = mark(rowMarker + key), nodes = [];
        if (!m) return nodes;
        for (let n = m; n && n !== stop && !(n !== m && n.nodeType === COMMENT && n.data.startsWith(prefix)); n = n.nextSibling) nodes.push(n);
        return nodes;
      }
      function put(nodes, after) {
        const anchor = after == null ? start : row(after).pop();
        const ref = anchor.nextSibling;
        nodes.forEach((n) => start.parentNode.insertBefore(n, ref));
      }
      list.forEach((op) => {
        if (op[0] === ListOp.REMOVE) row(op[1]).forEach((n) => n.remove());
        else if (op[0] === ListOp.INSERT) put([...html(op[3]).childNodes], op[2]);
        else if (op[0] === ListOp.MOVE) put(row(op[1]), op[2]);
        else if (op[0] === ListOp.UPDATE) {
          const old = row(op[1]), fresh = [...html(op[2]).childNodes];
          fresh.forEach((n) => old[0].parentNode.insertBefore(n, old[0])); old.forEach((n) => n.remove());
        }
      });
    },
    [Op.ERROR](seq, message) { console.warn("aether: event " + seq + ": " + message); }
  };
  function apply([seq, patches, answeredUpTo]) {
    if (seq > 0) {
      if (seq <= seen) return;
      if (seq !== seen + 1) { ws.close(); return; } // a gap: reconnect and replay
      seen = seq;
    }
    asOf = answeredUpTo;
    patches.forEach((p) => { const f = ops[p[0]]; if (f) f(...p.slice(1)); });
    if (answeredUpTo > acked) acked = answeredUpTo;
    answered();
    settle();
    if (seq > 0 && !ackTimer) ackTimer = setTimeout(() => { ackTimer = 0; send([Inbound.ACK, seen]); }, ACK_DELAY);
    H.dispatchEvent(new CustomEvent(RuntimeEvents.PATCHED, { detail: { seq: seen } }));
  }

  // ---- events
  // "click keydown.key-Enter" → { click: [{ mods: {}, n: 0 }], keydown: [{ mods: { key: "Enter" }, n: 0 }] }
  function parseSpec(spec) {
    const byType = {};
    spec.split(" ").forEach((token) => {
      const [type, ...modifiers] = token.split(".");
      const list = byType[type] = byType[type] || [], s = { mods: {}, n: list.length };
      modifiers.forEach((m) => { const i = m.indexOf("-"); s.mods[i < 0 ? m : m.slice(0, i)] = i < 0 ? true : m.slice(i + 1); });
      list.push(s);
    });
    return byType;
  }
  const specs = new WeakMap(); // element → { spec, byType }
  function specsOf(e) {
    const spec = e.getAttribute(Markup.EVENTS);
    let s = specs.get(e);
    if (!s || s.spec !== spec) specs.set(e, s = { spec, byType: parseSpec(spec) });
    return s.byType;
  }
  const listening = new Set(), timers = new Map();
  let sent = 0;
  function listen(e) {
    Object.keys(specsOf(e)).forEach((type) => {
      if (!listening.has(type)) { listening.add(type); D.addEventListener(type, dispatch, true); }
    });
  }
  function dispatch(ev) {
    for (let e = ev.target; e && e.nodeType === ELEMENT; e = e.parentNode) {
      if (!e.hasAttribute(Markup.EVENTS)) continue;
      let stop = false;
      (specsOf(e)[ev.type] || []).forEach((s) => {
        if (s.mods.key && (ev.key || "").toLowerCase() !== s.mods.key.toLowerCase()) return;
        if (s.mods.prevent || ev.type === "submit") ev.preventDefault();
        if (s.mods.stop) stop = true;
        schedule(e, ev, s);
      });
      if (stop) { ev.stopPropagation(); return; }
    }
  }
  function schedule(e, ev, s) {
    const key = e.getAttribute(Markup.ELEMENT_ID) + " " + ev.type + " " + s.n, fire = () => emit(e, ev, s.n);
    if (s.mods.debounce) {
      const t = ev.target; if (t && "value" in t) control(t).hold = true;
      clearTimeout(timers.get(key));
      timers.set(key, setTimeout(() => { if (t) control(t).hold = false; fire(); }, +s.mods.debounce));
    } else if (s.mods.throttle) {
      let state = timers.get(key);
      if (state) { state.trail = fire; return; }
      fire();
      state = { trail: null }; timers.set(key, state);
      const tick = () => setTimeout(() => {
        if (state.trail) { const f = state.trail; state.trail = null; f(); tick(); } else timers.delete(key);
      }, +s.mods.throttle);
      tick();
    } else fire();
  }
  function payload(e, ev) {
    const data = {}, t = ev.target;
    if (ev.type === "submit") { new FormData(e, ev.submitter || null).forEach((v, k) => { if (typeof v === "string") data[k] = v; }); return data; }
    if (t && "value" in t && t.nodeType === ELEMENT && /^(INPUT|TEXTAREA|SELECT|BUTTON|OPTION)$/.test(t.tagName)) data.value = String(t.value);
    if (t && (t.type === "checkbox" || t.type === "radio")) data.checked = String(t.checked);
    if (ev.key !== undefined) data.key = ev.key;
    return data;
  }
  function emit(e, ev, n) { // m: [EVENT, seq, id, type, {data}, lastSeen, n if not 0]
    const m = [Inbound.EVENT, ++sent, e.getAttribute(Markup.ELEMENT_ID), ev.type, payload(e, ev), seen];
    if (n) m.push(n);
    if (ev.target && "value" in ev.target) Object.assign(control(ev.target), { seq: sent, typed: false });
    if (ev.type === "submit") e.querySelectorAll("input,textarea,select").forEach((x) => { control(x).typed = false; });
    remember(sent);
    if (submitting) queue(m, e, ev); else transmit(m);
  }
  function transmit(m) {
    sentUpTo = m[1];
    if (m[3] === "submit") submitting = m[1];
    m[5] = seen; outbox.push(m); send(m);
  }
  function send(m) { if (ws && ws.readyState === WebSocket.OPEN) { ws.send(JSON.stringify(m)); m.transmitted = true; } }

  // ---- the connection
  let ws = null, seen = 0, acked = 0, outbox = [], tries = 0, stopped = false, ackTimer = 0, hold = 0, attached = false, firstUpTo = 0;
  function status(s) {
    H.classList.remove("ae-connecting", "ae-connected", "ae-disconnected");
    H.classList.add("ae-" + s);
    H.dispatchEvent(new CustomEvent(RuntimeEvents.STATUS, { detail: { status: s } }));
  }
  function connect() {
    status(tries ? "disconnected" : "connecting");
    // until attached, the parts' first events go first: the server runs them before its first frame
    const first = attached ? [] : outbox.filter((x) => x[1] <= firstUpTo);
    const url = (location.protocol === "https:" ? "wss://" : "ws://") + location.host + path
      + "?" + Paths.SESSION_PARAM + "=" + encodeURIComponent(token) + "&" + Paths.LAST_SEEN_PARAM + "=" + seen
      + (first.length ? "&" + Paths.FIRST_EVENTS_PARAM + "=" + first.length : "");
    const socket = ws = new WebSocket(url);
    socket.onopen = () => { tries = 0; status("connected"); first.forEach(send); };
    socket.onmessage = (m) => {
      const frame = JSON.parse(m.data);
      if (frame[0] === Outbound.RESUME) resume(socket, frame[1]); else apply(frame);
    };
    socket.onclose = (c) => {
      if (ws !== socket || stopped) return;
      ws = null;
      // 4404: session gone; 4409: taken over (a copy of this tab): render afresh either way
      if (c.code === Close.SESSION_GONE || c.code === Close.REPLACED) return restart();
      if (c.code === Close.FORBIDDEN_ORIGIN) { stopped = true; return status("disconnected"); }
      status("disconnected");
      const delay = Math.max(Math.min(BACKOFF_MAX, BACKOFF_FIRST * 2 ** tries++) * (0.75 + Math.random() / 2), hold - Date.now());
      setTimeout(connect, delay);
    };
  }
  // After each (re)connection's replay: send again what the server has not run.
  function resume(socket, answeredUpTo) {
    attached = true;
    if (answeredUpTo > acked) acked = answeredUpTo;
    outbox = outbox.filter((x) => x[1] > acked);
    outbox.forEach((x) => { x[5] = seen; x.transmitted = true; socket.send(JSON.stringify(x)); });
    answered();
    settle();
    H.dispatchEvent(new CustomEvent(RuntimeEvents.RESUMED));
  }
  // The session is gone (expired, server restarted): reload, keeping what was typed.
  function restart() {
    stopped = true;
    // refused before attaching, just after a reload (cookies blocked?): no reload loop
    try {
      if (!attached && Date.now() - (+sessionStorage.getItem(KEY + "!") || 0) < RELOAD_LOOP_GUARD) return status("disconnected");
      sessionStorage.setItem(KEY + "!", Date.now());
    } catch (x) { if (!attached) return status("disconnected"); }
    const saved = [];
    D.querySelectorAll("input[name], textarea[name], select[name]").forEach((e) => {
      if (/^(password|hidden|file|submit|button)$/.test(e.type)) return;
      saved.push([e.name, e.type === "checkbox" || e.type === "radio" ? (e.checked ? e.value : null) : e.value, e.type]);
    });
    try { sessionStorage.setItem(KEY, JSON.stringify(saved)); } catch (x) { /* storage off: nothing to restore */ }
    keep();
    location.reload();
  }

  // ---- restore
  function restore() {
    let saved;
    try { saved = JSON.parse(sessionStorage.getItem(KEY) || "null"); sessionStorage.removeItem(KEY); } catch (x) { return; }
    (saved || []).forEach(([name, value, type]) => {
      D.querySelectorAll('[name="' + CSS.escape(name) + '"]').forEach((e) => {
        const box = type === "checkbox" || type === "radio" || e.tagName === "SELECT";
        if (box) { const on = value !== null && e.value === value; if (e.checked === on) return; e.checked = on; }
        else { if (e.value === value) return; e.value = value; }
        // to the server, not as a user edit: no DOM event, no "change" for text (not committed)
        synthetic(e, "input");
        if (box) synthetic(e, "change");
      });
    });
  }
  function synthetic(e, type) { dispatch({ type, target: e, preventDefault() {}, stopPropagation() {} }); }

  // ---- after the grace period: the page is new, what the user did is not lost
  // Kept across the reload: the focus and caret, and the old session's unanswered events. One that
  // never left is sent again if its element is still there (same id, tag, handlers, text); others are listed.
  const LOST = "aether:lost:" + location.pathname;
  function sig(e) { return e ? e.tagName + " " + e.getAttribute(Markup.EVENTS) + " " + e.textContent.trim().slice(0, 80) : ""; }
  function keep() {
    const a = D.activeElement, c = a && a !== D.body ? caret(a) : null;
    const lost = outbox.filter((m) => m[1] > acked).concat(later.map((q) => q[0]))
      .map((m) => [m[2], m[3], m[4], m[6] || 0, sig(el(m[2])), m.transmitted ? 1 : 0, describe(el(m[2]), m)]);
    try { sessionStorage.setItem(LOST, JSON.stringify({ focus: a && a !== D.body ? [a.id, a.name, c] : null, lost })); } catch (x) { /* storage off */ }
  }
  function describe(e, m) {
    if (!e) return m[3];
    const s = e.tagName === "FORM" ? (e.querySelector("[type=submit]") || e).textContent.trim() : e.textContent.trim() || e.name || m[3];
    const v = Object.keys(m[4]).filter((k) => k !== "value" || m[3] !== "click")
      .map((k) => { const x = e.elements && e.elements[k]; return x && x.type === "hidden" ? "" : k + ": " + m[4][k]; }).filter(Boolean);
    return "“" + s.slice(0, 40) + "”" + (v.length ? " (" + v.join(", ").slice(0, 80) + ")" : "");
  }
  function recover() {
    let k;
    try { k = JSON.parse(sessionStorage.getItem(LOST) || "null"); sessionStorage.removeItem(LOST); } catch (x) { return; }
    if (!k) return;
    const f = k.focus, e = f && (f[0] && D.getElementById(f[0]) || f[1] && D.querySelector('[name="' + CSS.escape(f[1]) + '"]'));
    if (e) { e.focus(); if (f[2]) try { e.setSelectionRange(f[2][0], f[2][1]); } catch (x) { /* no caret */ } }
    const dropped = [];
    k.lost.forEach(([id, type, data, n, signature, transmitted, description]) => {
      const t = el(id);
      if (transmitted || !t || sig(t) !== signature) { dropped.push(description + (transmitted ? " (may not have run)" : "")); return; }
      const m = [Inbound.EVENT, ++sent, id, type, data, seen];
      if (n) m.push(n);
      remember(sent);
      if (submitting) later.push([m, []]); else transmit(m);
    });
    if (dropped.length) notice("The connection was lost for too long and the page was loaded again. Not done: " + dropped.join("; ") + ".");
  }
  function notice(text) {
    const n = D.createElement("div"), b = D.createElement("button");
    n.className = "ae-notice"; n.setAttribute("role", "alert"); n.textContent = text + " ";
    n.style.cssText = "position:fixed;left:1rem;right:1rem;bottom:1rem;z-index:2147483647;padding:.75rem 1rem;border-radius:.5rem;background:#fff4e5;color:#5c3b00;border:1px solid #f0b54a;font:14px/1.4 system-ui,sans-serif;box-shadow:0 2px 8px #0003";
    b.textContent = "Dismiss"; b.onclick = () => n.remove();
    n.appendChild(b); D.body.appendChild(n);
  }

  // ---- start
  D.addEventListener("input", (ev) => { control(ev.target).typed = true; }, true); // before the event listeners
  index(D.body || H);
  D.addEventListener("focusout", () => setTimeout(settle, 0), true);
  addEventListener("pagehide", () => { stopped = true; if (ws) ws.close(NORMAL_CLOSURE, Close.PAGE_LEFT); });
  H.dispatchEvent(new Event(RuntimeEvents.FIRST_EVENTS)); // parts fire the DOM events to send first (persist)
  firstUpTo = sent;
  connect();
  restore();
  recover();
  window.Aether = { status: () => ["connecting", "connected", "disconnected"].find((s) => H.classList.contains("ae-" + s)),
    // Drops the connection as a network failure would, and stays offline for holdMillis (default 0).
    drop(holdMillis) { hold = Date.now() + (holdMillis || 0); if (ws) ws.close(); } };
  if (me.hasAttribute("data-ae-test")) { // a test page's (RuntimePartsBrowserTest), never a production page's
    window.AetherTest = { PROTOCOL, rebase, parseSpec, specsOf, mark, el, apply,
      state: () => ({ stopped, outbox: outbox.length }) };
  }
})();
