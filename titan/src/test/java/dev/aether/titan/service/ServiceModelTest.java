package dev.aether.titan.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aether.netron.protocol.Public;
import dev.aether.netron.protocol.Service;
import dev.aether.netron.protocol.definition.ArgumentInfo;
import dev.aether.netron.protocol.definition.Definition;
import dev.aether.netron.protocol.definition.MethodInfo;
import dev.aether.netron.protocol.definition.PropertyInfo;
import dev.aether.titan.Auth;
import dev.aether.titan.Cacheable;
import dev.aether.titan.Principal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** What a service exposes, and the definition a caller sees of it. */
class ServiceModelTest {

    enum Colour { RED }

    record Point(int x, int y) {
    }

    @Service("catalog@1.2.0")
    public static final class Catalog {
        @Public(readonly = true)
        public final String owner = "shop";

        @Public
        public volatile long hits;

        @Public
        @Auth(roles = "admin")
        public volatile boolean frozen;

        @Public
        public volatile CompletableFuture<String> ready;

        @Public
        public void touch() {
        }

        @Public
        public boolean inStock(String sku, char grade, Colour colour) {
            return true;
        }

        @Public
        public int count(short a, Integer b, double c, Character d) {
            return 0;
        }

        @Public
        public List<String> names(int[] ids, List<Integer> more) {
            return List.of();
        }

        @Public
        public CompletableFuture<Point> locate(Map<String, Object> query, Point near) {
            return CompletableFuture.completedFuture(near);
        }

        @Public
        @Auth(roles = "admin")
        @Cacheable(maxAge = 1999, tags = {"catalog", "prices"})
        public Void purge(Boolean all) {
            return null;
        }

        public String hidden() {
            return "not public";
        }
    }

    private final ServiceModel model = ServiceModel.of(new Catalog());

    private Definition definition(Principal principal) {
        return model.definitionFor(principal, false, "peer-9");
    }

    @Test
    void methodTypesAreTheJavaScriptNamesTheReferenceSends() {
        Map<String, MethodInfo> methods = definition(Principal.of("u", "admin")).meta().methods();
        assertThat(methods.get("touch").type()).isEqualTo("undefined");
        assertThat(methods.get("purge").type()).isEqualTo("undefined");
        assertThat(methods.get("inStock").type()).isEqualTo("Boolean");
        assertThat(methods.get("count").type()).isEqualTo("Number");
        assertThat(methods.get("names").type()).isEqualTo("Array");
        assertThat(methods.get("locate").type()).isEqualTo("Promise");
    }

    @Test
    void argumentTypesAreTheJavaScriptNamesInOrder() {
        Map<String, MethodInfo> methods = definition(Principal.of("u", "admin")).meta().methods();
        assertThat(methods.get("inStock").arguments()).containsExactly(
                new ArgumentInfo(0, "String"), new ArgumentInfo(1, "String"), new ArgumentInfo(2, "String"));
        assertThat(methods.get("count").arguments()).extracting(ArgumentInfo::type)
                .containsExactly("Number", "Number", "Number", "String");
        assertThat(methods.get("names").arguments()).extracting(ArgumentInfo::type).containsExactly("Array", "Array");
        assertThat(methods.get("locate").arguments()).extracting(ArgumentInfo::type).containsExactly("Object", "Object");
        assertThat(methods.get("purge").arguments()).extracting(ArgumentInfo::type).containsExactly("Boolean");
        assertThat(methods.get("touch").arguments()).isEmpty();
    }

    @Test
    void propertiesCarryTheirTypeAndWhetherTheyAreReadOnly() {
        Map<String, PropertyInfo> properties = definition(Principal.of("u", "admin")).meta().properties();
        assertThat(properties).containsEntry("owner", new PropertyInfo("String", true))
                .containsEntry("hits", new PropertyInfo("Number", false))
                .containsEntry("frozen", new PropertyInfo("Boolean", false))
                .containsEntry("ready", new PropertyInfo("Promise", false));
    }

    @Service("consts@1.0.0")
    public static final class Constants {
        @Public
        public final int answer = 42;
    }

    @Test
    void aFinalFieldIsReadOnlyEvenWithoutSayingSo() {
        assertThat(ServiceModel.of(new Constants()).property("answer").readonly()).isTrue();
        assertThat(model.property("hits").readonly()).isFalse();
    }

    @Service("clash@1.0.0")
    public static final class Clash {
        @Public
        public volatile int size;

        @Public
        public int size() {
            return size;
        }
    }

    @Test
    void aMethodAndAPropertyOfTheSameNameAreRefused() {
        assertThatThrownBy(() -> ServiceModel.of(new Clash())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("service clash@1.0.0 exposes both a method and a property named 'size'");
    }

    @Service("accents@1.0.0")
    public static final class Accents {
        @Public
        public String café() {
            return "";
        }
    }

    @Test
    void aMemberNameThatIsNotAPlainIdentifierIsRefused() {
        assertThatThrownBy(() -> ServiceModel.of(new Accents())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a valid Netron member name");
    }

    @Service("accentedproperty@1.0.0")
    public static final class AccentedProperty {
        @Public
        public volatile int déjà;
    }

    @Test
    void aPropertyNameThatIsNotAPlainIdentifierIsRefused() {
        assertThatThrownBy(() -> ServiceModel.of(new AccentedProperty())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a valid Netron member name");
    }

    @Service("longnames@1.0.0")
    public static final class LongestName {
        @Public
        public int nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn() {
            return 255;
        }
    }

    @Service("longnames@1.0.0")
    public static final class TooLongName {
        @Public
        public int mmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmm() {
            return 256;
        }
    }

    @Test
    void aMemberNameMayHave255CharactersButNot256() {
        assertThat(ServiceModel.of(new LongestName()).methodNames()).singleElement().asString().hasSize(255);
        assertThatThrownBy(() -> ServiceModel.of(new TooLongName())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a valid Netron member name");
    }

    public interface Named {
        @Public
        String name();
    }

    /** Re-declares name() without @Public: the annotation is found one interface further up. */
    public interface Titled extends Named {
        @Override
        String name();
    }

    public abstract static class Base {
        @Public
        public abstract int rank();
    }

    @Service("inherits@1.0.0")
    public static final class Inherits extends Base implements Titled {
        @Override
        public String name() {
            return "n";
        }

        @Override
        public int rank() {
            return 1;
        }
    }

    @Test
    void publicMayBeDeclaredOnASuperclassOrAnyInterfaceAbove() {
        ServiceModel inherits = ServiceModel.of(new Inherits());
        assertThat(inherits.methodNames()).containsExactly("name", "rank");
    }

    @Service("statics@1.0.0")
    public static final class Statics {
        @Public
        public static volatile int shared;
    }

    @Test
    void aStaticPropertyIsReadAndWritten() {
        PropertyModel shared = ServiceModel.of(new Statics()).property("shared");
        shared.write(5);
        try {
            assertThat(Statics.shared).isEqualTo(5);
            assertThat(shared.read()).isEqualTo(5);
        } finally {
            Statics.shared = 0;
        }
    }

    @Test
    void aModelDescribesItselfByIdAndClass() {
        assertThat(model).hasToString("Service[catalog@1.2.0 -> " + Catalog.class.getName() + "]");
    }

    @Service("hidden@1.0.0")
    static final class NotPublicClass {
        @Public
        public int x() {
            return 1;
        }
    }

    @Test
    void aServiceClassThatIsNotPublicIsRefused() {
        assertThatThrownBy(() -> ServiceModel.of(new NotPublicClass())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be public");
    }

    @Test
    void theDefinitionShowsOnlyWhatTheCallerMayUse() {
        Definition anonymous = definition(null);
        assertThat(anonymous.meta().methods()).doesNotContainKey("purge").containsKey("touch");
        assertThat(anonymous.meta().properties()).doesNotContainKey("frozen").containsKey("hits");
        Definition admin = definition(Principal.of("u", "admin"));
        assertThat(admin.meta().methods()).containsKey("purge");
        assertThat(admin.meta().properties()).containsKey("frozen");
    }

    @Test
    void theDefinitionNamesTheServiceItsIdAndThePeer() {
        Definition definition = definition(null);
        assertThat(definition.id()).isEqualTo(model.definitionId());
        assertThat(definition.peerId()).isEqualTo("peer-9");
        assertThat(definition.parentId()).isEmpty();
        assertThat(definition.meta().name()).isEqualTo("catalog");
        assertThat(definition.meta().version()).isEqualTo("1.2.0");
    }

    @Test
    void aServiceTheCallerMayUseNothingOfHasNoDefinition() {
        assertThat(model.definitionFor(null, true, "peer-9")).isNull();
        assertThat(model.definitionFor(Principal.of("u"), true, "peer-9")).isNotNull();
    }

    @Test
    void onlyPublicAnnotatedMembersAreExposed() {
        assertThat(model.method("hidden")).isNull();
        assertThat(model.method("toString")).isNull();
        assertThat(model.methodNames()).containsExactly("count", "inStock", "locate", "names", "purge", "touch");
    }

    @Test
    void aSignatureNamesTheParameterTypes() {
        assertThat(model.method("count").signature()).isEqualTo("count(short, Integer, double, Character)");
        assertThat(model.method("touch").signature()).isEqualTo("touch()");
    }

    @Test
    void anAsyncMethodIsOneThatReturnsACompletionStage() {
        assertThat(model.method("locate").async()).isTrue();
        assertThat(model.method("names").async()).isFalse();
    }

    @Test
    void cacheableSettingsAreKeptAndMaxAgeIsSentInWholeSecondsRoundedDown() {
        MethodModel.Cache cache = model.method("purge").cache();
        assertThat(cache.maxAge()).isEqualTo(1999);
        assertThat(cache.maxAgeSeconds()).isEqualTo(1);
        assertThat(cache.tags()).containsExactly("catalog", "prices");
        assertThat(model.method("touch").cache()).isNull();
    }

    @Test
    void aNegativeMaxAgeIsRefusedAndZeroIsAllowed() {
        assertThatThrownBy(() -> new MethodModel.Cache(-1, List.of(), false)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("@Cacheable maxAge must not be negative: -1");
        assertThat(new MethodModel.Cache(0, List.of(), false).maxAgeSeconds()).isZero();
    }

    @Test
    void aTagThatWouldBreakTheHeaderIsRefused() {
        for (String bad : new String[] {"", " ", "a,b", "a\nb", "a\u0000"}) {
            assertThatThrownBy(() -> new MethodModel.Cache(1000, List.of(bad), false)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(new MethodModel.Cache(1000, List.of("a-b.c"), false).tags()).containsExactly("a-b.c");
    }

    @Test
    void definitionIdsAreVersion7Uuids() {
        UUID id = UUID.fromString(model.definitionId());
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        long millis = id.getMostSignificantBits() >>> 16;
        assertThat(millis).isBetween(System.currentTimeMillis() - 60_000, System.currentTimeMillis());
    }

    @Test
    void everyModelHasItsOwnDefinitionId() {
        assertThat(ServiceModel.of(new Catalog()).definitionId()).isNotEqualTo(model.definitionId());
    }
}
