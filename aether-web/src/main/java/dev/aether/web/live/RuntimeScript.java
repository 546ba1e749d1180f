package dev.aether.web.live;

import dev.aether.web.protocol.LiveProtocol;
import dev.aether.web.safety.Escape;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A script of the browser runtime, a resource of this module, and its versioned URL: the core
 * ({@code aether.js}, every live page) or a part only some pages load: the router's
 * ({@code aether-router.js}, pages of a route tree) and the persist part ({@code persist.js},
 * pages that persist a signal in the browser).
 *
 * <pre>{@code
 * RuntimeScript runtime = RuntimeScript.load(), router = RuntimeScript.loadRouter();
 * html.append(runtime.tag(token, nonce)).append(router.tag(nonce));
 * }</pre>
 */
record RuntimeScript(String path, byte[] bytes, String version) {
    static final String RESOURCE = "aether.js";
    static final String ROUTER_RESOURCE = "aether-router.js";
    static final String PERSIST_RESOURCE = "persist.js";

    /** The core runtime, served at {@link LiveProtocol.Paths#RUNTIME}. */
    static RuntimeScript load() {
        return load(LiveProtocol.Paths.RUNTIME, RESOURCE);
    }

    /** The router's part, served at {@link LiveProtocol.Paths#ROUTER_RUNTIME}. */
    static RuntimeScript loadRouter() {
        return load(LiveProtocol.Paths.ROUTER_RUNTIME, ROUTER_RESOURCE);
    }

    /** The persist part, served at {@link LiveProtocol.Paths#PERSIST_RUNTIME}. */
    static RuntimeScript persistPart() {
        return load(LiveProtocol.Paths.PERSIST_RUNTIME, PERSIST_RESOURCE);
    }

    private static RuntimeScript load(String path, String resource) {
        try (InputStream in = RuntimeScript.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the runtime resource " + resource + " is missing from aether-web");
            }
            byte[] bytes = in.readAllBytes();
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
            return new RuntimeScript(path, bytes, HexFormat.of().formatHex(hash, 0, 6));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The tag that starts the runtime for session {@code token}; the URL changes with the script. */
    String tag(String token, String nonce) {
        return "<script src=\"" + path + "?v=" + version + "\"" + nonce(nonce)
                + " " + LiveProtocol.Markup.SESSION + "=\"" + token + "\" " + LiveProtocol.Markup.LIVE + "=\"" + LiveProtocol.Paths.LIVE + "\"></script>";
    }

    /** The tag of a runtime part. */
    String tag(String nonce) {
        return tag(nonce, List.of());
    }

    /** The tag of a runtime part carrying {@code settings} (JSON values) as a JSON array in {@link LiveProtocol.Markup#PART_SETTINGS}. */
    String tag(String nonce, List<String> settings) {
        String carried = settings.isEmpty() ? ""
                : " " + LiveProtocol.Markup.PART_SETTINGS + "=\"" + Escape.html("[" + String.join(",", settings) + "]") + "\"";
        return "<script src=\"" + path + "?v=" + version + "\"" + nonce(nonce) + carried + "></script>";
    }

    private static String nonce(String nonce) {
        return nonce == null ? "" : " nonce=\"" + nonce + "\"";
    }
}
