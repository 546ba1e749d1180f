/**
 * Aether state: the Netron client bound to signals, so a page says what data it needs and
 * exactly what changed re-renders. The guide is {@code docs/state.md}.
 *
 * <h2>The API in one page</h2>
 * <pre>{@code
 * // At start-up: one per application, over a client with cache, dedupe and retry interceptors.
 * AetherState state = AetherState.create(client);
 * state.invalidateOn("user.created", "users");              // server events invalidate tags (WebSocket client)
 *
 * // Per user: a view sharing the entries (one principal's entries are never another's).
 * AetherState alice = state.withPrincipal("alice");         // or state.withClient(clientWithAlicesToken)
 *
 * // Inside an owner (a component, effect or createRoot) on the session's ReactiveContext:
 * Query<List<User>> users = alice.query(Users.class, u -> u.list(page.get()),     // page: a signal = an argument
 *         QueryOptions.<List<User>>defaults().tags("users").keepPreviousData(true));
 * users.data(); users.error(); users.status(); users.isFetching(); users.isStale();   // ReadSignals
 * users.select(list -> list.size()); users.refetch();
 *
 * Mutation<String, User> create = alice.mutation(Users.class, Users::create,
 *         MutationOptions.<String, User>defaults()
 *                 .optimistic(Invalidation.tags("users"), (List<User> old, String name) -> append(old, name))
 *                 .invalidates("users"));
 * create.mutate("Ada");                      // status/data/error signals; mutateAsync for a future
 *
 * state.invalidateTags("users");             // every OBSERVED query tagged users refetches, in every session
 * state.invalidate("users@1.0.0:find*");     // by key prefix; invalidate(key -> ...) by predicate
 * }</pre>
 *
 * <h2>Threading</h2>
 * A query's and a mutation's signals belong to the {@link dev.aether.reactive.ReactiveContext}
 * that made them (a live session's); read them there. Answers arrive on the client's threads:
 * a query entry is a thread-safe {@link dev.aether.reactive.SharedSignal} that posts one
 * coalesced update to each observing context; a mutation posts its outcome to its context,
 * where its callbacks run. Nothing blocks a context while a call is in flight.
 */
package dev.aether.state;
