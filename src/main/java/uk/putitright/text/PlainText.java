package uk.putitright.text;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A text field people type: no control characters (line breaks and tabs only where {@link TextRules.Kind}
 * allows them), no Unicode non-characters, no broken surrogate pairs; names and addresses also no invisible
 * or direction-changing characters. Every other character (accents, Welsh ŵ ŷ, Polish, emoji) is kept.
 * Null is valid (use {@code @NotBlank} for a required field).
 */
@Documented
@Retention(RUNTIME)
@Target({FIELD, METHOD, PARAMETER})
@Constraint(validatedBy = PlainText.Validator.class)
public @interface PlainText {

    TextRules.Kind value() default TextRules.Kind.LINE;

    /** For messages people read beside a form field, e.g. "Your name" gives "Your name contains ...". */
    String subject() default "";

    /** Unused: the message names the character found (TextRules#problem). */
    String message() default "contains a character we cannot accept";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PlainText, String> {

        private TextRules.Kind kind;
        private String subject;

        @Override
        public void initialize(PlainText annotation) {
            kind = annotation.value();
            subject = annotation.subject();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            var problem = TextRules.problem(value, kind);
            if (problem.isEmpty()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            String message = subject.isEmpty() ? problem.get() : subject + " " + problem.get();
            context.buildConstraintViolationWithTemplate(message.replace("{", "\\{").replace("$", "\\$"))
                    .addConstraintViolation();
            return false;
        }
    }
}
