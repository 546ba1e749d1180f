package dev.aether.reactive;

import static org.assertj.core.api.Assertions.*;

import dev.aether.reactive.store.Cursor;
import dev.aether.reactive.store.Store;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A store looks into records through reflection and names components by accessor references;
 * these are records private to a package other than the store's, the usual case in an
 * application.
 */
class RecordSelectionTest {
    private record Point(int x, int y) {}

    private record Shape(String name, List<Point> points) {}

    /** Not an accessor: a method of another object, which captures that object. */
    private static final class Helper {
        String nameOf(Shape shape) {
            return shape.name();
        }
    }

    static String staticNameOf(Shape shape) {
        return shape.name();
    }

    private final Store<Shape> store = Store.of(new Shape("line", List.of(new Point(0, 0), new Point(3, 4))));

    @Test
    void aStoreReadsAndWritesTheComponentsOfAPrivateRecordFromAnotherPackage() {
        Cursor<Integer> x = store.cursor().select(Shape::points).at(1).at("x");

        assertThat(x.get()).isEqualTo(3);
        x.set(5);

        assertThat(store.snapshot().points()).containsExactly(new Point(0, 0), new Point(5, 4));
        assertThat(store.cursor().<String>at("name").get()).isEqualTo("line");
    }

    @Test
    void selectNamesTheComponentAnAccessorReferenceRefersTo() {
        assertThat(store.cursor().select(Shape::name).path()).isEqualTo("name");
        assertThat(store.cursor().select(Shape::points).path()).isEqualTo("points");
    }

    @Test
    void selectRefusesMethodReferencesThatAreNotAComponentAccessor() {
        Helper helper = new Helper();
        assertThatThrownBy(() -> store.cursor().select(helper::nameOf))
                .as("a bound reference").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.cursor().select(RecordSelectionTest::staticNameOf))
                .as("a static method").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.cursor().select(Shape::toString))
                .as("a record method that is no component").isInstanceOf(IllegalArgumentException.class);
    }
}
