package jp.go.meti.aifund.scoring;

import java.math.BigDecimal;

import jp.go.meti.aifund.kernel.InvalidRequestException;
import jp.go.meti.aifund.kernel.Text;

/**
 * KPI values are exact decimals: at most {@value #MAX_SCALE} decimal places and fewer than
 * {@value #MAX_INTEGER_DIGITS} integer digits (a trillion parameters fits with room), as the
 * database column {@code NUMERIC(24, 6)} stores them.
 */
public final class Decimals {

    public static final int MAX_SCALE = 6;
    public static final int MAX_INTEGER_DIGITS = 18;

    private Decimals() {
    }

    /** The value without trailing zeros, or a refusal naming {@code field}. */
    public static BigDecimal exact(String field, BigDecimal value) {
        if (value == null) {
            throw new InvalidRequestException(field, new Text("kernel.required"));
        }
        BigDecimal normal = normal(value);
        if (normal.scale() > MAX_SCALE) {
            throw new InvalidRequestException(field, new Text("scoring.decimal.scale", String.valueOf(MAX_SCALE)));
        }
        if (normal.precision() - normal.scale() > MAX_INTEGER_DIGITS) {
            throw new InvalidRequestException(field, new Text("scoring.decimal.integer", String.valueOf(MAX_INTEGER_DIGITS)));
        }
        return normal;
    }

    /** 72.500000 → 72.5 and 1E+3 → 1000: the shortest exact form, never in exponent notation. */
    public static BigDecimal normal(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
