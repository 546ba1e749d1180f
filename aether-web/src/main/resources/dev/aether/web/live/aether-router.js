/* Aether router runtime: follows the links of a page served from a route tree, and back/forward,
   over the page's live channel; the server swaps the outlet below the deepest shared layout and
   answers with the URL, title and description to commit. Loaded after aether.js, only on such
   pages. Without it (or without JavaScript) every link is an ordinary link. See docs/router.md. */
(() => {
  "use strict";

  // ---- constants
  // LiveProtocol.Router's and RuntimeEvents' values, as JSON between the markers: RuntimeProtocolTest checks they agree.
  const PROTOCOL = /* PROTOCOL: */ {
    "Router": { "LINK": "data-ae-link", "REPLACE": "data-ae-replace", "NO_SCROLL": "data-ae-noscroll", "STATE": "data-ae-state",
      "TRANSITION": "data-ae-transition", "CHANNEL": "data-ae-router", "ANSWER": "data-ae-answer", "EVENT": "ae-navigate",
      "NAVIGATING": "data-ae-navigating", "PUSH": "push", "REPLACE_ENTRY": "replace", "POP": "pop",
      "ID": "i", "URL": "u", "MODE": "m", "TITLE": "t", "DESCRIPTION": "d", "FULL_LOAD": "f", "CANCELLED": "c",
      "BLOCKED": "b", "FORCE": "!", "DIRTY": "data-ae-dirty", "PREFETCH": "data-ae-prefetch", "INTENT": "intent", "VIEWPORT": "viewport",
      "RENDER": "render", "NONE": "none", "PREFETCH_MODE": "prefetch" },
    "RuntimeEvents": { "PATCHED": "aether:patched", "STATUS": "aether:status", "FIRST_EVENTS": "aether:first-events",
      "RESUMED": "aether:resumed" }
  } /* :PROTOCOL */;
  const { Router, RuntimeEvents } = PROTOCOL;
  const D = document, H = D.documentElement, TRANSITION_LIMIT = 4000; // ms
  const channel = D.querySelector("input[" + Router.CHANNEL + "]");
  if (!channel || !window.Aether) return; // not live: links stay ordinary links

  // ---- history: every entry of this page carries its position (ae), so a pop knows where it came from
  let index = history.state && history.state.ae || 0, pending = null, answered = channel.getAttribute(Router.ANSWER), undoing = false;
  const state = (extra) => Object.assign({}, history.state, { ae: index }, extra);
  history.replaceState(state(), "");
  history.scrollRestoration = "manual";

  // ---- scroll: the position of each entry, as the user left it
  const KEY = "aether:scroll", positions = JSON.parse(sessionStorage.getItem(KEY) || "{}");
  addEventListener("scroll", () => { positions[index] = [scrollX, scrollY]; }, { passive: true });
  addEventListener("pagehide", () => { try { sessionStorage.setItem(KEY, JSON.stringify(positions)); } catch (x) { /* storage off */ } });
  function scroll(p, a) {
    if (p.mode === Router.POP) { const at = positions[index] || [0, 0]; return scrollTo(at[0], at[1]); }
    if (p.link && p.link.hasAttribute(Router.NO_SCROLL)) return;
    const target = p.hash && D.getElementById(decodeURIComponent(p.hash.slice(1)));
    if (target) target.scrollIntoView(); else scrollTo(0, 0);
  }

  // ---- navigation: "id mode url" into the channel, then its event; the core runtime sends it like any event
  let ids = 0;
  function busy(on) {
    H.toggleAttribute(Router.NAVIGATING, on);
    if (on) H.setAttribute("aria-busy", "true"); else H.removeAttribute("aria-busy");
  }
  function go(url, mode, link, to, force) {
    if (window.Aether.status() !== "connected") return mode === Router.POP ? location.reload() : location.assign(url.href); // no channel now
    if (pending && pending.done) pending.done();
    const p = pending = { id: ++ids, mode, link, from: index, to, hash: url.hash, force };
    busy(true);
    if (link && link.hasAttribute(Router.TRANSITION) && D.startViewTransition) { // old page frozen on screen until the answer
      D.startViewTransition(() => new Promise((done) => { p.done = done; setTimeout(done, TRANSITION_LIMIT); }));
    }
    channel.value = p.id + " " + mode + (force ? Router.FORCE : "") + " " + url.pathname + url.search;
    channel.dispatchEvent(new Event(Router.EVENT));
  }

  // ---- links: a plain left click on a same-origin link of the tree; anything else is the browser's
  D.addEventListener("click", (ev) => {
    if (ev.defaultPrevented || ev.button || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
    const a = ev.target.closest && ev.target.closest("a[" + Router.LINK + "]");
    if (!a || (a.target && a.target !== "_self") || a.hasAttribute("download")) return;
    const url = new URL(a.href, location.href);
    if (url.origin !== location.origin) return;
    ev.preventDefault();
    if (url.pathname === location.pathname && url.search === location.search && url.hash) { location.hash = url.hash; return; }
    go(url, a.hasAttribute(Router.REPLACE) ? Router.REPLACE_ENTRY : Router.PUSH, a);
  });

  // ---- back/forward: the browser has moved already; the server may still cancel (then it is undone)
  addEventListener("popstate", (ev) => {
    if (undoing) { undoing = false; index = ev.state && ev.state.ae || 0; return; }
    if (!ev.state || ev.state.ae == null) return; // a fragment the browser scrolled to
    go(new URL(location.href), Router.POP, null, ev.state.ae);
  });

  // ---- answers: the channel's answer attribute, patched in the frame that swapped the outlet
  H.addEventListener(RuntimeEvents.PATCHED, () => {
    const v = channel.getAttribute(Router.ANSWER);
    if (!v || v === answered) return;
    answered = v;
    const a = JSON.parse(v), mine = pending && pending.id === a[Router.ID];
    if (a[Router.ID] > 0 && !mine) return; // superseded by a later navigation
    const p = mine ? pending : { mode: a[Router.MODE] }; // the server's own navigation
    pending = null;
    busy(false);
    if (p.done) p.done();
    if (a[Router.BLOCKED] != null) return blocked(a, p);
    if (a[Router.CANCELLED]) {
      if (p.to != null && p.to !== p.from) { undoing = true; history.go(p.from - p.to); }
      return;
    }
    const url = a[Router.URL] + (p.hash || "");
    if (a[Router.FULL_LOAD] && (leaving = true)) return a[Router.MODE] === Router.PUSH ? location.assign(url) : location.replace(url);
    if (p.to != null) index = p.to;
    const user = p.link && p.link.hasAttribute(Router.STATE) ? { user: JSON.parse(p.link.getAttribute(Router.STATE)) } : {};
    if (a[Router.MODE] === Router.PUSH) { index++; history.pushState(Object.assign({ ae: index }, user), "", url); }
    else history.replaceState(Object.assign({}, p.mode === Router.POP ? history.state : {}, { ae: index }, user), "", url);
    D.title = a[Router.TITLE];
    let meta = D.querySelector("meta[name=description]");
    if (a[Router.DESCRIPTION] == null) { if (meta) meta.remove(); }
    else { if (!meta) { meta = D.createElement("meta"); meta.name = "description"; D.head.appendChild(meta); } meta.content = a[Router.DESCRIPTION]; }
    scroll(p, a);
    positions[index] = [scrollX, scrollY];
  });

  // ---- guards/blockers: a guard's cancel is answered like any cancel (above); a page with unsaved changes
  // is answered with its blocker's question: yes sends the navigation again, forced past the blockers; no stays
  let leaving = false; // the server let the page go (a full page load follows): beforeunload asks nothing more
  function blocked(a, p) {
    if (confirm(a[Router.BLOCKED])) {
      return go(new URL(a[Router.URL], location.href), a[Router.MODE], p.link, p.to, true);
    }
    if (p.to != null && p.to !== p.from) { undoing = true; history.go(p.from - p.to); } // a refused back/forward is undone
  }
  // the server keeps the dirty flags; the runtime only mirrors "any is dirty" for the unload the server cannot answer in time
  addEventListener("beforeunload", (ev) => {
    if (leaving || !channel.hasAttribute(Router.DIRTY)) return;
    ev.preventDefault();
    ev.returnValue = "";
  });

  // ---- prefetch: the server runs a link's loaders into its cache before the click (it bounds how many, and ignores
  // URLs outside its tree); each URL is asked for at most once a minute from this page
  const asked = new Map(), INTENT_DELAY = 100, ASK_AGAIN = 60000; // ms
  const linkOf = (t) => t && t.closest && t.closest("a[" + Router.LINK + "]");
  const modeOf = (a) => a.getAttribute(Router.PREFETCH) || Router.INTENT;
  function prefetch(a) {
    const url = new URL(a.href, location.href), key = url.pathname + url.search;
    if (url.origin !== location.origin || key === location.pathname + location.search) return;
    if (asked.get(key) > Date.now() - ASK_AGAIN || window.Aether.status() !== "connected") return;
    asked.set(key, Date.now());
    channel.value = "0 " + Router.PREFETCH_MODE + " " + key;
    channel.dispatchEvent(new Event(Router.EVENT));
  }
  let intent = null;
  const hover = (ev) => {
    const a = linkOf(ev.target);
    if (a && modeOf(a) === Router.INTENT && !a.contains(ev.relatedTarget)) { clearTimeout(intent); intent = setTimeout(() => prefetch(a), INTENT_DELAY); }
  };
  const unhover = (ev) => { const a = linkOf(ev.target); if (a && !a.contains(ev.relatedTarget)) clearTimeout(intent); };
  D.addEventListener("pointerover", hover); D.addEventListener("focusin", hover);
  D.addEventListener("pointerout", unhover); D.addEventListener("focusout", unhover);
  const seen = new WeakSet(), visible = window.IntersectionObserver && new IntersectionObserver((entries) => entries.forEach((e) => {
    if (e.isIntersecting) { visible.unobserve(e.target); prefetch(e.target); }
  }));
  function scan() { // links that prefetch when shown or when in view, including those a patch brought
    if (window.Aether.status() !== "connected") return; // again once connected
    D.querySelectorAll("a[" + Router.PREFETCH + "]").forEach((a) => {
      if (seen.has(a)) return;
      seen.add(a);
      if (modeOf(a) === Router.RENDER) prefetch(a); else if (modeOf(a) === Router.VIEWPORT && visible) visible.observe(a);
    });
  }
  H.addEventListener(RuntimeEvents.PATCHED, scan);
  H.addEventListener(RuntimeEvents.STATUS, (ev) => { if (ev.detail.status === "connected") scan(); });
  scan();
})();
