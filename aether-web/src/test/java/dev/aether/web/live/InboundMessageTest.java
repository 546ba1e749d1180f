package dev.aether.web.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the live channel accepts from a browser: {@code ["e", seq, elementId, type, {data}, lastSeen]}
 * and {@code ["a", lastSeen]}. Anything else is {@link InboundMessage.Malformed} with a reason, never an exception.
 */
class InboundMessageTest {

    private static InboundMessage parse(String message) {
        return InboundMessage.parse(message);
    }

    private static InboundMessage.Malformed malformed(String reason) {
        return new InboundMessage.Malformed(reason);
    }

    // ---- good messages ------------------------------------------------------------------------

    @Test
    void anEventIsParsedWithItsNumberElementTypeDataAndLastSeenFrame() {
        assertThat(parse("[\"e\",7,\"12\",\"input\",{\"value\":\"Ada\",\"key\":\"a\"},3]"))
                .isEqualTo(new InboundMessage.Event(7, "12", "input", Map.of("value", "Ada", "key", "a"), 3));
    }

    @Test
    void anEventWithEmptyDataIsParsed() {
        assertThat(parse("[\"e\",1,\"1\",\"click\",{},0]")).isEqualTo(new InboundMessage.Event(1, "1", "click", Map.of(), 0));
    }

    @Test
    void anEventKeepsUnicodeAndMarkupInItsDataAsIs() {
        Object e = parse("[\"e\",1,\"1\",\"input\",{\"value\":\"<b>\\u2028é</b>\"},0]");
        assertThat(e).isInstanceOf(InboundMessage.Event.class);
        assertThat(((InboundMessage.Event) e).data()).containsEntry("value", "<b>\u2028é</b>");
    }

    @Test
    void anEventWithoutAHandlerNumberIsForTheElementsFirstHandlerOfItsType() {
        assertThat(((InboundMessage.Event) parse("[\"e\",1,\"1\",\"keydown\",{},0]")).handler()).isZero();
    }

    @Test
    void anEventMayNameWhichHandlerOfItsTypeOnTheElementItIsFor() {
        assertThat(parse("[\"e\",4,\"9\",\"keydown\",{\"key\":\"Escape\"},2,1]"))
                .isEqualTo(new InboundMessage.Event(4, "9", "keydown", Map.of("key", "Escape"), 2, 1));
        assertThat(((InboundMessage.Event) parse("[\"e\",1,\"1\",\"keydown\",{},0,63]")).handler()).isEqualTo(63);
    }

    @Test
    void anAcknowledgementIsParsedAsTheLastFrameSeen() {
        assertThat(parse("[\"a\",42]")).isEqualTo(new InboundMessage.Ack(42));
        assertThat(parse("[\"a\",0]")).isEqualTo(new InboundMessage.Ack(0));
    }

    @Test
    void exactlyTheMaximumNumberOfDataFieldsIsAccepted() {
        assertThat(parse(eventWithFields(InboundMessage.MAX_DATA_FIELDS))).isInstanceOf(InboundMessage.Event.class);
    }

    // ---- bad messages ---------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "[\"e\",1", "{\"e\":1"})
    void malformedJsonIsRefused(String message) {
        assertThat(parse(message)).isInstanceOf(InboundMessage.Malformed.class);
    }

    @Test
    void malformedJsonIsRefusedAsNotJson() {
        assertThat(parse("[\"e\",1")).isEqualTo(malformed("malformed message: not JSON"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[\"a\",1]]", "[\"a\",1] [\"a\",2]", "[\"a\",1]x"})
    void trailingDataAfterTheMessageIsRefused(String message) {
        assertThat(parse(message)).isInstanceOf(InboundMessage.Malformed.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "[]", "[1,2]", "null", "\"e\"", "42", "[null]", "[[\"e\"]]"})
    void aMessageThatIsNotAnArrayStartingWithItsTypeIsRefused(String message) {
        assertThat(parse(message)).isEqualTo(malformed("malformed message: expected [\"e\", …] or [\"a\", …]"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[\"a\"]", "[\"a\",1,2]", "[\"a\",\"1\"]", "[\"a\",null]", "[\"a\",{}]", "[\"a\",true]"})
    void aMalformedAcknowledgementIsRefused(String message) {
        assertThat(parse(message)).isEqualTo(malformed("malformed acknowledgement: expected [\"a\", lastSeen]"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "[\"e\",1,\"1\",\"click\",{}]",             // too short
            "[\"e\",1,\"1\",\"click\",{},0,0,0]",       // too long
            "[\"e\",1,\"1\",\"click\",{},0,-1]",        // handler numbers are 0..63
            "[\"e\",1,\"1\",\"click\",{},0,64]",
            "[\"e\",1,\"1\",\"click\",{},0,\"1\"]",
            "[\"e\",0,\"1\",\"click\",{},0]",           // event numbers start at 1
            "[\"e\",-3,\"1\",\"click\",{},0]",
            "[\"e\",\"1\",\"1\",\"click\",{},0]",       // number as a string
            "[\"e\",1,1,\"click\",{},0]",               // element id not a string
            "[\"e\",1,\"1\",7,{},0]",                   // type not a string
            "[\"e\",1,\"1\",\"click\",[],0]",           // data not an object
            "[\"e\",1,\"1\",\"click\",null,0]",
            "[\"e\",1,\"1\",\"click\",{},\"0\"]",       // lastSeen not a number
            "[\"e\",1,\"1\",\"click\",{},null]"})
    void anEventOfTheWrongShapeIsRefused(String message) {
        assertThat(parse(message)).isEqualTo(malformed("malformed event: expected [\"e\", seq, elementId, type, {data}, lastSeen(, handler)]"));
    }

    @Test
    void anEventWithTooManyDataFieldsIsRefused() {
        assertThat(parse(eventWithFields(InboundMessage.MAX_DATA_FIELDS + 1)))
                .isEqualTo(malformed("malformed event: more than " + InboundMessage.MAX_DATA_FIELDS + " data fields"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"v\":{\"x\":\"y\"}}", "{\"v\":[\"x\"]}", "{\"v\":null}"})
    void anEventWhoseDataHoldsAnObjectArrayOrNullIsRefused(String data) {
        assertThat(parse("[\"e\",1,\"1\",\"input\"," + data + ",0]")).isEqualTo(malformed("malformed event: data field 'v' is not a string"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"v\":1}", "{\"v\":true}", "{\"v\":1.5}"})
    void anEventWhoseDataHoldsANumberOrBooleanIsRefused(String data) {
        assertThat(parse("[\"e\",1,\"1\",\"input\"," + data + ",0]")).isEqualTo(malformed("malformed event: data field 'v' is not a string"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[\"x\"]", "[\"E\",1,\"1\",\"click\",{},0]", "[\"\"]", "[\"ack\",1]"})
    void anUnknownMessageTypeIsRefusedByName(String message) {
        String type = message.substring(2, message.indexOf('"', 2));
        assertThat(parse(message)).isEqualTo(malformed("unknown message type '" + type + "'"));
    }

    private static String eventWithFields(int n) {
        StringBuilder data = new StringBuilder("{");
        for (int i = 0; i < n; i++) {
            data.append(i == 0 ? "" : ",").append("\"f").append(i).append("\":\"v\"");
        }
        return "[\"e\",1,\"1\",\"submit\"," + data.append('}') + ",0]";
    }
}
