package dev.aether.netron.client;

import dev.aether.netron.protocol.Service;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** A service contract with one method per shape the typed proxy must handle. */
@Service("library@2.1.0")
public interface Library {
    /** A record result. */
    record Book(String title, int year, List<String> authors) {
    }

    int count();

    String title(long id, boolean upperCase, String fallback);

    Book book(long id);

    List<Book> shelf(String name);

    Map<String, List<Integer>> yearsByAuthor();

    Optional<Book> find(String title);

    CompletableFuture<Book> bookLater(long id);

    CompletableFuture<List<Book>> shelfLater(String name);

    CompletableFuture<Optional<Book>> findLater(String title);

    CompletionStage<Integer> countStage();

    void lend(long id, String to);

    String slow() throws InterruptedException;

    /** Runs on the caller's side, calling the service for its parts. */
    default String describe(long id) {
        Book b = book(id);
        return b.title() + " (" + b.year() + ")";
    }
}
