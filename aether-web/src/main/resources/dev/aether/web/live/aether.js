/* Aether live runtime: attaches a server-rendered page to its live session, sends DOM events,
   applies patches. No build step; plain modern JavaScript. The protocol is in docs/ui.md. */
(function () {
  "use strict";
  var me = document.currentScript, D = document, H = D.documentElement;
  var token = me.dataset.session, path = me.dataset.live;
  var KEY = "aether:restore:" + location.pathname;
  var ws = null, seen = 0, sent = 0, acked = 0, outbox = [], tries = 0, stopped = false, ackTimer = 0, resuming = false, hold = 0, attached = false;
  var marks = new Map(), elements = new Map(), pending = new Set(), listening = new Set(), timers = new Map();

  // ---- finding what the server renders: elements by data-ae, markers by comment ----------
  function index(root) {
    if (root.nodeType === 1 && root.hasAttribute("data-ae")) elements.set(root.getAttribute("data-ae"), root);
    var w = D.createTreeWalker(root, 129), n;
    while ((n = w.nextNode())) {
      if (n.nodeType === 8) { if (n.data.slice(0, 3) === "ae:") marks.set(n.data.slice(3), n); }
      else if (n.hasAttribute("data-ae")) elements.set(n.getAttribute("data-ae"), n);
      if (n.nodeType === 1 && n.hasAttribute("data-ae-on")) listen(n.getAttribute("data-ae-on"));
    }
  }
  function live(n) { return n && n.isConnected ? n : null; }
  function reindex() { marks.clear(); elements.clear(); index(D.body || H); }
  function find(map, key) {
    var n = live(map.get(key));
    if (!n) { reindex(); n = map.get(key); }
    return n;
  }
  function mark(key) { return find(marks, key); }
  function el(id) { return find(elements, id); }
  function end(start) { // the closing marker of region start
    var close = "/" + start.data.split(" ")[0], n = start.nextSibling;
    while (n && !(n.nodeType === 8 && n.data === close)) n = n.nextSibling;
    return n;
  }
  function html(s) { var t = D.createElement("template"); t.innerHTML = s; index(t.content); return t.content; }
  function clear(from, to) { while (from.nextSibling && from.nextSibling !== to) from.parentNode.removeChild(from.nextSibling); }

  // ---- input ownership: while the user types, the browser owns the value ----------------
  // Owned: an event of this control is waiting (debounced) or not yet run by the server, or the
  // user typed into it (focused) since its last event. A value the server sends meanwhile is
  // kept and applied once the control is no longer owned, so no keystroke is ever lost.
  function owned(e) { return e._aeHold || (e._aeSeq || 0) > acked || (e._aeTyped && e === D.activeElement); }
  function setValue(e, v) {
    if (owned(e)) { e._aeValue = v; pending.add(e); return; }
    delete e._aeValue; pending.delete(e);
    if (e.type === "checkbox" || e.type === "radio") e.checked = v != null; else if (e.value !== v) e.value = v == null ? "" : v;
  }
  function settle() { pending.forEach(function (e) { if (!owned(e)) setValue(e, e._aeValue); }); }

  // ---- patches -----------------------------------------------------------------------
  var ops = {
    t: function (id, text) { // between the markers t<id>, or a textarea's value: one index walk at most
      var m = live(marks.get("t" + id)), e = live(elements.get(id));
      if (!m && !e) { reindex(); m = marks.get("t" + id); e = elements.get(id); }
      if (m) {
        var n = m.nextSibling;
        if (n && n.nodeType === 3 && n.nextSibling && n.nextSibling.nodeType === 8) n.data = text;
        else { clear(m, end(m)); m.parentNode.insertBefore(D.createTextNode(text), m.nextSibling); }
      } else if (e) setValue(e, text);
    },
    a: function (id, name, value) {
      var e = el(id); if (!e) return;
      if (value == null) e.removeAttribute(name); else e.setAttribute(name, value);
      if ((name === "value" || name === "checked") && "value" in e) setValue(e, name === "value" ? value : (value == null ? null : "on"));
    },
    c: function (id, name, on) { var e = el(id); if (e) e.classList.toggle(name, !!on); },
    y: function (id, prop, value) { var e = el(id); if (e) { if (value == null) e.style.removeProperty(prop); else e.style.setProperty(prop, value); } },
    r: function (region, s) { var m = mark(region); if (m) { var z = end(m); clear(m, z); z.parentNode.insertBefore(html(s), z); } },
    l: function (id, list) {
      var start = mark("l" + id); if (!start) return;
      var stop = end(start), prefix = "ae:k" + id + " ";
      function row(key) {
        var m = mark("k" + id + " " + key), nodes = [];
        if (!m) return nodes;
        for (var n = m; n && n !== stop && !(n !== m && n.nodeType === 8 && (n.data.indexOf(prefix) === 0)); n = n.nextSibling) nodes.push(n);
        return nodes;
      }
      function put(nodes, after) {
        var anchor = after == null ? start : row(after).pop();
        var ref = anchor.nextSibling;
        nodes.forEach(function (n) { start.parentNode.insertBefore(n, ref); });
      }
      list.forEach(function (op) {
        if (op[0] === "-") row(op[1]).forEach(function (n) { n.remove(); });
        else if (op[0] === "+") put(Array.prototype.slice.call(html(op[3]).childNodes), op[2]);
        else if (op[0] === "m") put(row(op[1]), op[2]);
        else if (op[0] === "u") { var old = row(op[1]), fresh = Array.prototype.slice.call(html(op[2]).childNodes);
          fresh.forEach(function (n) { old[0].parentNode.insertBefore(n, old[0]); }); old.forEach(function (n) { n.remove(); }); }
      });
    },
    "!": function (seq, message) { console.warn("aether: event " + seq + ": " + message); }
  };
  function apply(frame) {
    var seq = frame[0];
    if (seq > 0) {
      if (seq <= seen) return;
      if (seq !== seen + 1) { ws.close(); return; } // a gap: reconnect and replay
      seen = seq;
    }
    frame[1].forEach(function (p) { var f = ops[p[0]]; if (f) f.apply(null, p.slice(1)); });
    if (frame[2] > acked) { acked = frame[2]; outbox = outbox.filter(function (m) { return m[1] > acked; }); }
    settle();
    if (seq > 0 && !ackTimer) ackTimer = setTimeout(function () { ackTimer = 0; send(["a", seen]); }, 1000);
    H.dispatchEvent(new CustomEvent("aether:patched", { detail: { seq: seen } }));
  }

  // ---- events ---------------------------------------------------------------------------
  function listen(spec) {
    spec.split(" ").forEach(function (token) {
      var type = token.split(".")[0];
      if (!listening.has(type)) { listening.add(type); D.addEventListener(type, dispatch, true); }
    });
  }
  function parts0(token) { return token.split(".")[0]; }
  function specs(e) {
    var out = {};
    e.getAttribute("data-ae-on").split(" ").forEach(function (token) {
      var parts = token.split("."), s = { mods: {}, n: (out[parts0(token)] || []).length };
      parts.slice(1).forEach(function (m) { var i = m.indexOf("-"); s.mods[i < 0 ? m : m.slice(0, i)] = i < 0 ? true : m.slice(i + 1); });
      (out[parts[0]] = out[parts[0]] || []).push(s);
    });
    return out;
  }
  function dispatch(ev) {
    for (var e = ev.target; e && e.nodeType === 1; e = e.parentNode) {
      if (!e.hasAttribute("data-ae-on")) continue;
      var list = specs(e)[ev.type] || [], stop = false;
      list.forEach(function (s) {
        if (s.mods.key && (ev.key || "").toLowerCase() !== s.mods.key.toLowerCase()) return;
        if (s.mods.prevent || ev.type === "submit") ev.preventDefault();
        if (s.mods.stop) stop = true;
        schedule(e, ev, s);
      });
      if (stop) { ev.stopPropagation(); return; }
    }
  }
  function schedule(e, ev, s) {
    var key = e.getAttribute("data-ae") + " " + ev.type + " " + s.n, fire = function () { emit(e, ev, s.n); };
    if (s.mods.debounce) {
      var t = ev.target; if (t && "value" in t) t._aeHold = true;
      clearTimeout(timers.get(key));
      timers.set(key, setTimeout(function () { if (t) t._aeHold = false; fire(); }, +s.mods.debounce));
    } else if (s.mods.throttle) {
      var state = timers.get(key);
      if (state) { state.trail = fire; return; }
      fire();
      state = { trail: null }; timers.set(key, state);
      (function tick() {
        setTimeout(function () { if (state.trail) { var f = state.trail; state.trail = null; f(); tick(); } else timers.delete(key); }, +s.mods.throttle);
      })();
    } else fire();
  }
  function payload(e, ev) {
    var data = {}, t = ev.target;
    if (ev.type === "submit") { new FormData(e, ev.submitter || null).forEach(function (v, k) { if (typeof v === "string") data[k] = v; }); return data; }
    if (t && "value" in t && t.nodeType === 1 && /^(INPUT|TEXTAREA|SELECT|BUTTON|OPTION)$/.test(t.tagName)) data.value = String(t.value);
    if (t && (t.type === "checkbox" || t.type === "radio")) data.checked = String(t.checked);
    if (ev.key !== undefined) data.key = ev.key;
    return data;
  }
  function emit(e, ev, n) {
    var m = ["e", ++sent, e.getAttribute("data-ae"), ev.type, payload(e, ev), seen];
    if (n) m.push(n);
    if (ev.target && "value" in ev.target) { ev.target._aeSeq = sent; ev.target._aeTyped = false; }
    if (ev.type === "submit") e.querySelectorAll("input,textarea,select").forEach(function (x) { x._aeTyped = false; });
    outbox.push(m);
    send(m);
  }
  function send(m) { if (ws && ws.readyState === 1) ws.send(JSON.stringify(m)); }

  // ---- the connection -------------------------------------------------------------------
  function status(s) {
    H.classList.remove("ae-connecting", "ae-connected", "ae-disconnected");
    H.classList.add("ae-" + s);
    H.dispatchEvent(new CustomEvent("aether:status", { detail: { status: s } }));
  }
  function connect() {
    status(tries ? "disconnected" : "connecting");
    var url = (location.protocol === "https:" ? "wss://" : "ws://") + location.host + path + "?s=" + encodeURIComponent(token) + "&last=" + seen;
    var socket = ws = new WebSocket(url);
    socket.onopen = function () { tries = 0; resuming = true; status("connected"); };
    socket.onmessage = function (m) {
      var frame = JSON.parse(m.data);
      if (resuming && frame[0] === 0 && frame[1].length === 0) { // the resume frame: resend what the server has not run
        resuming = false;
        attached = true;
        if (frame[2] > acked) acked = frame[2];
        outbox = outbox.filter(function (x) { return x[1] > acked; });
        outbox.forEach(function (x) { x[5] = seen; socket.send(JSON.stringify(x)); });
        settle();
        return;
      }
      apply(frame);
    };
    socket.onclose = function (c) {
      if (ws !== socket || stopped) return;
      ws = null;
      // 4404: session gone; 4409: taken over (a copy of this tab): render afresh either way
      if (c.code === 4404 || c.code === 4409) return restart();
      if (c.code === 4403) { stopped = true; return status("disconnected"); }
      status("disconnected");
      var delay = Math.max(Math.min(5000, 100 * Math.pow(2, tries++)) * (0.75 + Math.random() / 2), hold - Date.now());
      setTimeout(connect, delay);
    };
  }
  // The session is gone (expired, or the server restarted): render the page again, keeping what was typed.
  function restart() {
    stopped = true;
    // refused again before ever attaching, just after a reload (cookies blocked?): stop, no reload loop
    try {
      if (!attached && Date.now() - (+sessionStorage.getItem(KEY + "!") || 0) < 30000) return status("disconnected");
      sessionStorage.setItem(KEY + "!", Date.now());
    } catch (x) { if (!attached) return status("disconnected"); }
    var saved = [];
    D.querySelectorAll("input[name], textarea[name], select[name]").forEach(function (e) {
      if (/^(password|hidden|file|submit|button)$/.test(e.type)) return;
      saved.push([e.name, e.type === "checkbox" || e.type === "radio" ? (e.checked ? e.value : null) : e.value, e.type]);
    });
    try { sessionStorage.setItem(KEY, JSON.stringify(saved)); } catch (x) { /* storage off: nothing to restore */ }
    location.reload();
  }
  function restore() {
    var saved;
    try { saved = JSON.parse(sessionStorage.getItem(KEY) || "null"); sessionStorage.removeItem(KEY); } catch (x) { return; }
    (saved || []).forEach(function (f) {
      D.querySelectorAll('[name="' + CSS.escape(f[0]) + '"]').forEach(function (e) {
        if (f[2] === "checkbox" || f[2] === "radio") { var on = f[1] !== null && e.value === f[1]; if (e.checked === on) return; e.checked = on; }
        else { if (e.value === f[1]) return; e.value = f[1]; }
        e.dispatchEvent(new Event("input", { bubbles: true }));
        e.dispatchEvent(new Event("change", { bubbles: true }));
      });
    });
  }

  D.addEventListener("input", function (ev) { ev.target._aeTyped = true; }, true); // before the event listeners
  index(D.body || H);
  D.addEventListener("focusout", function () { setTimeout(settle, 0); }, true);
  addEventListener("pagehide", function () { stopped = true; if (ws) ws.close(1000, "page closed"); });
  connect();
  restore();
  window.Aether = { status: function () { return ["connecting", "connected", "disconnected"].filter(function (s) { return H.classList.contains("ae-" + s); })[0]; },
    // Drops the connection as a network failure would, and stays offline for holdMillis (default 0).
    drop: function (holdMillis) { hold = Date.now() + (holdMillis || 0); if (ws) ws.close(); } };
})();
