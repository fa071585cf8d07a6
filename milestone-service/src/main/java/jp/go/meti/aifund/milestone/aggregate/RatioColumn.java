package jp.go.meti.aifund.milestone.aggregate;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import jp.go.meti.aifund.kernel.Ratio;

/** Stores an exact {@link Ratio} as its written form, {@code "numerator/denominator"}. */
@Converter(autoApply = true)
public class RatioColumn implements AttributeConverter<Ratio, String> {

    @Override
    public String convertToDatabaseColumn(Ratio ratio) {
        return ratio == null ? null : ratio.toString();
    }

    @Override
    public Ratio convertToEntityAttribute(String written) {
        return written == null ? null : Ratio.parse(written);
    }
}
