package dev.aether.examples.showcase.web;

/**
 * One page of the showcase as the navigation, the home page and the startup banner list it.
 *
 * <pre>{@code
 * new PageLink("/counter", "Counter", "per-page state, and one counter shared by every open page");
 * }</pre>
 *
 * @param path    the route
 * @param title   the name in the navigation
 * @param summary what the page shows, in a few words
 */
public record PageLink(String path, String title, String summary) {
}
