/**
 * Client-side authentication: where tokens are kept ({@link dev.aether.netron.client.auth.TokenStore},
 * in memory or in a file), and the interceptor that sends them and refreshes an expired one
 * ({@link dev.aether.netron.client.auth.AuthRefreshInterceptor}).
 */
package dev.aether.netron.client.auth;
