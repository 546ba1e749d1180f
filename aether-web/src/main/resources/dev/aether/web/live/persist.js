/* Aether persist part: values a live page keeps in localStorage / sessionStorage (BrowserStorage).
   Loaded after the core runtime, only by pages that persist a value. Each value is a hidden input
   in a hidden span naming its storage and key; the input's value attribute is the value's JSON,
   bound like any attribute, and the server handles the restore event on it. */
(() => {
  "use strict";

  // LiveProtocol.Persist's values, as JSON between the markers: PersistRuntimeProtocolTest checks they agree.
  const PROTOCOL = /* PROTOCOL: */ {
    "Persist": { "LOCAL": "local", "SESSION": "session", "STORAGE_ATTRIBUTE": "data-ae-persist", "KEY_ATTRIBUTE": "data-ae-key",
      "DEBOUNCE_ATTRIBUTE": "data-ae-debounce", "KEY_PREFIX": "aether:", "RESTORE_EVENT": "ae-restore", "MAX_CHARS": 8192 }
  } /* :PROTOCOL */;
  const { Persist } = PROTOCOL;
  const D = document, timers = new Map(), restored = new WeakSet();

  const INPUTS = "[" + Persist.STORAGE_ATTRIBUTE + "] > input";
  const spec = (e, name) => e.parentNode.getAttribute(name);
  function storage(e) { // null when the browser refuses storage (privacy mode, disabled cookies)
    try { return spec(e, Persist.STORAGE_ATTRIBUTE) === Persist.SESSION ? sessionStorage : localStorage; } catch (x) { return null; }
  }
  const keyOf = (e) => Persist.KEY_PREFIX + spec(e, Persist.KEY_ATTRIBUTE);

  // Restore: the stored text goes to the server as an ordinary live event, sent once the channel is
  // open and answered before anything the user does; the server validates it and sets the signal.
  function restore(e) {
    const s = storage(e);
    let v = null;
    try { v = s && s.getItem(keyOf(e)); } catch (x) { /* storage refused */ }
    if (v == null || v === e.getAttribute("value")) return;
    if (v.length > Persist.MAX_CHARS) { console.warn("aether: stored value " + keyOf(e) + " is longer than " + Persist.MAX_CHARS + " characters: ignored"); return; }
    e.value = v;
    e.dispatchEvent(new Event(Persist.RESTORE_EVENT, { bubbles: true }));
  }
  function scan() {
    D.querySelectorAll(INPUTS).forEach((e) => { if (!restored.has(e)) { restored.add(e); restore(e); } });
  }

  // Write: a patch changed the value attribute; written after the debounce, or when the page goes.
  function write(e) {
    clearTimeout(timers.get(e)); timers.delete(e);
    const s = storage(e), v = e.getAttribute("value");
    if (!s || v == null) return;
    try { if (s.getItem(keyOf(e)) !== v) s.setItem(keyOf(e), v); } catch (x) { console.warn("aether: could not store " + keyOf(e) + ": " + x.message); }
  }
  function changed(e) {
    clearTimeout(timers.get(e));
    timers.set(e, setTimeout(() => write(e), +spec(e, Persist.DEBOUNCE_ATTRIBUTE) || 0));
  }

  new MutationObserver((records) => {
    records.forEach((r) => { if (r.type === "attributes" && r.target.matches(INPUTS)) changed(r.target); });
    scan(); // inputs of parts rendered later
  }).observe(D.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["value"] });
  addEventListener("pagehide", () => timers.forEach((t, e) => write(e)));
  scan();
})();
