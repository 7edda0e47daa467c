package io.charter.rights.workflow;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.charter.rights.DataSubjectRequests;
import io.charter.shared.control.Control;
import io.charter.shared.control.ControlStatus;
import io.charter.shared.control.ControlReport;

/**
 * Clause C7 for the compliance table: the open data-subject requests and how many are past their
 * statutory deadline. One overdue request fails the clause: the law's deadline has no margin.
 */
@Component
class RequestControls implements ControlReport {

	static final String ON_TIME = "rights-requests-on-time";

	private final DataSubjectRequests requests;

	RequestControls(DataSubjectRequests requests) {
		this.requests = requests;
	}

	@Override
	public List<Control> controls(LocalDate today) {
		int open = requests.open().size();
		int overdue = requests.runningDueBetween(LocalDate.EPOCH, today.minusDays(1));
		return List.of(new Control(ON_TIME, "rights.control.on-time", Set.of("C7"),
				overdue > 0 ? ControlStatus.FAILING : ControlStatus.PASSING, open - overdue, open, 0, null,
				"rights.control.on-time.figure", List.of(overdue), "/rights"));
	}
}
