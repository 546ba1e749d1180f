package dev.aether.web.protocol;

import org.eclipse.jetty.websocket.core.CloseStatus;

/**
 * Every constant of the live protocol, defined once: the paths, the inbound message kinds, the
 * patch operations, the close codes, the attributes and markers the server renders. The runtime
 * ({@code aether.js}) holds the same values in its constants part, except the few only the
 * server and {@code swap.js} use; {@code RuntimeProtocolTest} checks that the two agree (and
 * lists those server-only constants), so a change here that the runtime does not follow fails
 * the build. The protocol itself is described in docs/ui.md.
 *
 * <p>It lives in a package of its own, below {@code html}, {@code component}, {@code ssr} and
 * {@code live}, so that each of them writes the protocol's names from here without a cycle; the
 * package is not exported.
 *
 * <pre>{@code
 * List.of(LiveProtocol.Op.TEXT, id, text);   // a patch: ["t", id, text]
 * }</pre>
 */
public final class LiveProtocol {

    /** Where the runtime and the live socket are served. */
    public static final class Paths {
        /** The runtime script, served by the page handler. */
        public static final String RUNTIME = "/_aether/runtime.js";
        /** The live WebSocket. */
        public static final String LIVE = "/_aether/live";
        /** The persist part ({@code persist.js}): loaded only by pages that persist a value in browser storage. */
        public static final String PERSIST_RUNTIME = "/_aether/persist.js";
        /** Reserved prefix: no page may be mounted below it. */
        public static final String RESERVED_PREFIX = "/_aether/";
        /** The router's runtime script, served beside the runtime to pages of a route tree. */
        public static final String ROUTER_RUNTIME = "/_aether/router.js";
        /** Query parameter of the live socket naming the session's token. */
        public static final String SESSION_PARAM = "s";
        /** Query parameter of the live socket naming the last frame the page applied. */
        public static final String LAST_SEEN_PARAM = "last";
        /**
         * Query parameter of the live socket: how many events the runtime sends as soon as it is
         * open, before it has seen any frame (the values a page restores from browser storage).
         * The server runs them before it replays the page's frames, so the first frame the page
         * applies already shows them; it waits for them at most a few seconds.
         */
        public static final String FIRST_EVENTS_PARAM = "first";

        private Paths() {
        }
    }

    /**
     * DOM events the core runtime fires on {@code document.documentElement}, through which its
     * parts (router, persist) hook in without the core knowing them.
     */
    public static final class RuntimeEvents {
        /** After each frame is applied; {@code detail.seq}: the last frame applied. */
        public static final String PATCHED = "aether:patched";
        /** The connection's state changed; {@code detail.status}: connecting, connected or disconnected. */
        public static final String STATUS = "aether:status";
        /**
         * Fired once, before the first connection: a part pushes {@code {element, type}} onto
         * {@code detail.events}, and the core sends each as that DOM event of that element, first
         * thing on the new connection ({@link Paths#FIRST_EVENTS_PARAM}).
         */
        public static final String FIRST_EVENTS = "aether:first-events";
        /** After a (re)connection's replay: the page shows what the server holds. */
        public static final String RESUMED = "aether:resumed";

        private RuntimeEvents() {
        }
    }

    /** The first element of a message the runtime sends. */
    public static final class Inbound {
        /** {@code ["e", seq, elementId, type, {data}, lastSeen, handlerIndex?]}: a DOM event. */
        public static final String EVENT = "e";
        /** {@code ["a", lastSeen]}: frames the page has applied. */
        public static final String ACK = "a";

        private Inbound() {
        }
    }

    /**
     * What the server sends. A patch frame is {@code [seq, [patch…], answeredUpTo]} (seq from 1;
     * 0 for a frame outside the numbered log, such as an error answer). The resume frame, sent
     * once after each (re)connection, is {@code ["resume", answeredUpTo]}: the runtime then
     * re-sends the events the server has not answered.
     */
    public static final class Outbound {
        /** First element of the resume frame. */
        public static final String RESUME = "resume";

        private Outbound() {
        }
    }

    /** The first element of a patch in a frame the server sends. */
    public static final class Op {
        /** {@code ["t", id, text]}: the text between markers, or a text control's value. */
        public static final String TEXT = "t";
        /** {@code ["a", id, name, value|null]}: set or remove an attribute. */
        public static final String ATTRIBUTE = "a";
        /** {@code ["c", id, name, 0|1]}: toggle a class. */
        public static final String CLASS = "c";
        /** {@code ["y", id, property, value|null]}: set or remove a style property. */
        public static final String STYLE = "y";
        /** {@code ["r", region, html]}: replace a region's content. */
        public static final String REGION = "r";
        /** {@code ["l", id, [listOp…]]}: keyed list operations. */
        public static final String LIST = "l";
        /** {@code ["!", seq, message]}: an event was refused or failed; shown in the console. */
        public static final String ERROR = "!";

        private Op() {
        }
    }

    /** The first element of a keyed-list operation inside an {@link Op#LIST} patch. */
    public static final class ListOp {
        /** {@code ["-", key]}: remove a row. */
        public static final String REMOVE = "-";
        /** {@code ["+", key, afterKey, html]}: insert a row. */
        public static final String INSERT = "+";
        /** {@code ["m", key, afterKey]}: move a row. */
        public static final String MOVE = "m";
        /** {@code ["u", key, html]}: render a row again. */
        public static final String UPDATE = "u";

        private ListOp() {
        }
    }

    /**
     * Values persisted in the browser's storage ({@code dev.aether.web.BrowserStorage}), read and
     * written by the persist part ({@code persist.js}), not by the core runtime: each persisted
     * value is a hidden input carrying these attributes, its {@code value} attribute bound to the
     * value's JSON. The part's tag (in the head) lists the page's values as
     * {@code [storage, key, renderedJson]} in {@link Markup#PART_SETTINGS}: before the first paint
     * it reads storage, and a page whose stored values differ from the rendered ones stays hidden
     * until they are restored (at most {@link #REVEAL_AFTER_MILLIS}). It restores a value by
     * setting the input's value and firing {@link #RESTORE_EVENT} on it while the core asks for
     * its {@link RuntimeEvents#FIRST_EVENTS} (an ordinary live event: the server parses, validates
     * and sets the signal before its first frame); it writes the attribute back to storage when a
     * patch changes it. {@code PersistPartTest} checks the part against these.
     */
    public static final class Persist {
        /** {@link #STORAGE_ATTRIBUTE}'s value for {@code localStorage}. */
        public static final String LOCAL = "local";
        /** {@link #STORAGE_ATTRIBUTE}'s value for {@code sessionStorage}. */
        public static final String SESSION = "session";
        /** Which storage the value lives in: {@link #LOCAL} or {@link #SESSION}. */
        public static final String STORAGE_ATTRIBUTE = "data-ae-persist";
        /** The value's key, without {@link #KEY_PREFIX}. */
        public static final String KEY_ATTRIBUTE = "data-ae-key";
        /** Milliseconds without a change before a new value is written to storage. */
        public static final String DEBOUNCE_ATTRIBUTE = "data-ae-debounce";
        /** Prefix of every key the part writes in storage, so a page's own keys never collide. */
        public static final String KEY_PREFIX = "aether:";
        /** The DOM event the part fires on the input when it restores a stored value. */
        public static final String RESTORE_EVENT = "ae-restore";
        /** The longest stored value, in characters, the part sends and the server accepts. */
        public static final int MAX_CHARS = 8192;
        /**
         * Milliseconds a page stays hidden at most while its stored values are restored: past
         * them (a slow or failed connection) it shows its rendered values rather than nothing.
         */
        public static final int REVEAL_AFTER_MILLIS = 3000;

        private Persist() {
        }
    }

    /** WebSocket close codes of the live channel; the runtime reacts to each (docs/ui.md). */
    public static final class Close {
        /** Server stopping or restarting (the standard 1001): reconnect with backoff. */
        public static final int GOING_AWAY = CloseStatus.SHUTDOWN;
        /** The origin of the page is not this server's: do not reconnect. */
        public static final int FORBIDDEN_ORIGIN = 4403;
        /** No such session (expired, or the server restarted): reload the page and restore the form input. */
        public static final int SESSION_GONE = 4404;
        /** Another tab or connection took the session over: render afresh. */
        public static final int REPLACED = 4409;
        /**
         * The reason of the normal closure (1000) the runtime sends when its page goes (pagehide;
         * it never reconnects after one): the server ends the session at once, without the grace
         * period kept for connections that drop.
         */
        public static final String PAGE_LEFT = "page closed";

        private Close() {
        }
    }

    /** Attributes and comment markers the server renders and the runtime reads. */
    public static final class Markup {
        /** An element the server may patch: {@code data-ae="id"}. */
        public static final String ELEMENT_ID = "data-ae";
        /** The events an element listens to: {@code data-ae-on="click input.debounce-300"}. */
        public static final String EVENTS = "data-ae-on";
        /** A Suspense chunk streamed after the shell. */
        public static final String CHUNK = "data-ae-chunk";
        /** A portal's content. */
        public static final String PORTAL = "data-ae-portal";
        /** The runtime script's attribute naming the session token. */
        public static final String SESSION = "data-session";
        /** The runtime script's attribute naming the live socket's path. */
        public static final String LIVE = "data-live";
        /** A runtime part's tag: the settings its page gave it, a JSON array (the persist part: its stored values). */
        public static final String PART_SETTINGS = "data-ae-settings";
        /** The hidden field of a posting form that repeats the CSRF cookie (double submit). */
        public static final String CSRF_FIELD = "_csrf";
        /** The hidden field naming the router action a form's submission runs. */
        public static final String ACTION_FIELD = "_action";
        /** Prefix of every comment marker: {@code <!--ae:t3-->}. */
        public static final String MARKER_PREFIX = "ae:";
        /** Marker kind of a dynamic text. */
        public static final String TEXT_MARKER = "t";
        /** Marker kind of a keyed list. */
        public static final String LIST_MARKER = "l";
        /** Marker kind of one keyed row. */
        public static final String ROW_MARKER = "k";
        /** Marker kind of a Suspense boundary; a resolved boundary's region is {@code "u" + id}. */
        public static final String SUSPENSE_MARKER = "u";
        /** Region kind of a portal's place in the page (its content is in a {@link #PORTAL} div). */
        public static final String PORTAL_MARKER = "p";
        /** Region kind of an error boundary. */
        public static final String BOUNDARY_MARKER = "b";
        /** Region kind of {@code show} and {@code when}. */
        public static final String SHOW_MARKER = "s";
        /** Region kind of {@code switch}. */
        public static final String SWITCH_MARKER = "w";
        /** Region kind of a dynamic component. */
        public static final String DYNAMIC_MARKER = "d";
        /**
         * The inline function a streamed Suspense chunk calls, {@code $ae("ID")}: defined by
         * {@code swap.js} (beside {@code Ssr}), which works without the runtime.
         */
        public static final String SWAP_FUNCTION = "$ae";

        private Markup() {
        }
    }

    /**
     * The router's part of the protocol, read by {@code aether-router.js} (checked against it by
     * {@code RuntimeProtocolTest}). A live navigation is an ordinary event: the runtime sets the
     * value of the page's hidden channel input ({@link #CHANNEL}) to {@code "id mode url"} and
     * fires {@link #EVENT} on it; the server answers by setting the input's {@link #ANSWER}
     * attribute to a JSON object keyed by the one-letter names below, in the same frame as the
     * outlet's new content.
     */
    public static final class Router {
        /** A link the runtime navigates live: {@code <a href="/users/42" data-ae-link>}. */
        public static final String LINK = "data-ae-link";
        /** On a link: replace the current history entry instead of pushing one. */
        public static final String REPLACE = "data-ae-replace";
        /** On a link: keep the scroll position (no scroll to the top). */
        public static final String NO_SCROLL = "data-ae-noscroll";
        /** On a link: a JSON value kept in the history entry's state. */
        public static final String STATE = "data-ae-state";
        /** On a link: wrap the change in a view transition where the browser has them. */
        public static final String TRANSITION = "data-ae-transition";
        /** The hidden input that carries navigations to the server and their answers back. */
        public static final String CHANNEL = "data-ae-router";
        /** The channel's attribute holding the last answer. */
        public static final String ANSWER = "data-ae-answer";
        /** The event fired on the channel to navigate. */
        public static final String EVENT = "ae-navigate";
        /** Set on {@code <html>} while a navigation is under way. */
        public static final String NAVIGATING = "data-ae-navigating";
        /** Navigation modes, as sent. */
        public static final String PUSH = "push";
        public static final String REPLACE_ENTRY = "replace";
        public static final String POP = "pop";
        /** Answer keys: the navigation's id (the runtime's counter), its URL and mode. */
        public static final String ID = "i";
        public static final String URL = "u";
        public static final String MODE = "m";
        /** Answer keys of a navigation done live: the document's title and meta description. */
        public static final String TITLE = "t";
        public static final String DESCRIPTION = "d";
        /** Answer key: load {@link #URL} as a full page instead (outside the tree, a redirect, an error). */
        public static final String FULL_LOAD = "f";
        /** Answer key: the navigation was cancelled (a back/forward is undone). */
        public static final String CANCELLED = "c";
        /**
         * Answer key: a blocker stops the navigation; its value is the question the runtime asks
         * ({@code confirm}). Yes sends the navigation again with {@link #FORCE}; no stays (a
         * back/forward is undone).
         */
        public static final String BLOCKED = "b";
        /** Appended to a navigation's mode ({@code "push!"}): the user agreed to leave, so blockers are passed over. */
        public static final String FORCE = "!";
        /** On the channel while any blocker of the page is dirty: the runtime asks on {@code beforeunload}. */
        public static final String DIRTY = "data-ae-dirty";
        /** On a link: when the runtime prefetches it (its loaders run into the server's cache); absent is {@link #INTENT}. */
        public static final String PREFETCH = "data-ae-prefetch";
        /** Prefetch modes: on hover or focus lasting 100 ms, once in the viewport, once rendered, never. */
        public static final String INTENT = "intent";
        public static final String VIEWPORT = "viewport";
        public static final String RENDER = "render";
        public static final String NONE = "none";
        /** The mode of a prefetch sent through the channel ({@code "0 prefetch /url"}): nothing is shown or answered. */
        public static final String PREFETCH_MODE = "prefetch";

        private Router() {
        }
    }

    private LiveProtocol() {
    }
}
