package io.charter.exemptions;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.charter.devices.DeviceEvent.DeviceRevoked;
import io.charter.people.PeopleEvent.PersonLeft;
import io.charter.shared.exemption.ExemptionSubject;

/** An exemption whose subject disappears ends, with the reason recorded. */
@Component
class SubjectsGone {

	private final ExemptionSteps steps;

	SubjectsGone(ExemptionSteps steps) {
		this.steps = steps;
	}

	@ApplicationModuleListener
	void left(PersonLeft event) {
		steps.endFor(ExemptionSubject.person(event.personId()), "person left " + event.endDate());
	}

	@ApplicationModuleListener
	void revoked(DeviceRevoked event) {
		steps.endFor(ExemptionSubject.device(event.deviceId()), "device revoked");
	}
}
