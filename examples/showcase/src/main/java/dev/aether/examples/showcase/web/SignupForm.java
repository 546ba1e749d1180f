package dev.aether.examples.showcase.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The sign-up form's values and their validation, shared by the live handlers and the
 * no-JavaScript action so both say the same thing.
 *
 * <pre>{@code
 * new SignupForm("Ada", "ada@").errors();   // {email=Enter an e-mail address like ada@example.com}
 * }</pre>
 */
public record SignupForm(String name, String email) {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public static SignupForm empty() {
        return new SignupForm("", "");
    }

    /** Field name → message, for each field that is not valid; empty when the form is valid. */
    public Map<String, String> errors() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (name.isBlank()) {
            errors.put("name", "Enter your name");
        } else if (name.length() > 100) {
            errors.put("name", "Keep your name under 100 characters");
        }
        if (!EMAIL.matcher(email.strip()).matches()) {
            errors.put("email", "Enter an e-mail address like ada@example.com");
        }
        return errors;
    }

    public boolean valid() {
        return errors().isEmpty();
    }
}
