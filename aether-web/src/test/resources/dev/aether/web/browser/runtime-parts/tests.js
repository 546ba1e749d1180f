/* In-browser unit tests of the runtime's parts (aether.js), through the parts it exposes on
   window.AetherTest when its tag carries data-ae-test. RuntimePartsBrowserTest loads this page
   afresh for each test and runs it by name; a test that reloads the page (a close code that
   renders afresh) has a second half, run on the reloaded page. */
const tests = new Map();
const test = (name, body, afterReload) => tests.set(name, { body, afterReload });
const parts = window.AetherTest;
const { Op, ListOp, Close, Outbound } = parts.PROTOCOL;

function assertEqual(actual, expected, what) {
  const a = JSON.stringify(actual), e = JSON.stringify(expected);
  if (a !== e) throw new Error(what + ": expected " + e + " but was " + a);
}
async function until(condition, what, millis = 5000) {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > millis) throw new Error("timed out after " + millis + " ms waiting for " + what);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
function fixture(html) {
  document.getElementById("fixture").innerHTML = html;
  return document.getElementById("fixture");
}
const patch = (...patches) => parts.apply([0, patches, 0]);   // seq 0: outside the numbered log
const texts = (selector) => [...document.querySelectorAll(selector)].map((e) => e.textContent);
// The first socket, opened and attached as a server would: ["resume", answeredUpTo].
function attached(answeredUpTo = 0) {
  const socket = FakeSocket.all[0];
  socket.open();
  socket.receive([Outbound.RESUME, answeredUpTo]);
  return socket;
}

// ---- input ownership: rebase(base, mine, theirs) → [merged, where my later text starts, its shift]
test("rebase takes the server's value when the user has not edited since the event", () => {
  assertEqual(parts.rebase("a", "a", ""), ["", 1e9, 0], "merged");
});
test("rebase keeps the user's value when the server wrote the value as of the event", () => {
  assertEqual(parts.rebase("a", "ab", "a"), ["ab", 0, 0], "merged");
});
test("rebase moves what was typed after a submit onto the server's cleared field", () => {
  assertEqual(parts.rebase("a", "ab", ""), ["b", 1, -1], "merged");
});
test("rebase merges a server edit before the user's and shifts the caret by its length", () => {
  assertEqual(parts.rebase("ab", "abX", "Zab"), ["ZabX", 2, 1], "merged");
});
test("rebase merges a server edit after the user's", () => {
  assertEqual(parts.rebase("ab", "Xab", "abY"), ["XabY", 3, 1], "merged");
});
test("rebase gives up when the server's edit and the user's overlap", () => {
  assertEqual(parts.rebase("abc", "aXc", "aYc"), null, "merged");
});

// ---- events: data-ae-on specs
test("a spec without modifiers gives each handler its index among its type's", () => {
  assertEqual(parts.parseSpec("click input click"),
    { click: [{ mods: {}, n: 0 }, { mods: {}, n: 1 }], input: [{ mods: {}, n: 0 }] }, "parsed");
});
test("the key modifier keeps the key's name", () => {
  assertEqual(parts.parseSpec("keydown.key-Enter"), { keydown: [{ mods: { key: "Enter" }, n: 0 }] }, "parsed");
});
test("prevent and stop are flags", () => {
  assertEqual(parts.parseSpec("submit.prevent.stop"), { submit: [{ mods: { prevent: true, stop: true }, n: 0 }] }, "parsed");
});
test("debounce and throttle carry their milliseconds", () => {
  assertEqual(parts.parseSpec("input.debounce-300 scroll.throttle-50"),
    { input: [{ mods: { debounce: "300" }, n: 0 }], scroll: [{ mods: { throttle: "50" }, n: 0 }] }, "parsed");
});
test("an element's spec is parsed once, and again only when it changes", () => {
  const button = fixture('<button data-ae="1" data-ae-on="click">+1</button>').firstChild;
  const first = parts.specsOf(button);
  if (parts.specsOf(button) !== first) throw new Error("the same spec was parsed again");
  button.setAttribute("data-ae-on", "click.stop");
  assertEqual(parts.specsOf(button), { click: [{ mods: { stop: true }, n: 0 }] }, "after the change");
});

// ---- markers
test("indexing finds an element by its data-ae id and a text marker by its key", () => {
  fixture('<p data-ae="5">Total: <!--ae:t6-->3<!--/ae:t6--></p>');
  assertEqual(parts.el("5").tagName, "P", "element 5");
  assertEqual(parts.mark("t6").data, "ae:t6", "marker t6");
});
test("an element the page replaced is found again by its id", () => {
  fixture('<p data-ae="5">old</p>');
  parts.el("5");
  fixture('<p data-ae="5">new</p>');
  assertEqual(parts.el("5").textContent, "new", "element 5");
});

// ---- patches
test("a text patch replaces the text between its markers", () => {
  fixture('<p>Total: <!--ae:t6-->3<!--/ae:t6--></p>');
  patch([Op.TEXT, "6", "4"]);
  assertEqual(texts("#fixture p"), ["Total: 4"], "text");
});
test("a region patch replaces what is between its markers and indexes it", () => {
  fixture('<div><!--ae:r2--><p>old</p><!--/ae:r2--></div>');
  patch([Op.REGION, "r2", '<p data-ae="9">new</p>']);
  assertEqual(texts("#fixture p"), ["new"], "region");
  assertEqual(parts.el("9").textContent, "new", "element 9");
});
const LIST = '<ul><!--ae:l7--><!--ae:k7 a--><li>a</li><!--ae:k7 b--><li>b</li><!--/ae:l7--></ul>';
test("a list insert (+) puts the row after the given key", () => {
  fixture(LIST);
  patch([Op.LIST, "7", [[ListOp.INSERT, "c", "a", "<!--ae:k7 c--><li>c</li>"]]]);
  assertEqual(texts("#fixture li"), ["a", "c", "b"], "rows");
});
test("a list insert (+) without a key puts the row first", () => {
  fixture(LIST);
  patch([Op.LIST, "7", [[ListOp.INSERT, "c", null, "<!--ae:k7 c--><li>c</li>"]]]);
  assertEqual(texts("#fixture li"), ["c", "a", "b"], "rows");
});
test("a list remove (-) takes the row's marker and nodes out", () => {
  fixture(LIST);
  patch([Op.LIST, "7", [[ListOp.REMOVE, "a"]]]);
  assertEqual(texts("#fixture li"), ["b"], "rows");
  assertEqual(document.querySelector("#fixture ul").innerHTML, "<!--ae:l7--><!--ae:k7 b--><li>b</li><!--/ae:l7-->", "list");
});
test("a list move (m) puts the row after another", () => {
  fixture(LIST);
  patch([Op.LIST, "7", [[ListOp.MOVE, "a", "b"]]]);
  assertEqual(texts("#fixture li"), ["b", "a"], "rows");
});
test("a list update (u) renders the row again in its place", () => {
  fixture(LIST);
  patch([Op.LIST, "7", [[ListOp.UPDATE, "a", "<!--ae:k7 a--><li>A</li>"]]]);
  assertEqual(texts("#fixture li"), ["A", "b"], "rows");
});
test("list operations apply in order within one patch", () => {
  fixture(LIST);
  patch([Op.LIST, "7", [[ListOp.REMOVE, "a"], [ListOp.INSERT, "c", "b", "<!--ae:k7 c--><li>c</li>"], [ListOp.MOVE, "c", null]]]);
  assertEqual(texts("#fixture li"), ["c", "b"], "rows");
});

// ---- connection: resume (the page's button, rendered with it, is indexed when the runtime starts)
test("the socket names the session and the last frame applied", () => {
  const url = new URL(FakeSocket.all[0].url);
  assertEqual([url.pathname, url.searchParams.get("s"), url.searchParams.get("last")], ["/_aether/live", "T", "0"], "url");
});
test("after a reconnection, the events the server has not answered are sent again", async () => {
  const first = attached();
  document.getElementById("go").click();
  assertEqual(first.sent.map((m) => m.slice(0, 4)), [["e", 1, "b", "click"]], "sent on the first socket");
  first.closeWith(1006);
  await until(() => FakeSocket.all.length === 2, "a second socket");
  const second = FakeSocket.all[1];
  second.open();
  second.receive([Outbound.RESUME, 0]);
  assertEqual(second.sent.map((m) => m.slice(0, 4)), [["e", 1, "b", "click"]], "sent again on the second socket");
});
test("after a reconnection, the events the resume frame says were answered are not sent again", async () => {
  const first = attached();
  document.getElementById("go").click();
  assertEqual(first.sent.length, 1, "events sent on the first socket");
  first.closeWith(1006);
  await until(() => FakeSocket.all.length === 2, "a second socket");
  const second = FakeSocket.all[1];
  second.open();
  second.receive([Outbound.RESUME, 1]);
  assertEqual(second.sent, [], "sent on the second socket");
  assertEqual(parts.state().outbox, 0, "events kept for re-sending");
});

// ---- connection: close codes
test("a dropped connection shows disconnected and reconnects", async () => {
  attached().closeWith(1006);
  assertEqual(Aether.status(), "disconnected", "status");
  await until(() => FakeSocket.all.length === 2, "a second socket");
});
test("close code 4403 (origin refused) stops for good", async () => {
  attached().closeWith(Close.FORBIDDEN_ORIGIN);
  assertEqual([Aether.status(), parts.state().stopped], ["disconnected", true], "status, stopped");
  // longer than the first reconnection delay (100 ms ± 25 %): a reconnection would have started
  await new Promise((resolve) => setTimeout(resolve, 500));
  assertEqual(FakeSocket.all.length, 1, "sockets");
});
for (const [code, meaning] of [[Close.SESSION_GONE, "session gone"], [Close.REPLACED, "replaced"]]) {
  test("close code " + code + " (" + meaning + ") reloads the page and restores what was typed", () => {
    document.getElementById("note").value = "kept";
    const socket = attached();
    return () => socket.closeWith(code);
  }, () => {
    assertEqual(document.getElementById("note").value, "kept", "the typed note");
    assertEqual(sessionStorage.getItem("aether:restore:" + location.pathname + "!") !== null, true, "reloaded by the runtime");
  });
}

window.AetherTests = {
  names: () => [...tests.keys()],
  // → { passed } or { passed: false, message }; { reloads: true } when the page is about to reload
  async run(name) {
    try {
      const t = tests.get(name);
      const trigger = await t.body();
      if (!t.afterReload) return { passed: true };
      setTimeout(trigger, 0);
      return { reloads: true };
    } catch (e) {
      return { passed: false, message: String(e && e.stack || e) };
    }
  },
  async afterReload(name) {
    try {
      await tests.get(name).afterReload();
      return { passed: true };
    } catch (e) {
      return { passed: false, message: String(e && e.stack || e) };
    }
  }
};
