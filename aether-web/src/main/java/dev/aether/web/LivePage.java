package dev.aether.web;

import dev.aether.titan.Principal;
import dev.aether.web.component.Context;
import java.util.Optional;

/**
 * What a component learns of the live page rendering it: who visits it. The page's live session
 * provides {@link #PRINCIPAL} at the root of the page, from the cookie
 * {@link AetherWeb.Builder#principalFromCookie} names, so components read it while they render
 * (the data layer keys each visitor's queries by it).
 *
 * <pre>{@code
 * String who = LivePage.principal().map(Principal::id).orElse("anonymous");
 * }</pre>
 */
public final class LivePage {
    /** Provided at the root of every live page; a test may provide its own around a component. */
    public static final Context<Optional<Principal>> PRINCIPAL = Context.create(Optional.empty());

    private LivePage() {
    }

    /** The visitor of the page rendering now; empty when anonymous, or outside a page's rendering. */
    public static Optional<Principal> principal() {
        return PRINCIPAL.use();
    }
}
