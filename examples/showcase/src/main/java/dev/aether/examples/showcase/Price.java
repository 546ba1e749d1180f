package dev.aether.examples.showcase;

/**
 * One tick of the price feed.
 *
 * <pre>{@code
 * new Price("ACME", 0, 100.25)
 * }</pre>
 *
 * @param symbol the stock
 * @param seq    the tick's number in this feed, from 0
 * @param price  the price at that tick
 */
public record Price(String symbol, long seq, double price) {
}
