package dev.aether.benchmarks.live;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a client needs from one rendered {@link LiveBenchPage}, read from its HTML as the runtime
 * reads it: the session token ({@code data-session}), the element id ({@code data-ae}) of the +1
 * button, and the binding id of the shared count's text ({@code <!--ae:tID-->}); and the live
 * cookie the page was served with, which binds its session to this client as to the browser.
 */
record LivePage(String token, String incButtonId, String everyoneTextId, int htmlBytes, String liveCookie) {
    private static final String LIVE_COOKIE = "aether_live";
    private static final Pattern SESSION = Pattern.compile("data-session=\"([^\"]+)\"");
    private static final Pattern LIVE_PATH = Pattern.compile("data-live=\"([^\"]+)\"");
    private static final Pattern INC_TAG = Pattern.compile("<button[^>]*\\bid=\"inc\"[^>]*>");
    private static final Pattern DATA_AE = Pattern.compile("\\bdata-ae=\"([^\"]+)\"");
    private static final Pattern EVERYONE_TEXT = Pattern.compile("<strong[^>]*\\bid=\"everyone\"[^>]*><!--ae:t([^-]+)-->");

    static LivePage parse(String html, int bytes, String liveCookie) {
        String live = group(LIVE_PATH, html, "data-live");
        if (!live.equals("/_aether/live")) {
            throw new IllegalStateException("unexpected live path " + live);
        }
        String incTag = group(INC_TAG, html, "the +1 button");
        return new LivePage(group(SESSION, html, "data-session"), group(DATA_AE, incTag, "data-ae of +1"),
                group(EVERYONE_TEXT, html, "the shared count's text marker"), bytes, liveCookie);
    }

    /** The value of the {@code aether_live} cookie in a page response's {@code Set-Cookie} headers. */
    static String liveCookie(java.util.List<String> setCookies) {
        for (String c : setCookies) {
            if (c.startsWith(LIVE_COOKIE + "=")) {
                return c.substring(LIVE_COOKIE.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'));
            }
        }
        throw new IllegalStateException("page response set no " + LIVE_COOKIE + " cookie");
    }

    /** The header a client attaching to this page's session sends, as the browser that loaded it would. */
    String cookieHeader() {
        return LIVE_COOKIE + "=" + liveCookie;
    }

    private static String group(Pattern p, String s, String what) {
        Matcher m = p.matcher(s);
        if (!m.find()) {
            throw new IllegalStateException("page has no " + what + ": " + (s.length() > 600 ? s.substring(0, 600) + "…" : s));
        }
        return m.groupCount() == 0 ? m.group() : m.group(1);
    }

    /** The patch the shared count's change to {@code value} must carry, exactly as on the wire. */
    String everyonePatch(int value) {
        return "[\"t\",\"" + everyoneTextId + "\",\"" + value + "\"]";
    }
}
