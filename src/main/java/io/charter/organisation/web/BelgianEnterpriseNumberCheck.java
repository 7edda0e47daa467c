package io.charter.organisation.web;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import io.charter.organisation.EnterpriseNumber;

/** Checks {@link BelgianEnterpriseNumber}: blank passes, anything else must parse and check. */
public class BelgianEnterpriseNumberCheck implements ConstraintValidator<BelgianEnterpriseNumber, String> {

	@Override
	public boolean isValid(String value, ConstraintValidatorContext context) {
		return value == null || value.isBlank() || EnterpriseNumber.parse(value).isPresent();
	}
}
