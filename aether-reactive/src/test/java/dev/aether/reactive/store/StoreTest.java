package dev.aether.reactive.store;

import static dev.aether.reactive.Reactive.effect;
import static org.assertj.core.api.Assertions.*;

import dev.aether.reactive.Computed;
import dev.aether.reactive.Disposable;
import dev.aether.reactive.Reactive;
import dev.aether.reactive.WrongThreadException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

class StoreTest {
    record Address(String city) {}

    record User(String name, int age, Address address) {
        User(String name, int age) {
            this(name, age, null);
        }

        User {
            if (age < 0) {
                throw new IllegalArgumentException("age must not be negative");
            }
        }
    }

    record AppState(List<User> users, Map<String, String> settings) {}

    private static final AppState INITIAL = new AppState(
            List.of(new User("Ann", 30), new User("Bob", 41), new User("Cy", 25), new User("Dee", 52), new User("Eve", 19)),
            orderedMap("theme", "light"));

    private final Store<AppState> store = Store.of(INITIAL);
    private final Cursor<List<User>> users = store.cursor().select(AppState::users);
    private final Cursor<Map<String, String>> settings = store.cursor().select(AppState::settings);

    private Cursor<String> name(int index) {
        return users.at(index).at("name");
    }

    // ---- fine-grained paths -------------------------------------------------------------------

    @Test
    void writingUsers3NameReRunsOnlyWhatReadUsers3Name() {
        Runs<String> name3 = Runs.of(() -> name(3).get());
        Runs<Integer> age3 = Runs.of(() -> users.at(3).<Integer>at("age").get());
        Runs<String> name2 = Runs.of(() -> name(2).get());
        Runs<String> name4 = Runs.of(() -> name(4).get());
        Runs<String> theme = Runs.of(() -> settings.<String>at("theme").get());

        name(3).set("Dora");

        assertThat(name3.reruns()).isEqualTo(1);
        assertThat(name3.last()).isEqualTo("Dora");
        assertThat(List.of(age3.reruns(), name2.reruns(), name4.reruns(), theme.reruns())).containsOnly(0);
    }

    @Test
    void writingAPathNotifiesReadersOfItsAncestors() {
        Runs<User> user3 = Runs.of(() -> users.<User>at(3).get());
        Runs<List<User>> all = Runs.of(users::get);
        Runs<AppState> root = Runs.of(store::get);

        name(3).set("Dora");

        assertThat(user3.last()).isEqualTo(new User("Dora", 52));
        assertThat(all.reruns()).isEqualTo(1);
        assertThat(root.last().users().get(3).name()).isEqualTo("Dora");
    }

    @Test
    void replacingARecordNotifiesOnlyTheDescendantsWhoseValueChanged() {
        Runs<String> name = Runs.of(() -> name(0).get());
        Runs<Integer> age = Runs.of(() -> users.at(0).<Integer>at("age").get());

        users.at(0).set(new User("Ann", 31));

        assertThat(name.reruns()).isZero();
        assertThat(age.last()).isEqualTo(31);
    }

    @Test
    void writesAreCopyOnWriteAndLeaveEarlierSnapshotsAlone() {
        AppState before = store.snapshot();

        name(0).set("Anna");

        assertThat(before).isSameAs(INITIAL);
        assertThat(before.users().get(0).name()).isEqualTo("Ann");
        assertThat(store.snapshot().users().get(1)).isSameAs(before.users().get(1));
        assertThat(store.snapshot().settings()).isSameAs(before.settings());
    }

    @Test
    void recordConstructorChecksApplyToWrites() {
        assertThatThrownBy(() -> users.at(0).<Integer>at("age").set(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("age must not be negative");
        assertThat(store.snapshot()).isSameAs(INITIAL);
    }

    @Test
    void writingANestedRecordThatWasNullCreatesThePathBelowIt() {
        Runs<String> city = Runs.of(() -> users.at(1).at("address").<String>at("city").get());

        users.at(1).at("address").set(new Address("Oslo"));

        assertThat(city.reruns()).isEqualTo(1);
        assertThat(city.last()).isEqualTo("Oslo");
    }

    // ---- lists --------------------------------------------------------------------------------

    @Test
    void sizeOfAListTracksItsLengthOnly() {
        Runs<Integer> count = Runs.of(users::size);

        name(0).set("Anna");
        assertThat(count.reruns()).isZero();

        users.add(new User("Fay", 33));
        assertThat(count.reruns()).isEqualTo(1);
        assertThat(count.last()).isEqualTo(6);
    }

    @Test
    void appendingDoesNotReRunReadersOfExistingElements() {
        Runs<String> first = Runs.of(() -> name(0).get());

        users.add(new User("Fay", 33));

        assertThat(first.reruns()).isZero();
        assertThat(name(5).peek()).isEqualTo("Fay");
    }

    @Test
    void insertingShiftsLaterIndicesAndNotifiesThem() {
        Runs<String> first = Runs.of(() -> name(0).get());
        Runs<String> second = Runs.of(() -> name(1).get());

        users.add(1, new User("Abe", 60));

        assertThat(first.reruns()).isZero();
        assertThat(second.last()).isEqualTo("Abe");
    }

    @Test
    void removingAnElementNotifiesTheLengthAndTheShiftedIndices() {
        Runs<String> first = Runs.of(() -> name(0).get());
        Runs<String> last = Runs.of(() -> users.size() > 4 ? name(4).get() : "gone");
        Runs<String> fourth = Runs.of(() -> name(3).get());

        users.at(1).remove();

        assertThat(first.reruns()).isZero();
        assertThat(fourth.last()).isEqualTo("Eve");
        assertThat(last.last()).isEqualTo("gone");
    }

    // ---- maps ---------------------------------------------------------------------------------

    @Test
    void keysOfAMapTrackTheKeySetButNotValues() {
        Runs<Set<Object>> keys = Runs.of(() -> Set.copyOf(settings.keys()));

        settings.at("theme").set("dark");
        assertThat(keys.reruns()).isZero();

        settings.at("lang").set("en");
        assertThat(keys.last()).containsExactlyInAnyOrder("theme", "lang");
    }

    @Test
    void readingAnAbsentKeyYieldsNullAndIsNotifiedWhenItIsSet() {
        Runs<String> lang = Runs.of(() -> settings.<String>at("lang").get());
        Runs<String> theme = Runs.of(() -> settings.<String>at("theme").get());

        settings.at("lang").set("en");

        assertThat(lang.reruns()).isEqualTo(1);
        assertThat(lang.last()).isEqualTo("en");
        assertThat(theme.reruns()).isZero();
    }

    @Test
    void removingAnEntryNotifiesItsReadersTheKeysAndTheSize() {
        Runs<String> theme = Runs.of(() -> settings.<String>at("theme").get());
        Runs<Integer> size = Runs.of(settings::size);

        settings.at("theme").remove();
        settings.at("theme").remove(); // absent: nothing

        assertThat(theme.reruns()).isEqualTo(1);
        assertThat(theme.last()).isNull();
        assertThat(size.reruns()).isEqualTo(1);
        assertThat(size.last()).isZero();
    }

    // ---- the store as a whole -----------------------------------------------------------------

    @Test
    void aTransactionRunsEffectsOnce() {
        Runs<String> summary = Runs.of(() -> name(0).get() + "/" + settings.at("theme").get() + "/" + users.size());

        store.transaction(() -> {
            name(0).set("Anna");
            settings.at("theme").set("dark");
            users.add(new User("Fay", 33));
            assertThat(name(0).peek()).isEqualTo("Anna"); // writes are visible at once inside
        });

        assertThat(summary.reruns()).isEqualTo(1);
        assertThat(summary.last()).isEqualTo("Anna/dark/6");
    }

    @Test
    void aTransactionThatThrowsKeepsItsEarlierWritesAndStillRunsEffects() {
        Runs<String> first = Runs.of(() -> name(0).get());

        assertThatThrownBy(() -> store.transaction(() -> {
            name(0).set("Anna");
            throw new IllegalStateException("boom");
        })).hasMessage("boom");

        assertThat(first.reruns()).isEqualTo(1);
        assertThat(first.last()).isEqualTo("Anna");
    }

    @Test
    void resetRestoresTheInitialStateAndNotifiesOnlyChangedPaths() {
        name(0).set("Anna");
        Runs<String> first = Runs.of(() -> name(0).get());
        Runs<String> second = Runs.of(() -> name(1).get());

        store.reset();

        assertThat(store.snapshot()).isSameAs(INITIAL);
        assertThat(first.last()).isEqualTo("Ann");
        assertThat(second.reruns()).isZero();
    }

    @Test
    void writingAnEqualValueIsANoOp() {
        Runs<AppState> root = Runs.of(store::get);

        name(0).set(new String("Ann"));
        users.at(0).set(new User("Ann", 30));
        store.set(new AppState(List.copyOf(INITIAL.users()), Map.of("theme", "light")));
        users.at(0).<Integer>at("age").update(age -> age);

        assertThat(root.reruns()).isZero();
        assertThat(store.snapshot()).isSameAs(INITIAL);
    }

    @Test
    void subscribersReceiveEachNewStateOncePerTransaction() {
        List<String> seen = new ArrayList<>();
        Disposable subscription = store.subscribe(state -> seen.add(state.users().get(0).name()));

        name(0).set("Anna");
        store.transaction(() -> {
            name(0).set("Ada");
            name(1).set("Bo");
        });
        subscription.dispose();
        name(0).set("Ana");

        assertThat(seen).containsExactly("Anna", "Ada");
    }

    @Test
    void computedsOverCursorsRecomputeOnlyWhenTheirPathChanged() {
        int[] evaluations = {0};
        Computed<Integer> totalAge = Reactive.computed(() -> {
            evaluations[0]++;
            int total = 0;
            for (int i = 0; i < users.size(); i++) {
                total += users.at(i).<Integer>at("age").get();
            }
            return total;
        });
        Runs<Integer> total = Runs.of(totalAge::get);

        name(2).set("Cyd");
        users.at(2).<Integer>at("age").set(26);

        assertThat(evaluations[0]).isEqualTo(2);
        assertThat(total.last()).isEqualTo(30 + 41 + 26 + 52 + 19);
    }

    @Test
    void aCursorNamesItsPath() {
        assertThat(name(3).path()).isEqualTo("users[3].name");
        assertThat(settings.at("dark mode").path()).isEqualTo("settings[\"dark mode\"]");
        assertThat(store.cursor().path()).isEqualTo("(root)");
    }

    // ---- errors -------------------------------------------------------------------------------

    @Test
    void anUnknownComponentIsReportedWithThePath() {
        assertThatThrownBy(() -> users.at(1).at("nmae").get())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("users[1].nmae")
                .hasMessageContaining("record User has no component 'nmae' (it has name, age, address)");
    }

    @Test
    void anIndexOutOfRangeIsReportedWithThePath() {
        assertThatThrownBy(() -> name(9).get())
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("users[9]").hasMessageContaining("has 5 elements");
        assertThatThrownBy(() -> name(9).set("Zed"))
                .isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("users[9]");
    }

    @Test
    void writingThroughANonContainerOrANullIsReportedWithThePath() {
        assertThatThrownBy(() -> name(0).at("first").set("A"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("users[0].name is a String, which has no 'first'");
        assertThatThrownBy(() -> users.at(0).at("address").at("city").set("Oslo"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot write users[0].address.city: users[0].address is null");
        assertThatThrownBy(() -> name(0).add("x"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("users[0].name");
        assertThatThrownBy(() -> name(0).size())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("users[0].name");
        assertThatThrownBy(() -> name(0).remove())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("users[0].name");
    }

    @Test
    void indexingARecordIsReportedWithThePath() {
        assertThatThrownBy(() -> users.at(0).at(2).get())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("users[0] is a User record, which has no index 2");
    }

    @Test
    void theGuideExampleBehavesAsDocumented() {
        Store<AppState> guide = Store.of(new AppState(List.of(new User("Ann", 30)), Map.of()));
        Cursor<List<User>> people = guide.cursor().select(AppState::users);
        Cursor<String> first = people.at(0).at("name");
        List<String> printed = new ArrayList<>();
        effect(() -> printed.add(first.get()));
        effect(() -> printed.add(people.size() + " users"));

        first.set("Anna");
        people.add(new User("Bob", 41));
        guide.cursor().at("settings").at("theme").set("dark");
        guide.transaction(() -> {
            first.set("Ada");
            people.at(1).remove();
        });
        guide.reset();

        assertThat(printed).containsExactly("Ann", "1 users", "Anna", "2 users", "Ada", "1 users", "Ann");
    }

    @Test
    void readingThroughANullYieldsNull() {
        assertThat(users.at(0).at("address").at("city").get()).isNull();
    }

    @Test
    void selectRejectsAnythingButARecordAccessorReference() {
        assertThatThrownBy(() -> store.cursor().select(state -> state.users()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("AppState::users");
    }

    @Test
    void aComponentOfTheWrongTypeIsRejected() {
        Cursor<Object> age = users.at(0).at("age");
        assertThatThrownBy(() -> age.set("old"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("users[0].age");
    }

    @Test
    void touchingItFromAnotherThreadFails() {
        Cursor<String> name = name(0);
        assertThat(Runs.fromAnotherThread(name::get)).isInstanceOf(WrongThreadException.class)
                .hasMessageContaining("Store").hasMessageContaining("intruder");
        assertThat(Runs.fromAnotherThread(() -> {
            name.set("Mallory");
            return null;
        })).isInstanceOf(WrongThreadException.class);
        assertThat(Runs.fromAnotherThread(store::snapshot)).isInstanceOf(WrongThreadException.class);
        assertThat(Runs.fromAnotherThread(name::peek)).isInstanceOf(WrongThreadException.class);
        assertThat(store.snapshot()).isSameAs(INITIAL);
    }

    private static Map<String, String> orderedMap(String key, String value) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put(key, value);
        return Collections.unmodifiableMap(map);
    }

    // ---- lists: both ends ---------------------------------------------------------------------

    @Test
    void insertingAtIndexZeroShiftsEveryElementAndNotifiesTheLength() {
        Runs<String> first = Runs.of(() -> name(0).get());
        Runs<String> second = Runs.of(() -> name(1).get());
        Runs<Integer> count = Runs.of(users::size);

        users.add(0, new User("Abe", 60));

        assertThat(first.last()).isEqualTo("Abe");
        assertThat(second.last()).isEqualTo("Ann");
        assertThat(count.last()).isEqualTo(6);
        assertThat(store.snapshot().users()).extracting(User::name).containsExactly("Abe", "Ann", "Bob", "Cy", "Dee", "Eve");
    }

    @Test
    void insertingAtTheEndIndexAppends() {
        users.add(5, new User("Fay", 33));

        assertThat(name(5).peek()).isEqualTo("Fay");
    }

    @Test
    void insertingPastTheEndOrBeforeTheStartIsRefusedWithThePath() {
        assertThatThrownBy(() -> users.add(6, new User("Zed", 1)))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("cannot add at users[6]: the list has 5 elements");
        assertThatThrownBy(() -> users.add(-1, new User("Zed", 1)))
                .isInstanceOf(IndexOutOfBoundsException.class).hasMessage("cannot add at users[-1]");
        assertThat(store.snapshot()).isSameAs(INITIAL);
    }

    @Test
    void removingIndexZeroShiftsEveryElementAndNotifiesTheLength() {
        Runs<String> first = Runs.of(() -> name(0).get());
        Runs<Integer> count = Runs.of(users::size);

        users.at(0).remove();

        assertThat(first.last()).isEqualTo("Bob");
        assertThat(count.last()).isEqualTo(4);
    }

    @Test
    void removingTheLastElementLeavesTheOthersAlone() {
        Runs<String> first = Runs.of(() -> name(0).get());

        users.at(4).remove();

        assertThat(first.reruns()).isZero();
        assertThat(store.snapshot().users()).hasSize(4);
    }

    @Test
    void removingAnIndexOutOfRangeIsRefusedWithThePath() {
        assertThatThrownBy(() -> users.at(5).remove())
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("cannot remove users[5]: users has 5 elements");
        assertThatThrownBy(() -> users.at(-1).remove())
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("cannot remove users[-1]: users has 5 elements");
        assertThat(store.snapshot()).isSameAs(INITIAL);
    }

    @Test
    void removingAnAbsentMapKeyChangesNothing() {
        Runs<Set<Object>> keys = Runs.of(() -> Set.copyOf(settings.keys()));

        settings.at("font").remove();

        assertThat(keys.reruns()).isZero();
        assertThat(store.snapshot()).isSameAs(INITIAL);
    }

    @Test
    void theRootCannotBeRemoved() {
        assertThatThrownBy(() -> store.cursor().remove())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("root");
    }

    // ---- update -------------------------------------------------------------------------------

    @Test
    void updateAppliesTheFunctionToTheCurrentValue() {
        Runs<Integer> age = Runs.of(() -> users.at(1).<Integer>at("age").get());

        users.at(1).<Integer>at("age").update(a -> a + 1);
        store.update(state -> new AppState(state.users(), Map.of("theme", "dark")));

        assertThat(age.last()).isEqualTo(42);
        assertThat(store.snapshot().settings()).containsEntry("theme", "dark");
    }

    @Test
    void anUpdateThatReturnsAnEqualValueChangesNothing() {
        users.at(1).<Integer>at("age").update(a -> Integer.valueOf(a));
        store.update(state -> new AppState(List.copyOf(state.users()), Map.copyOf(state.settings())));

        assertThat(store.snapshot()).isSameAs(INITIAL);
    }

    // ---- cursors are values -------------------------------------------------------------------

    @Test
    void cursorsAtTheSamePathOfTheSameStoreAreEqual() {
        Store<AppState> other = Store.of(INITIAL);

        assertThat(name(2)).isEqualTo(name(2)).hasSameHashCodeAs(name(2));
        assertThat(name(2)).isNotEqualTo(name(3)).isNotEqualTo(other.cursor().select(AppState::users).at(2).at("name"));
        assertThat(name(2)).isNotEqualTo("users[2].name");
        assertThat(name(2).hashCode()).isNotEqualTo(name(3).hashCode());
        assertThat(name(2)).hasToString("Cursor[users[2].name]");
        assertThat(store).hasToString("Store[" + INITIAL + "]");
    }

    @Test
    void aMapEntryCanBeReachedByAnyKeyObject() {
        Object key = "theme";

        assertThat(settings.<String>at(key).get()).isEqualTo("light");
        assertThat(settings.at(key).path()).isEqualTo("settings.theme");
    }

    @Test
    void everyOperationRefusesAnotherThreadBeforeTouchingTheStore() {
        List<Callable<?>> operations = List.of(
                store::cursor, () -> users.at(1), () -> users.at("x"), () -> store.cursor().select(AppState::users),
                () -> { store.transaction(() -> { }); return null; }, users::size, settings::keys,
                () -> store.subscribe(state -> { }));
        for (Callable<?> operation : operations) {
            assertThat(Runs.fromAnotherThread(operation)).isInstanceOf(WrongThreadException.class)
                    .hasMessageStartingWith("a Store");
        }
    }
}
