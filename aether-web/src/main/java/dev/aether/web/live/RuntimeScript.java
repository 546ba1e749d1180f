package dev.aether.web.live;

import dev.aether.web.protocol.LiveProtocol;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A browser script of this module and its versioned URL: the runtime ({@code aether.js}), and
 * the router's runtime ({@code aether-router.js}, loaded only by pages of a route tree).
 *
 * <pre>{@code
 * RuntimeScript runtime = RuntimeScript.load(), router = RuntimeScript.loadRouter();
 * html.append(runtime.tag(token, nonce)).append(router.routerTag(nonce));
 * }</pre>
 */
record RuntimeScript(String path, byte[] bytes, String version) {
    static final String RESOURCE = "aether.js";
    static final String ROUTER_RESOURCE = "aether-router.js";

    static RuntimeScript load() {
        return load(LiveProtocol.Paths.RUNTIME, RESOURCE);
    }

    static RuntimeScript loadRouter() {
        return load(LiveProtocol.Paths.ROUTER_RUNTIME, ROUTER_RESOURCE);
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

    /** The tag of a script that needs no session (the router's, after the runtime's). */
    String tag(String nonce) {
        return "<script src=\"" + path + "?v=" + version + "\"" + nonce(nonce) + "></script>";
    }

    private static String nonce(String nonce) {
        return nonce == null ? "" : " nonce=\"" + nonce + "\"";
    }
}
