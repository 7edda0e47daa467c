package io.charter.premises;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.charter.people.Directory;
import io.charter.people.PersonSummary;
import io.charter.premises.web.VisitRow;

/** What the kiosk, the on-site list and the hosts read. */
@Service
class VisitQueries {

	static final String ON_SITE_READERS = "hasAnyRole('ADMIN', 'RECEPTION', 'SECURITY', 'AUDITOR')";

	private final Visits visits;
	private final VisitSteps steps;
	private final Directory directory;

	VisitQueries(Visits visits, VisitSteps steps, Directory directory) {
		this.visits = visits;
		this.steps = steps;
		this.directory = directory;
	}

	/** Today's expected visitors whose name holds the text (at least two letters: no list of everyone). */
	@PreAuthorize(VisitSteps.RECEPTION)
	@Transactional(readOnly = true)
	public List<VisitRow> expectedToday(String text) {
		if (text == null || text.strip().length() < 2) {
			return List.of();
		}
		Instant[] day = steps.today();
		return rows(visits.expected(text.strip(), day[0], day[1]));
	}

	@PreAuthorize(ON_SITE_READERS)
	@Transactional(readOnly = true)
	public List<VisitRow> onSite() {
		return rows(visits.onSite());
	}

	/** The visits the signed-in employee hosts, from today on. */
	@PreAuthorize(VisitSteps.EMPLOYEE)
	@Transactional(readOnly = true)
	public List<VisitRow> hostedBy(PersonSummary host) {
		return rows(visits.ofHost(host.id(), steps.today()[0]));
	}

	private List<VisitRow> rows(List<Visit> found) {
		Map<UUID, PersonSummary> hosts = directory.people(found.stream().map(Visit::hostId).distinct().toList());
		return found.stream().map(v -> new VisitRow(v.id(), v.visitorName(), v.company(), v.expectedAt(),
				hosts.containsKey(v.hostId()) ? hosts.get(v.hostId()).name() : null, v.escort(), v.walkIn(), v.badge(),
				v.checkedInAt(), v.checkedOutAt(), v.status().name())).toList();
	}
}
