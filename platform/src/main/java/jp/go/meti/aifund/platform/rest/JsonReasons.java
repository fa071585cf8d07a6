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

import jp.go.meti.aifund.kernel.Text;

/** Why a JSON body could not be read, said for the field at fault and the type it must have. */
final class JsonReasons {

    private JsonReasons() {
    }

    static Text of(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return new Text("platform.reason.unknown-field");
        }
        if (e instanceof InputCoercionException) {
            return new Text("platform.reason.out-of-range", String.valueOf(Long.MAX_VALUE));
        }
        if (e instanceof JsonParseException parse) {
            String message = String.valueOf(parse.getOriginalMessage());
            return new Text(message.startsWith("Duplicate field") ? "platform.reason.duplicate" : "platform.reason.malformed");
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return mustBe(mismatch.getTargetType());
        }
        return new Text("platform.reason.wrong");
    }

    /** What a value of {@code type} must be, as a reason says it. */
    static Text mustBe(Class<?> type) {
        if (type == long.class || type == Long.class) {
            return new Text("platform.reason.long");
        }
        if (type == int.class || type == Integer.class) {
            return new Text("platform.reason.int", String.valueOf(Integer.MIN_VALUE), String.valueOf(Integer.MAX_VALUE));
        }
        if (type == BigDecimal.class) {
            return new Text("platform.reason.decimal");
        }
        if (type == boolean.class || type == Boolean.class) {
            return new Text("platform.reason.boolean");
        }
        if (type == LocalDate.class) {
            return new Text("platform.reason.date");
        }
        if (type == Instant.class) {
            return new Text("platform.reason.instant");
        }
        if (type == UUID.class) {
            return new Text("platform.reason.uuid");
        }
        if (type == String.class) {
            return new Text("platform.reason.text");
        }
        if (type.isEnum()) {
            return new Text("platform.reason.enum", Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                    .collect(Collectors.joining(", ")));
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return new Text("platform.reason.array");
        }
        return new Text("platform.reason.object");
    }
}
