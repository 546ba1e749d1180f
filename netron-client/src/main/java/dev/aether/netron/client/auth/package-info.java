/**
 * Client-side authentication: where tokens are kept ({@link dev.aether.netron.client.auth.TokenStore},
 * in memory or in a file), and the interceptor that sends them and refreshes an expired one
 * ({@link dev.aether.netron.client.auth.AuthRefreshInterceptor}).
 *
 * <pre>{@code
 * TokenStore tokens = new FileTokenStore(home.resolve("tokens.json"));
 * NetronClient client = NetronClient.builder(transport)
 *         .interceptor(new AuthRefreshInterceptor(tokens, refresher, cause -> ui.showSignIn()))
 *         .build();
 * }</pre>
 */
package dev.aether.netron.client.auth;
