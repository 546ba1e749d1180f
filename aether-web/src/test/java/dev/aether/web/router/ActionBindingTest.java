package dev.aether.web.router;

import static dev.aether.web.html.Html.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** How an action binds a form's fields to its record, checks them, and when it runs its handler. */
class ActionBindingTest {
    public enum Size3 { SMALL, LARGE }

    public record Order(String note, int quantity, Optional<Long> coupon, boolean gift, Size3 size) {
    }

    public record Range(int from, int to) {
        public Range {
            if (from > to) {
                throw new IllegalArgumentException("from must not be after to");
            }
        }
    }

    public record Named(@NotNull @Size(min = 2, message = "two letters at least") String name) {
    }

    public record Unsupported(List<String> tags) {
    }

    private final AtomicReference<Record> received = new AtomicReference<>();

    private <F extends Record> Action<F> recording(Class<F> type) {
        return Action.of("test", type, fields -> {
            received.set(fields);
            return Action.done();
        });
    }

    @Test
    void fieldsAreBoundToTheRecordByNameAndConverted() throws Exception {
        Action.Outcome outcome = recording(Order.class).submit(Map.of("note", "ring twice", "quantity", " 3 ", "coupon", "42", "gift", "on",
                "size", "large", "_action", "test"));

        assertThat(outcome).isEqualTo(new Action.Outcome.Done(List.of()));
        assertThat(received.get()).isEqualTo(new Order("ring twice", 3, Optional.of(42L), true, Size3.LARGE));
    }

    @Test
    void absentFieldsAreEmptyTextAnEmptyOptionalAnUncheckedBoxAndANullEnum() throws Exception {
        recording(Order.class).submit(Map.of("quantity", "1", "coupon", " "));

        assertThat(received.get()).isEqualTo(new Order("", 1, Optional.empty(), false, null));
    }

    @Test
    void valuesThatDoNotConvertAreMessagesForTheirFieldsAndTheHandlerDoesNotRun() throws Exception {
        Action.Outcome outcome = recording(Order.class).submit(Map.of("quantity", "three", "size", "huge"));

        assertThat(outcome).isEqualTo(new Action.Outcome.Invalid(Map.of("quantity", "must be a whole number", "size", "must be one of the choices")));
        assertThat(received.get()).isNull();
    }

    @Test
    void aConstraintBrokenIsAMessageForItsField() throws Exception {
        assertThat(recording(Named.class).submit(Map.of("name", "A")))
                .isEqualTo(new Action.Outcome.Invalid(Map.of("name", "two letters at least")));
        assertThat(received.get()).isNull();
    }

    @Test
    void theRecordsOwnRefusalIsAMessageForTheWholeForm() throws Exception {
        assertThat(recording(Range.class).submit(Map.of("from", "5", "to", "1")))
                .isEqualTo(new Action.Outcome.Invalid(Map.of("", "from must not be after to")));
    }

    @Test
    void aRecordAFormCannotFillIsRefusedWhenTheActionIsDeclared() {
        assertThatThrownBy(() -> Action.of("tags", Unsupported.class, fields -> Action.done()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("form field tags of").hasMessageContaining("has type java.util.List");
    }

    @Test
    void anActionIdIsPlainSoItCanTravelInAHiddenField() {
        assertThatThrownBy(() -> Action.of("Add Todo", Named.class, fields -> Action.done()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lower case letters, digits and '-'");
    }

    @Test
    void twoActionsOfOneIdOnOnePageAreRefusedWhenTheTreeIsBuilt() {
        Action<Named> inLayout = Action.of("save", Named.class, fields -> Action.done());
        Action<Named> inPage = Action.of("save", Named.class, fields -> Action.done());

        assertThatThrownBy(() -> RouteTree.builder().layout(Level.layout(Route.of("/"), (ctx, outlet) -> div(outlet)).action(inLayout),
                site -> site.page(Level.page(Route.of("/edit"), "Edit", ctx -> p(text("edit"))).action(inPage))).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two actions named save");
    }

    @Test
    void hiddenFieldsCarryARecordsComponentsAsTheFormWouldSendThem() {
        assertThat(FormBinder.fieldsOf(new Order("n", 2, Optional.empty(), true, Size3.SMALL)))
                .containsExactly(Map.entry("note", "n"), Map.entry("quantity", "2"), Map.entry("gift", "true"), Map.entry("size", "small"));
    }
}
