package dev.aether.examples.showcase;

import dev.aether.examples.showcase.web.PageLink;
import dev.aether.examples.showcase.web.WebPages;
import java.io.PrintStream;
import java.net.URI;

/**
 * What the running application prints: where it listens, the demo accounts, and the curl lines
 * to try it, already pointing at the real port.
 *
 * <pre>{@code
 * new Banner(System.out).print(titan.httpUri(), titan.webSocketUri());
 * }</pre>
 */
final class Banner {
    private final PrintStream out;

    Banner(PrintStream out) {
        this.out = out;
    }

    void print(URI http, URI webSocket) {
        out.println();
        out.println("Aether showcase is running (services: calculator@1.0.0, users@1.0.0)");
        out.println("  Live pages (they work without JavaScript too):");
        for (PageLink page : WebPages.PAGES) {
            out.printf("    %-28s %s%n", http + page.path(), page.summary());
        }
        out.println("  HTTP       " + http + "/netron/invoke, " + http + "/netron/batch, " + http + "/health");
        out.println("  WebSocket  " + webSocket);
        out.println("  Demo logins (demo only): admin / admin-password (role admin), guest / guest-password (role user)");
        out.println();
        out.println("Try it:");
        for (CurlExample example : CurlExamples.ALL) {
            out.println("  " + example.comment());
            out.println("  " + example.commandLine(http));
        }
        out.println();
        out.println("Press Ctrl-C to stop.");
    }
}
