package io.charter.organisation.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/** Empty, or a Belgian enterprise number whose check digits hold (see {@link io.charter.organisation.EnterpriseNumber}). */
@Documented
@Constraint(validatedBy = BelgianEnterpriseNumberCheck.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface BelgianEnterpriseNumber {

	String message() default "{organisation.constraint.enterprise-number}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};
}
