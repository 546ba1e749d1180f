package dev.aether.web.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A small tokenizer following the HTML5 tokenizer's rules where they matter for injection: tag
 * open, attribute quoting, comments (including {@code <!-->}), bogus comments, raw text and
 * RCDATA elements, and character references. Tests use it to see output as a browser would.
 */
public final class HtmlTokenizer {
    public sealed interface Token permits StartTag, EndTag, Comment, TextToken {
    }

    public record StartTag(String name, Map<String, String> attributes) implements Token {
    }

    public record EndTag(String name) implements Token {
    }

    public record Comment(String data) implements Token {
    }

    public record TextToken(String text) implements Token {
    }

    private static final Set<String> RAW_TEXT = Set.of("script", "style", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext");
    private static final Set<String> RCDATA = Set.of("textarea", "title");

    private final String s;
    private int i;
    private final List<Token> tokens = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();

    private HtmlTokenizer(String s) {
        this.s = s;
    }

    public static List<Token> tokenize(String html) {
        HtmlTokenizer t = new HtmlTokenizer(html);
        t.run();
        return t.tokens;
    }

    private void run() {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '<' && i + 1 < s.length()) {
                char n = s.charAt(i + 1);
                if (Character.isLetter(n)) {
                    flushText();
                    i++;
                    StartTag tag = startTag();
                    tokens.add(tag);
                    if (RAW_TEXT.contains(tag.name()) || RCDATA.contains(tag.name())) {
                        rawText(tag.name(), RCDATA.contains(tag.name()));
                    }
                    continue;
                }
                if (n == '/' && i + 2 < s.length() && Character.isLetter(s.charAt(i + 2))) {
                    flushText();
                    i += 2;
                    String name = name();
                    skipTo('>');
                    tokens.add(new EndTag(name));
                    continue;
                }
                if (n == '!' || n == '?' || n == '/') {
                    flushText();
                    if (s.startsWith("<!--", i)) {
                        comment();
                    } else {
                        int end = s.indexOf('>', i);
                        end = end < 0 ? s.length() : end;
                        tokens.add(new Comment(s.substring(i + 2, end)));
                        i = end + 1;
                    }
                    continue;
                }
            }
            text.append(c);
            i++;
        }
        flushText();
    }

    private void comment() {
        i += 4;
        if (s.startsWith(">", i) || s.startsWith("->", i)) {
            tokens.add(new Comment(""));
            i = s.indexOf('>', i) + 1;
            return;
        }
        int end = s.indexOf("-->", i);
        int bang = s.indexOf("--!>", i);
        if (bang >= 0 && (end < 0 || bang < end)) {
            tokens.add(new Comment(s.substring(i, bang)));
            i = bang + 4;
            return;
        }
        end = end < 0 ? s.length() : end;
        tokens.add(new Comment(s.substring(i, end)));
        i = Math.min(s.length(), end + 3);
    }

    private void rawText(String tag, boolean decode) {
        int end = indexOfEndTag(tag);
        String content = s.substring(i, end);
        if (!content.isEmpty()) {
            tokens.add(new TextToken(decode ? decode(content) : content));
        }
        i = end;
    }

    private int indexOfEndTag(String tag) {
        String lower = s.toLowerCase(Locale.ROOT);
        int from = i;
        while (true) {
            int at = lower.indexOf("</" + tag, from);
            if (at < 0) {
                return s.length();
            }
            int after = at + 2 + tag.length();
            if (after >= s.length() || " \t\n\f\r/>".indexOf(s.charAt(after)) >= 0) {
                return at;
            }
            from = after;
        }
    }

    private StartTag startTag() {
        String name = name();
        Map<String, String> attributes = new LinkedHashMap<>();
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '>') {
                i++;
                break;
            }
            if (isSpace(c) || c == '/') {
                i++;
                continue;
            }
            int start = i;
            i++; // the first character may be '='
            while (i < s.length() && !isSpace(s.charAt(i)) && "/>=".indexOf(s.charAt(i)) < 0) {
                i++;
            }
            String attr = s.substring(start, i).toLowerCase(Locale.ROOT);
            while (i < s.length() && isSpace(s.charAt(i))) {
                i++;
            }
            String value = "";
            if (i < s.length() && s.charAt(i) == '=') {
                i++;
                while (i < s.length() && isSpace(s.charAt(i))) {
                    i++;
                }
                if (i < s.length() && (s.charAt(i) == '"' || s.charAt(i) == '\'')) {
                    char q = s.charAt(i++);
                    int end = s.indexOf(q, i);
                    end = end < 0 ? s.length() : end;
                    value = decode(s.substring(i, end));
                    i = Math.min(s.length(), end + 1);
                } else {
                    int vs = i;
                    while (i < s.length() && !isSpace(s.charAt(i)) && s.charAt(i) != '>') {
                        i++;
                    }
                    value = decode(s.substring(vs, i));
                }
            }
            attributes.putIfAbsent(attr, value);
        }
        return new StartTag(name, attributes);
    }

    private String name() {
        int start = i;
        while (i < s.length() && !isSpace(s.charAt(i)) && s.charAt(i) != '/' && s.charAt(i) != '>') {
            i++;
        }
        return s.substring(start, i).toLowerCase(Locale.ROOT);
    }

    private void skipTo(char c) {
        int end = s.indexOf(c, i);
        i = end < 0 ? s.length() : end + 1;
    }

    private void flushText() {
        if (!text.isEmpty()) {
            tokens.add(new TextToken(decode(text.toString())));
            text.setLength(0);
        }
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
    }

    public static String decode(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c != '&') {
                out.append(c);
                continue;
            }
            int semi = s.indexOf(';', k);
            String ref = semi < 0 ? "" : s.substring(k + 1, semi);
            String rep = switch (ref) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                case "colon" -> ":";
                case "Tab" -> "\t";
                case "NewLine" -> "\n";
                default -> {
                    try {
                        if (ref.startsWith("#x") || ref.startsWith("#X")) {
                            yield new String(Character.toChars(Integer.parseInt(ref.substring(2), 16)));
                        } else if (ref.startsWith("#")) {
                            yield new String(Character.toChars(Integer.parseInt(ref.substring(1))));
                        }
                    } catch (IllegalArgumentException e) {
                        // not a reference
                    }
                    yield null;
                }
            };
            if (rep == null) {
                out.append(c);
            } else {
                out.append(rep);
                k = semi;
            }
        }
        return out.toString();
    }
}
