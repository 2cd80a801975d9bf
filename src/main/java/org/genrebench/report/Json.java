package org.genrebench.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A minimal JSON serialiser for maps, lists, strings, numbers, booleans and null (enough for summary.json). */
final class Json {
    private Json() {
    }

    static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, 0);
        return sb.append('\n').toString();
    }

    private static void write(StringBuilder sb, Object v, int indent) {
        switch (v) {
            case null -> sb.append("null");
            case Map<?, ?> map -> {
                sb.append('{');
                int i = 0;
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    sb.append(i++ == 0 ? "\n" : ",\n").append("  ".repeat(indent + 1));
                    string(sb, String.valueOf(e.getKey()));
                    sb.append(": ");
                    write(sb, e.getValue(), indent + 1);
                }
                if (!map.isEmpty()) sb.append('\n').append("  ".repeat(indent));
                sb.append('}');
            }
            case List<?> list -> {
                boolean flat = list.stream().noneMatch(x -> x instanceof Map || x instanceof List);
                sb.append('[');
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) sb.append(flat ? ", " : ",");
                    if (!flat) sb.append('\n').append("  ".repeat(indent + 1));
                    write(sb, list.get(i), indent + 1);
                }
                if (!flat && !list.isEmpty()) sb.append('\n').append("  ".repeat(indent));
                sb.append(']');
            }
            case double[] arr -> write(sb, java.util.Arrays.stream(arr).boxed().toList(), indent);
            case Double d -> sb.append(Double.isFinite(d) ? String.format(Locale.ROOT, "%.6g", d).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2").replace(".e", "e").replaceAll("\\.$", "") : "null");
            case Number n -> sb.append(n);
            case Boolean b -> sb.append(b);
            default -> string(sb, v.toString());
        }
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        sb.append('"');
    }
}
