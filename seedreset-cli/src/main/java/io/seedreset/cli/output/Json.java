package io.seedreset.cli.output;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.cfg.EnumFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.seedreset.api.ApplicationRecord;
import io.seedreset.api.ApplyResult;
import io.seedreset.api.ResetResult;
import io.seedreset.api.TeardownResult;
import java.io.IOException;
import java.time.Duration;

/**
 * JSON for {@code --json}: the result objects, with one form for each kind of value wherever it
 * appears: instants as ISO-8601 text, durations as whole milliseconds in a field named
 * {@code durationMs}, enum values in lower case as the options take them ({@code "kind": "demo"}),
 * maps in the order the results hold them (tables in the order they were written).
 */
public final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .configure(EnumFeature.WRITE_ENUMS_TO_LOWERCASE, true)
            .addMixIn(ApplyResult.class, TimedResult.class)
            .addMixIn(TeardownResult.class, TimedResult.class)
            .addMixIn(ResetResult.class, TimedResult.class)
            .addMixIn(ApplicationRecord.class, RecordedDuration.class)
            .build();

    private Json() {
    }

    /** Indented, for results on stdout. */
    public static String write(Object value) {
        return write(value, true);
    }

    /** On one line, for errors on stderr. */
    public static String writeLine(Object value) {
        return write(value, false);
    }

    private static String write(Object value, boolean indented) {
        try {
            return (indented ? MAPPER.writerWithDefaultPrettyPrinter() : MAPPER.writer()).writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("result objects are plain records", e);
        }
    }

    private abstract static class TimedResult {
        @JsonProperty("durationMs")
        @JsonSerialize(using = Milliseconds.class)
        abstract Duration duration();
    }

    private abstract static class RecordedDuration {
        @JsonProperty("durationMs")
        abstract long durationMillis();
    }

    static final class Milliseconds extends JsonSerializer<Duration> {
        @Override
        public void serialize(Duration value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeNumber(value.toMillis());
        }
    }
}
