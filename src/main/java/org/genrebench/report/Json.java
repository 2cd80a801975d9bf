package org.genrebench.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * summary.json through Jackson: maps, lists, strings, numbers, booleans and null, two-space indentation. Doubles
 * are written to 6 significant digits (the precision the scores carry) and non-finite ones as null.
 */
final class Json {
    private static final MathContext DIGITS = new MathContext(6);

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new SimpleModule().addSerializer(Double.class, new RoundedDouble())
                    .addSerializer(double[].class, new RoundedDoubles()))
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private static final DefaultPrettyPrinter PRINTER = new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));

    private Json() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writer(PRINTER).writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void number(double d, JsonGenerator gen) throws IOException {
        if (Double.isFinite(d)) gen.writeNumber(new BigDecimal(d).round(DIGITS).stripTrailingZeros());
        else gen.writeNull();
    }

    private static final class RoundedDouble extends JsonSerializer<Double> {
        @Override
        public void serialize(Double value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            number(value, gen);
        }
    }

    private static final class RoundedDoubles extends JsonSerializer<double[]> {
        @Override
        public void serialize(double[] values, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeStartArray(values, values.length);
            for (double v : values) number(v, gen);
            gen.writeEndArray();
        }
    }
}
