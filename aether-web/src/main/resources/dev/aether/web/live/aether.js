/* Aether live runtime: attaches a server-rendered page to its live session, sends DOM events,
   applies patches. No build step; plain modern JavaScript. The protocol is in docs/ui.md. */
(function () {
  "use strict";
  var me = document.currentScript, D = document, H = D.documentElement;
  var token = me.dataset.session, path = me.dataset.live;
  var KEY = "aether:restore:" + location.pathname;
  var ws = null, seen = 0, sent = 0, acked = 0, outbox = [], tries = 0, stopped = false, ackTimer = 0, resuming = false, hold = 0, attached = false;
  var marks = new Map(), elements = new Map(), pending = new Set(), listening = new Set(), timers = new Map();
  var asOf = 0, later = [], sentUpTo = 0, submitting = 0; // see "answers apply as of their event"

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
  function setValue(e, v, held) {
    if (!held && rebased(e, v == null ? "" : v)) return;
    if (owned(e)) { e._aeValue = v; pending.add(e); return; }
    delete e._aeValue; pending.delete(e);
    if (e.type === "checkbox" || e.type === "radio") e.checked = v != null; else if (e.value !== v) e.value = v == null ? "" : v;
  }
  function settle() { pending.forEach(function (e) { if (!owned(e)) setValue(e, e._aeValue, 1); }); }

  // ---- answers apply as of their event ---------------------------------------------------
  // A value the server writes while answering event A is the field's value as of A: what the
  // user typed after A is rebased on it (type "a", submit, type "b": the server's "" becomes "b").
  // Each text control keeps its value as of each event still unanswered (_aeAt: [seq, value]...);
  // the oldest entry is the value as of the last answer. Events after an unanswered submit wait
  // (later) so that they carry rebased values; an edit that overlaps the server's is not rebased:
  // the value is then held as before.
  function remember(seq) {
    D.querySelectorAll("input[data-ae],textarea[data-ae]").forEach(function (c) {
      var h = c._aeAt = c._aeAt || [];
      while (h.length > 1 && h[1][0] <= acked) h.shift(); // bounded: the value as of the last answer, and after
      if (!h.length || h[h.length - 1][1] !== c.value) h.push([seq, c.value]);
    });
  }
  function rebased(e, v) {
    var h = e._aeAt, i = h ? h.length : 0;
    if (!i || e.type === "checkbox" || e.type === "radio") return false;
    while (i && h[i - 1][0] > asOf) i--;
    if (!i) return false;
    var b = h[i - 1][1], cur = e.value, r = rebase(b, cur, v);
    h.splice(0, i, [asOf, v]);
    if (!r) return false;
    h.forEach(function (x) { var w = x[0] > sentUpTo && rebase(b, x[1], v); if (w) x[1] = w[0]; });
    later.forEach(function (q) { q[1].forEach(function (f) { var w = f[0] === e && rebase(b, f[1][f[2]], v); if (w) f[1][f[2]] = w[0]; }); });
    delete e._aeValue; pending.delete(e);
    if (cur !== r[0]) {
      var at = e === D.activeElement && caret(e);
      e.value = r[0];
      if (at) try { e.setSelectionRange(at[0] >= r[1] ? at[0] + r[2] : at[0], at[1] >= r[1] ? at[1] + r[2] : at[1]); } catch (x) { /* no caret */ }
    }
    return true;
  }
  // Three-way merge of one edit each: [merged, where mine's later text starts, its shift] or null.
  function rebase(b, mine, theirs) {
    if (theirs === b || theirs === mine) return [mine, 0, 0];
    if (mine === b) return [theirs, 1e9, 0];
    var p = common(b, mine, 0, 0), s = common(b, mine, 1, p), q = common(b, theirs, 0, 0), t = common(b, theirs, 1, q), d = theirs.length - b.length;
    if (b.length - t <= p) return [theirs.slice(0, theirs.length - b.length + p) + mine.slice(p), p, d];
    if (q >= b.length - s) return [mine.slice(0, mine.length - b.length + q) + theirs.slice(q), mine.length - b.length + q, d];
    return null;
  }
  function common(a, b, back, skip) {
    var n = 0, m = Math.min(a.length, b.length) - skip;
    while (n < m && (back ? a[a.length - 1 - n] === b[b.length - 1 - n] : a[n] === b[n])) n++;
    return n;
  }
  function caret(e) { try { return e.selectionStart == null ? null : [e.selectionStart, e.selectionEnd]; } catch (x) { return null; } }
  function queue(m, e, ev) { // behind an unanswered submit; f: [control, payload, key] to rebase
    var f = [], data = m[4];
    if (ev.type === "submit") Object.keys(data).forEach(function (k) { var c = e.elements[k]; if (c && c.nodeType === 1) f.push([c, data, k]); });
    else if (data.value != null) f.push([ev.target, data, "value"]);
    later.push([m, f]);
  }
  function answered() {
    outbox = outbox.filter(function (m) { return m[1] > acked; });
    if (submitting && acked >= submitting) submitting = 0;
    while (later.length && !submitting) transmit(later.shift()[0]);
  }

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
    asOf = frame[2];
    frame[1].forEach(function (p) { var f = ops[p[0]]; if (f) f.apply(null, p.slice(1)); });
    if (frame[2] > acked) acked = frame[2];
    answered();
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
    remember(sent);
    if (submitting) queue(m, e, ev); else transmit(m);
  }
  function transmit(m) {
    sentUpTo = m[1];
    if (m[3] === "submit") submitting = m[1];
    m[5] = seen; outbox.push(m); send(m);
  }
  function send(m) { if (ws && ws.readyState === 1) { ws.send(JSON.stringify(m)); m.t = 1; } }

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
      if (frame[0] === "resume") { // the resume frame: resend what the server has not run
        resuming = false;
        attached = true;
        if (frame[1] > acked) acked = frame[1];
        outbox = outbox.filter(function (x) { return x[1] > acked; });
        outbox.forEach(function (x) { x[5] = seen; x.t = 1; socket.send(JSON.stringify(x)); });
        answered();
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
    keep();
    location.reload();
  }
  function restore() {
    var saved;
    try { saved = JSON.parse(sessionStorage.getItem(KEY) || "null"); sessionStorage.removeItem(KEY); } catch (x) { return; }
    (saved || []).forEach(function (f) {
      D.querySelectorAll('[name="' + CSS.escape(f[0]) + '"]').forEach(function (e) {
        var box = f[2] === "checkbox" || f[2] === "radio" || e.tagName === "SELECT";
        if (box) { var on = f[1] !== null && e.value === f[1]; if (e.checked === on) return; e.checked = on; }
        else { if (e.value === f[1]) return; e.value = f[1]; }
        // Tell the server, but not as a user edit: no DOM event, and no "change" for text (a
        // change is an edit the user committed; a restored half-typed value is not one).
        synthetic(e, "input");
        if (box) synthetic(e, "change");
      });
    });
  }

  function synthetic(e, type) { dispatch({ type: type, target: e, preventDefault: Object, stopPropagation: Object }); }

  // ---- after the grace period: the page is new, what the user did is not lost ---------------
  // Kept across the reload: the focused control and its caret, and the events the old session
  // never answered. An event that never left the browser is sent again when its element is
  // still there (same data-ae id, tag, handlers and text); any other is shown in a notice.
  var LOST = "aether:lost:" + location.pathname;
  function sig(e) { return e ? e.tagName + " " + e.getAttribute("data-ae-on") + " " + e.textContent.trim().slice(0, 80) : ""; }
  function keep() {
    var a = D.activeElement, c = a && a !== D.body ? caret(a) : null;
    var lost = outbox.filter(function (m) { return m[1] > acked; }).concat(later.map(function (q) { return q[0]; }))
      .map(function (m) { return [m[2], m[3], m[4], m[6] || 0, sig(el(m[2])), m.t ? 1 : 0, describe(el(m[2]), m)]; });
    try { sessionStorage.setItem(LOST, JSON.stringify({ focus: a && a !== D.body ? [a.id, a.name, c] : null, lost: lost })); } catch (x) { /* storage off */ }
  }
  function describe(e, m) {
    if (!e) return m[3];
    var s = e.tagName === "FORM" ? (e.querySelector("[type=submit]") || e).textContent.trim() : e.textContent.trim() || e.name || m[3];
    var v = Object.keys(m[4]).filter(function (k) { return k !== "value" || m[3] !== "click"; }).map(function (k) { var x = e.elements && e.elements[k]; return x && x.type === "hidden" ? "" : k + ": " + m[4][k]; }).filter(Boolean);
    return "“" + s.slice(0, 40) + "”" + (v.length ? " (" + v.join(", ").slice(0, 80) + ")" : "");
  }
  function recover() {
    var k;
    try { k = JSON.parse(sessionStorage.getItem(LOST) || "null"); sessionStorage.removeItem(LOST); } catch (x) { return; }
    if (!k) return;
    var f = k.focus, e = f && (f[0] && D.getElementById(f[0]) || f[1] && D.querySelector('[name="' + CSS.escape(f[1]) + '"]'));
    if (e) { e.focus(); if (f[2]) try { e.setSelectionRange(f[2][0], f[2][1]); } catch (x) { /* no caret */ } }
    var dropped = [];
    k.lost.forEach(function (l) {
      var t = el(l[0]);
      if (l[5] || !t || sig(t) !== l[4]) { dropped.push(l[6] + (l[5] ? " (may not have run)" : "")); return; }
      var m = ["e", ++sent, l[0], l[1], l[2], seen];
      if (l[3]) m.push(l[3]);
      remember(sent);
      if (submitting) later.push([m, []]); else transmit(m);
    });
    if (dropped.length) notice("The connection was lost for too long and the page was loaded again. Not done: " + dropped.join("; ") + ".");
  }
  function notice(text) {
    var n = D.createElement("div"), b = D.createElement("button");
    n.className = "ae-notice"; n.setAttribute("role", "alert"); n.textContent = text + " ";
    n.style.cssText = "position:fixed;left:1rem;right:1rem;bottom:1rem;z-index:2147483647;padding:.75rem 1rem;border-radius:.5rem;background:#fff4e5;color:#5c3b00;border:1px solid #f0b54a;font:14px/1.4 system-ui,sans-serif;box-shadow:0 2px 8px #0003";
    b.textContent = "Dismiss"; b.onclick = function () { n.remove(); };
    n.appendChild(b); D.body.appendChild(n);
  }

  D.addEventListener("input", function (ev) { ev.target._aeTyped = true; }, true); // before the event listeners
  index(D.body || H);
  D.addEventListener("focusout", function () { setTimeout(settle, 0); }, true);
  addEventListener("pagehide", function () { stopped = true; if (ws) ws.close(1000, "page closed"); });
  connect();
  restore();
  recover();
  window.Aether = { status: function () { return ["connecting", "connected", "disconnected"].filter(function (s) { return H.classList.contains("ae-" + s); })[0]; },
    // Drops the connection as a network failure would, and stays offline for holdMillis (default 0).
    drop: function (holdMillis) { hold = Date.now() + (holdMillis || 0); if (ws) ws.close(); } };
})();
