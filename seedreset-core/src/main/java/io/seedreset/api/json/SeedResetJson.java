package io.seedreset.api.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.EnumFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.util.NameTransformer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The one JSON dialect of Seed &amp; Reset's results, shared by every front end so that a result
 * reads the same from the CLI's {@code --json} and from the HTTP server. Results are written as
 * the records of {@link io.seedreset.api} are, component by component in declaration order, with
 * one form for each kind of value wherever it appears:
 * <ul>
 *   <li>instants as ISO-8601 text ({@code "2026-11-21T00:00:00Z"});</li>
 *   <li>durations as whole milliseconds in a field whose name ends in {@code Ms}: a
 *       {@link Duration} component {@code duration} is written as {@code durationMs}, and a component
 *       already counted in milliseconds, {@code durationMillis}, is written as {@code durationMs} too;</li>
 *   <li>enum values in lower case, as the CLI's options take them ({@code "kind": "demo"},
 *       {@code "status": "applied"}, {@code "outcome": "succeeded"});</li>
 *   <li>maps in the order the result holds them (results keep theirs sorted by key), never re-sorted
 *       here, so that what a result promises about its order is what is written.</li>
 * </ul>
 * It writes results; it is not meant to read them back.
 */
public final class SeedResetJson {

    // Configured once here and never handed out, so no caller can change the dialect for the others;
    // ObjectWriters are immutable and safe to share between threads.
    private static final ObjectMapper MAPPER = newMapper();
    private static final ObjectWriter ONE_LINE = MAPPER.writer();
    private static final ObjectWriter INDENTED = MAPPER.writerWithDefaultPrettyPrinter();

    private SeedResetJson() {
    }

    /**
     * A new mapper that writes this dialect, for a front end that hands a mapper to its framework
     * (Javalin's {@code JavalinJackson}, for one). Each call makes a new one, so configuring it further
     * changes nothing for anyone else.
     */
    public static ObjectMapper newMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(dialect())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .configure(EnumFeature.WRITE_ENUMS_TO_LOWERCASE, true)
                // Money and other decimals as written (1500.00), never in scientific notation (1.5E+3).
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .build();
    }

    /** Writes one JSON value on one line: for errors, logs and HTTP responses. */
    public static ObjectWriter writer() {
        return ONE_LINE;
    }

    /** Writes one JSON value indented over several lines (Jackson's default pretty printer): for people reading it. */
    public static ObjectWriter indentedWriter() {
        return INDENTED;
    }

    /** {@code value} as JSON on one line. */
    public static String write(Object value) {
        return write(ONE_LINE, value);
    }

    /** {@code value} as indented JSON. */
    public static String writeIndented(Object value) {
        return write(INDENTED, value);
    }

    private static String write(ObjectWriter writer, Object value) {
        try {
            return writer.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            // Results are plain records of strings, numbers, instants, ids, lists and maps.
            throw new IllegalStateException("could not write " + value.getClass().getName() + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** What a module can say about the dialect: the milliseconds rule, for every record, present and future. */
    private static SimpleModule dialect() {
        SimpleModule module = new SimpleModule("seedreset-json");
        module.setSerializerModifier(new Milliseconds());
        return module;
    }

    /**
     * Renames and writes durations by a rule instead of one annotation per result, so that a result a
     * later version adds follows the dialect without anyone remembering to.
     */
    private static final class Milliseconds extends BeanSerializerModifier {

        private static final String MILLIS = "Millis";
        private static final String MS = "Ms";

        @Override
        @SuppressWarnings("unchecked")
        public List<BeanPropertyWriter> changeProperties(SerializationConfig config, BeanDescription bean,
                                                         List<BeanPropertyWriter> properties) {
            List<BeanPropertyWriter> changed = new ArrayList<>(properties.size());
            for (BeanPropertyWriter property : properties) {
                String name = property.getName();
                if (property.getType().hasRawClass(Duration.class)) {
                    BeanPropertyWriter renamed = property.rename(NameTransformer.simpleTransformer("", MS));
                    renamed.assignSerializer((JsonSerializer<Object>) (JsonSerializer<?>) WholeMilliseconds.INSTANCE);
                    changed.add(renamed);
                } else if (name.endsWith(MILLIS) && name.length() > MILLIS.length() && isWholeNumber(property)) {
                    changed.add(property.rename(new MillisToMs()));
                } else {
                    changed.add(property);
                }
            }
            return changed;
        }

        private static boolean isWholeNumber(BeanPropertyWriter property) {
            Class<?> type = property.getType().getRawClass();
            return type == long.class || type == Long.class || type == int.class || type == Integer.class;
        }

        /** {@code durationMillis} to {@code durationMs}. */
        private static final class MillisToMs extends NameTransformer {
            @Override
            public String transform(String name) {
                return name.endsWith(MILLIS) ? name.substring(0, name.length() - MILLIS.length()) + MS : name;
            }

            @Override
            public String reverse(String transformed) {
                return transformed.endsWith(MS) ? transformed.substring(0, transformed.length() - MS.length()) + MILLIS : null;
            }
        }
    }

    /** A {@link Duration} as whole milliseconds (a number), truncated as {@link Duration#toMillis()} does. */
    private static final class WholeMilliseconds extends JsonSerializer<Duration> {

        static final WholeMilliseconds INSTANCE = new WholeMilliseconds();

        @Override
        public void serialize(Duration value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeNumber(value.toMillis());
        }
    }
}
