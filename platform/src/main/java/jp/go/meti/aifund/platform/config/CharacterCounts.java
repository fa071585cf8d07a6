package jp.go.meti.aifund.platform.config;

import java.util.Collection;

import jakarta.inject.Singleton;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.constraints.Size;

import org.hibernate.validator.BaseHibernateValidatorConfiguration;
import org.hibernate.validator.cfg.ConstraintMapping;

import io.quarkus.hibernate.validator.ValidatorFactoryCustomizer;

/**
 * {@code @Size} on text counts characters (Unicode code points), as JSON Schema's {@code maxLength}
 * in the published documents does and as a person counts them: "𠮷野家" is three characters, not
 * the four UTF-16 units Bean Validation would count. Collections are counted as usual.
 */
@Singleton
public class CharacterCounts implements ValidatorFactoryCustomizer {

    @Override
    public void customize(BaseHibernateValidatorConfiguration<?> configuration) {
        ConstraintMapping mapping = configuration.createConstraintMapping();
        mapping.constraintDefinition(Size.class).includeExistingValidators(false)
                .validatedBy(TextSize.class).validatedBy(CollectionSize.class);
        configuration.addMapping(mapping);
    }

    public static final class TextSize implements ConstraintValidator<Size, CharSequence> {

        private Size size;

        @Override
        public void initialize(Size constraint) {
            size = constraint;
        }

        @Override
        public boolean isValid(CharSequence text, ConstraintValidatorContext context) {
            return text == null || within(size, Character.codePointCount(text, 0, text.length()));
        }
    }

    public static final class CollectionSize implements ConstraintValidator<Size, Collection<?>> {

        private Size size;

        @Override
        public void initialize(Size constraint) {
            size = constraint;
        }

        @Override
        public boolean isValid(Collection<?> items, ConstraintValidatorContext context) {
            return items == null || within(size, items.size());
        }
    }

    private static boolean within(Size size, int count) {
        return count >= size.min() && count <= size.max();
    }
}
