package dev.aether.examples.showcase.web;

/** One item of the todo list; a new record for every change, so a live list sees which rows changed. */
public record Todo(int id, String title, boolean done) {
}
