package dev.aether.web.browser;

import dev.aether.web.testing.XssPayloadList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The XSS payloads of {@link XssPayloadList} (the SSR test's list), plus, for each payload
 * that calls {@code alert(1)}, a twin that sets {@code window.__xss = 1} instead, so a payload that
 * ran is caught even where a dialog would not be.
 */
final class XssPayloads {
    private XssPayloads() {
    }

    /** The payloads and their {@code window.__xss = 1} twins, without duplicates. */
    static List<String> all() {
        List<String> base = base();
        Set<String> all = new LinkedHashSet<>(base);
        base.stream().filter(p -> p.contains("alert(1)")).map(p -> p.replace("alert(1)", "window.__xss=1")).forEach(all::add);
        return List.copyOf(all);
    }

    private static List<String> base() {
        return XssPayloadList.known();
    }
}
