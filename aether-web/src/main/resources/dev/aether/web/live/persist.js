/* Aether persist part: values a live page keeps in localStorage / sessionStorage (BrowserStorage).
   Loaded in the head, only by pages that persist a value, before the page paints. Each value is a
   hidden input in a hidden span naming its storage and key; the input's value attribute is the
   value's JSON, bound like any attribute, and the server handles the restore event on it. */
(() => {
  "use strict";

  // LiveProtocol's values this part uses, as JSON between the markers: PersistPartTest checks they agree.
  const PROTOCOL = /* PROTOCOL: */ {
    "Persist": { "LOCAL": "local", "SESSION": "session", "STORAGE_ATTRIBUTE": "data-ae-persist", "KEY_ATTRIBUTE": "data-ae-key",
      "DEBOUNCE_ATTRIBUTE": "data-ae-debounce", "KEY_PREFIX": "aether:", "RESTORE_EVENT": "ae-restore", "MAX_CHARS": 8192,
      "REVEAL_AFTER_MILLIS": 3000 },
    "RuntimeEvents": { "PATCHED": "aether:patched", "STATUS": "aether:status", "FIRST_EVENTS": "aether:first-events",
      "RESUMED": "aether:resumed" },
    "Markup": { "PART_SETTINGS": "data-ae-settings" }
  } /* :PROTOCOL */;
  const { Persist, RuntimeEvents, Markup } = PROTOCOL;
  const D = document, H = D.documentElement, timers = new Map(), seen = new WeakSet();

  const INPUTS = "[" + Persist.STORAGE_ATTRIBUTE + "] > input";
  function storage(kind) { // null when the browser refuses storage (privacy mode, disabled cookies)
    try { return kind === Persist.SESSION ? sessionStorage : localStorage; } catch (x) { return null; }
  }
  function stored(kind, key) { // the stored text, or null (none, refused, or too long to be sent)
    let v = null;
    try { const s = storage(kind); v = s && s.getItem(Persist.KEY_PREFIX + key); } catch (x) { /* storage refused */ }
    if (v != null && v.length > Persist.MAX_CHARS) { console.warn("aether: stored value " + key + " is longer than " + Persist.MAX_CHARS + " characters: ignored"); return null; }
    return v;
  }
  const spec = (e, name) => e.parentNode.getAttribute(name);
  const where = (e) => spec(e, Persist.STORAGE_ATTRIBUTE) + " " + spec(e, Persist.KEY_ATTRIBUTE);

  // Before the first paint: the page's values, as rendered ([storage, key, json] each, from the
  // server), against the stored ones. Where one differs the page stays hidden until the server has
  // restored it, so the rendered value never shows; at most REVEAL_AFTER_MILLIS.
  const pending = new Map();
  JSON.parse(D.currentScript.getAttribute(Markup.PART_SETTINGS) || "[]").forEach(([kind, key, rendered]) => {
    const v = stored(kind, key);
    if (v != null && v !== rendered) pending.set(kind + " " + key, v);
  });
  let hidden = false;
  function reveal() { if (hidden) { hidden = false; H.style.removeProperty("visibility"); } }
  if (pending.size) {
    hidden = true;
    H.style.setProperty("visibility", "hidden");
    setTimeout(reveal, Persist.REVEAL_AFTER_MILLIS);
    H.addEventListener(RuntimeEvents.RESUMED, reveal);
    H.addEventListener(RuntimeEvents.STATUS, (ev) => { if (ev.detail.status === "disconnected") reveal(); });
  }

  // The page's own values are restored by the core's first events (the server sets the signals
  // before its first frame); values rendered later (a region, a live navigation) by ordinary
  // events, answered before anything the user does after them.
  let started = false;
  function restore(e, v) {
    if (v == null || v === e.getAttribute("value")) return;
    e.value = v;
    e.dispatchEvent(new Event(Persist.RESTORE_EVENT, { bubbles: true }));
  }
  H.addEventListener(RuntimeEvents.FIRST_EVENTS, () => {
    started = true;
    D.querySelectorAll(INPUTS).forEach((e) => { seen.add(e); restore(e, pending.get(where(e))); });
  });
  function scan() {
    if (started) D.querySelectorAll(INPUTS).forEach((e) => {
      if (!seen.has(e)) { seen.add(e); restore(e, stored(spec(e, Persist.STORAGE_ATTRIBUTE), spec(e, Persist.KEY_ATTRIBUTE))); }
    });
  }

  // Write: a patch changed the value attribute; written after the debounce, or when the page goes.
  function write(e) {
    clearTimeout(timers.get(e)); timers.delete(e);
    const s = storage(spec(e, Persist.STORAGE_ATTRIBUTE)), key = Persist.KEY_PREFIX + spec(e, Persist.KEY_ATTRIBUTE), v = e.getAttribute("value");
    if (!s || v == null) return;
    try { if (s.getItem(key) !== v) s.setItem(key, v); } catch (x) { console.warn("aether: could not store " + key + ": " + x.message); }
  }
  function changed(e) {
    clearTimeout(timers.get(e));
    timers.set(e, setTimeout(() => write(e), +spec(e, Persist.DEBOUNCE_ATTRIBUTE) || 0));
  }

  new MutationObserver((records) => {
    records.forEach((r) => { if (r.type === "attributes" && r.target.matches(INPUTS)) changed(r.target); });
    scan(); // inputs of parts rendered later
  }).observe(H, { subtree: true, childList: true, attributes: true, attributeFilter: ["value"] });
  addEventListener("pagehide", () => timers.forEach((t, e) => write(e)));
})();
