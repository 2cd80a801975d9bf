package org.genrebench.model;

import org.genrebench.util.UserException;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * One typed hyper-parameter of a model: its key, default, what values it takes and what it means. Models declare
 * theirs beside the code that reads them; the catalogue checks every value given on the command line
 * ({@code --param svm.C=3}) against the declaration before any work starts.
 *
 * @param key          name on the command line and in reports, e.g. {@code C}
 * @param defaultValue the value used when none is given
 * @param expected     what a valid value looks like, for messages, e.g. {@code an integer >= 1}
 * @param valid        whether a value is acceptable
 * @param help         one line on what it does
 */
public record HyperParameter(String key, String defaultValue, String expected, Predicate<String> valid, String help) {

    public HyperParameter {
        if (!valid.test(defaultValue)) throw new IllegalArgumentException(key + ": default '" + defaultValue + "' is not " + expected);
    }

    /** An integer in {@code [min, max]}. */
    public static HyperParameter integer(String key, int defaultValue, int min, int max, String help) {
        return new HyperParameter(key, Integer.toString(defaultValue), "an integer in [" + min + ", " + max + "]",
                v -> isInteger(v) && Integer.parseInt(v) >= min && Integer.parseInt(v) <= max, help);
    }

    /** A finite number in {@code [min, max]}. */
    public static HyperParameter number(String key, String defaultValue, double min, double max, String help) {
        return new HyperParameter(key, defaultValue, "a number in [" + plain(min) + ", " + plain(max) + "]",
                v -> isNumber(v) && Double.parseDouble(v) >= min && Double.parseDouble(v) <= max, help);
    }

    /** {@code true} or {@code false}. */
    public static HyperParameter bool(String key, boolean defaultValue, String help) {
        return new HyperParameter(key, Boolean.toString(defaultValue), "true or false", v -> v.equals("true") || v.equals("false"), help);
    }

    /** One of {@code choices}. */
    public static HyperParameter choice(String key, String defaultValue, List<String> choices, String help) {
        return new HyperParameter(key, defaultValue, "one of " + String.join(", ", choices), choices::contains, help);
    }

    /** Whether {@code v} is a decimal integer. */
    public static boolean isInteger(String v) {
        try {
            Integer.parseInt(v);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Whether {@code v} is a finite decimal number. */
    public static boolean isNumber(String v) {
        try {
            return Double.isFinite(Double.parseDouble(v)) && !v.strip().isEmpty() && !v.matches(".*[a-zA-Z&&[^eE]].*");
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** {@code value} when valid for this parameter of {@code model}, else one sentence naming both. */
    public String check(String model, String value) {
        if (value == null || !valid.test(value)) {
            throw new UserException("model " + model + ": " + key + " must be " + expected + ", got '" + value + "'");
        }
        return value;
    }

    /**
     * Every declared parameter of {@code model} at its default, with {@code overrides} checked and applied; sorted by
     * key so reports list them in a stable order. An unknown key is one sentence naming the known ones.
     */
    public static Map<String, String> resolve(String model, List<HyperParameter> declared, Map<String, String> overrides) {
        Map<String, String> values = new TreeMap<>();
        for (HyperParameter p : declared) values.put(p.key(), p.defaultValue());
        overrides.forEach((key, value) -> {
            HyperParameter p = declared.stream().filter(d -> d.key().equals(key)).findFirst().orElseThrow(() ->
                    new UserException("model " + model + " has no hyper-parameter '" + key + "' (known: "
                            + String.join(", ", declared.stream().map(HyperParameter::key).toList()) + ")"));
            values.put(key, p.check(model, value));
        });
        return values;
    }

    private static String plain(double v) {
        return new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }
}
