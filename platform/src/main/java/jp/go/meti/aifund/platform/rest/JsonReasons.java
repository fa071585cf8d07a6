package jp.go.meti.aifund.platform.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/** Why a JSON body could not be read, said for the field at fault and the type it must have. */
final class JsonReasons {

    private JsonReasons() {
    }

    static String of(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a field of this request";
        }
        if (e instanceof InputCoercionException) {
            return "is out of range (amounts are whole yen up to " + Long.MAX_VALUE + ")";
        }
        if (e instanceof JsonParseException parse) {
            String message = String.valueOf(parse.getOriginalMessage());
            return message.startsWith("Duplicate field") ? "is given twice; give each field once"
                    : "is not well-formed JSON";
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return mustBe(mismatch.getTargetType());
        }
        return "has a wrong type or value";
    }

    /** What a value of {@code type} must be, as a reason says it. */
    static String mustBe(Class<?> type) {
        if (type == long.class || type == Long.class) {
            return "must be a whole number (amounts are whole yen, never a fraction or a string)";
        }
        if (type == int.class || type == Integer.class) {
            return "must be a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
        }
        if (type == BigDecimal.class) {
            return "must be a decimal number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "must be true or false";
        }
        if (type == LocalDate.class) {
            return "must be a calendar date YYYY-MM-DD (a day in Japan), without a time";
        }
        if (type == Instant.class) {
            return "must be an instant with its offset, e.g. 2027-05-20T06:30:00Z";
        }
        if (type == UUID.class) {
            return "must be a UUID (8-4-4-4-12 hexadecimal digits)";
        }
        if (type == String.class) {
            return "must be text";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                    .collect(Collectors.joining(", ")) + " (exactly so)";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be an array";
        }
        return "must be a JSON object of the documented shape";
    }
}
