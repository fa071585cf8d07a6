package jp.go.meti.aifund.platform.config;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

import io.quarkus.jackson.ObjectMapperCustomizer;

import jp.go.meti.aifund.kernel.Ratio;

/**
 * Requests about money are read strictly: 1.5 is not a whole yen, "100" is not a number, and a
 * misspelt field is an error rather than silently ignored, and so is a field given twice. A calendar
 * date is {@code YYYY-MM-DD} and nothing else: it means that day in Japan, and an instant (which
 * may be another day there) or a padded string is refused. Text may not hold a NUL character
 * (PostgreSQL text cannot store one): such a request is malformed, not a server error. An exact
 * {@link Ratio} is written as its string {@code "numerator/denominator"}, in answers and events alike.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** Applied last, after Quarkus registers its modules, so that the strict date reader is the one used. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        mapper.registerModule(new SimpleModule("text-without-nul").addDeserializer(String.class, new TextWithoutNul()));
        mapper.registerModule(new SimpleModule("calendar-dates").addDeserializer(LocalDate.class, new CalendarDate()));
        mapper.registerModule(new SimpleModule("exact-ratios").addSerializer(Ratio.class, ToStringSerializer.instance));
    }

    static final class CalendarDate extends StdScalarDeserializer<LocalDate> {

        private static final Pattern FORM = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

        CalendarDate() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
            }
            String text = parser.getText();
            try {
                if (FORM.matcher(text).matches()) {
                    return LocalDate.parse(text);
                }
            } catch (DateTimeParseException notADay) {
                // 2027-02-30: refused below like any other malformed date
            }
            throw InvalidFormatException.from(parser, "a calendar date is YYYY-MM-DD", text, LocalDate.class);
        }
    }

    static final class TextWithoutNul extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = super.deserialize(parser, context);
            if (text != null && text.indexOf('\u0000') >= 0) {
                throw InvalidFormatException.from(parser, "text may not contain a NUL character", text, String.class);
            }
            return text;
        }
    }
}
