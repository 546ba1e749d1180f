package dev.aether.reactive.store;

import java.io.Serializable;
import java.util.function.Function;

/**
 * A method reference to a record component's accessor, such as {@code AppState::users}, used by
 * {@link Cursor#select} to name a component without a string. It is {@link Serializable} only
 * so that the store can read which method it refers to; nothing is ever serialised.
 *
 * <pre>{@code
 * Cursor<List<User>> users = store.cursor().select(AppState::users);
 * }</pre>
 *
 * @param <R> the record type
 * @param <V> the component type
 */
@FunctionalInterface
public interface RecordAccessor<R, V> extends Function<R, V>, Serializable {
}
