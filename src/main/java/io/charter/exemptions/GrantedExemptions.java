package io.charter.exemptions;

import java.time.LocalDate;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.charter.shared.exemption.ExemptionLookup;
import io.charter.shared.exemption.ExemptionsInForce;

/**
 * The look-up every control reads: the approved, unrevoked exemptions covering a day, in one query.
 * No cache: a decision takes effect on the next report, on every instance.
 */
@Component
class GrantedExemptions implements ExemptionLookup {

	private final Exemptions exemptions;

	GrantedExemptions(Exemptions exemptions) {
		this.exemptions = exemptions;
	}

	@Override
	@Transactional(readOnly = true)
	public ExemptionsInForce inForce(LocalDate day) {
		return new ExemptionsInForce(day, exemptions.inForce(day).stream().map(Exemption::grant).toList());
	}
}
