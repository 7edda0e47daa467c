package io.charter.devices;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.charter.devices.DeviceEvent.ApprovalRemoved;
import io.charter.devices.DeviceEvent.ProhibitionChanged;
import io.charter.devices.DeviceEvent.SoftwareApproved;
import io.charter.devices.DeviceEvent.SoftwareRequestChanged;
import io.charter.devices.web.ApprovalView;
import io.charter.devices.web.ProhibitionView;
import io.charter.devices.web.SoftwareRequestView;
import io.charter.devices.web.SoftwareView;
import io.charter.devices.web.UnapprovedPage;
import io.charter.people.Directory;
import io.charter.people.PersonSummary;
import io.charter.shared.Actors;
import io.charter.shared.NotFound;
import io.charter.shared.RuleViolation;
import io.charter.shared.exemption.ExemptionsInForce;

/**
 * The software installed on devices against the approved-software catalogue (clause S6):
 * SECURITY manages the catalogue and decides employees' requests to add to it; staff who read
 * the devices read the findings. A device's own list is matched here, in memory (the catalogue is
 * small); the fleet's report is matched by the database ({@link Software#unapproved}), with the same rules.
 */
@Service
class SoftwareSteps {

	static final Set<String> PLATFORMS = Set.of("darwin", "windows", "linux");
	static final int UNAPPROVED_PAGE = 50;

	private final Software software;
	private final SoftwareRequests requests;
	private final Directory directory;
	private final DeviceExemptions exemptions;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	SoftwareSteps(Software software, SoftwareRequests requests, Directory directory, DeviceExemptions exemptions,
			ApplicationEventPublisher events, Clock clock) {
		this.software = software;
		this.exemptions = exemptions;
		this.requests = requests;
		this.directory = directory;
		this.events = events;
		this.clock = clock;
	}

	@PreAuthorize("hasAnyRole('SECURITY', 'ADMIN', 'AUDITOR')")
	@Transactional(readOnly = true)
	public List<SoftwareView> ofDevice(UUID deviceId) {
		return installed(deviceId);
	}

	/** Without method security: for the owner's own page, which has checked whose device it is. */
	List<SoftwareView> installed(UUID deviceId) {
		Rules rules = rules();
		return software.ofDevice(deviceId).stream().map(i -> {
			boolean prohibited = rules.prohibited(i);
			boolean approved = !prohibited && rules.approved(i);
			return new SoftwareView(i.name(), i.version(), i.publisher(), i.firstSeenAt(), i.lastSeenAt(), approved,
					prohibited, !approved && rules.exempted(i));
		}).toList();
	}

	@PreAuthorize("hasAnyRole('SECURITY', 'ADMIN', 'AUDITOR')")
	@Transactional(readOnly = true)
	public List<ApprovalView> catalogue() {
		return software.catalogue();
	}

	/**
	 * One page of the fleet's unapproved software ({@link #UNAPPROVED_PAGE} lines), with the whole
	 * report's count: a page past the last shows the last. Matched and counted by the database, so
	 * only the page is read whatever the fleet's size.
	 */
	@PreAuthorize("hasAnyRole('SECURITY', 'ADMIN', 'AUDITOR')")
	@Transactional(readOnly = true)
	public UnapprovedPage unapproved(int page) {
		ExemptionsInForce inForce = exemptions.inForce();
		int total = software.unapprovedLines(inForce);
		int last = Math.max(0, (total - 1) / UNAPPROVED_PAGE);
		int shown = Math.min(Math.max(0, page), last);
		return new UnapprovedPage(software.unapproved(inForce, shown * UNAPPROVED_PAGE, UNAPPROVED_PAGE), total, shown,
				UNAPPROVED_PAGE);
	}

	/** The catalogue, the prohibited list and the exemptions in force, read once per page or report. */
	Rules rules() {
		return new Rules(software.catalogue(), software.prohibitions(), exemptions.inForce());
	}

	/**
	 * How an installed item stands: prohibited (S8) whatever the catalogue says, else approved or not
	 * (S6); a finding is exempted when an exemption of its clause names it ({@code software:<name>}).
	 */
	record Rules(List<ApprovalView> catalogue, List<ProhibitionView> prohibitions, ExemptionsInForce inForce) {

		boolean prohibited(Software.Installed item) {
			return prohibitions.stream().anyMatch(p -> p.prohibits(item.name(), item.platform()));
		}

		boolean approved(Software.Installed item) {
			return !prohibited(item)
					&& catalogue.stream().anyMatch(a -> a.approves(item.name(), item.publisher(), item.platform()));
		}

		boolean finding(Software.Installed item) {
			return !approved(item);
		}

		boolean exempted(Software.Installed item) {
			String clause = prohibited(item) ? DeviceControls.PROHIBITED_CLAUSE : DeviceControls.APPROVED_CLAUSE;
			return finding(item) && DeviceExemptions.covers(inForce, clause, DeviceExemptions.softwareCheck(item.name()),
					item.deviceId(), item.ownerId());
		}
	}

	@PreAuthorize("hasAnyRole('SECURITY', 'ADMIN', 'AUDITOR')")
	@Transactional(readOnly = true)
	public List<ProhibitionView> prohibitions() {
		return software.prohibitions();
	}

	static final Set<String> CATEGORIES = Set.of("scanner", "sniffer", "piracy");

	/** Adds an entry to the prohibited list: a name pattern (exact or glob), a category, optionally a platform. */
	@PreAuthorize("hasRole('SECURITY')")
	@Transactional
	public UUID prohibit(String pattern, String platform, String category, String note) {
		String name = pattern(pattern);
		String on = platform(platform);
		if (!CATEGORIES.contains(category)) {
			throw new RuleViolation("category", "The category is scanner, sniffer or piracy.");
		}
		String why = note(note);
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		software.prohibit(id, name, on, category, why, Actors.current(), now);
		events.publishEvent(new ProhibitionChanged(id, true, "prohibited " + name + (on == null ? "" : " on " + on),
				Actors.current(), now));
		return id;
	}

	@PreAuthorize("hasRole('SECURITY')")
	@Transactional
	public void removeProhibition(UUID id) {
		ProhibitionView entry = software.prohibitions().stream().filter(p -> p.id().equals(id)).findFirst()
				.orElseThrow(() -> new NotFound("No such prohibited entry."));
		software.removeProhibition(id);
		events.publishEvent(new ProhibitionChanged(id, false, "prohibition of " + entry.pattern() + " removed",
				Actors.current(), clock.instant()));
	}

	/** Adds a catalogue entry: a name pattern (exact or glob), optionally a publisher, a platform and a note. */
	@PreAuthorize("hasRole('SECURITY')")
	@Transactional
	public UUID approve(String pattern, String publisher, String platform, String note) {
		String name = pattern(pattern);
		String by = blankToNull(publisher);
		if (by != null && by.length() > 300) {
			throw new RuleViolation("publisher", "A publisher of at most 300 characters.");
		}
		String on = platform(platform);
		String why = note(note);
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		software.approve(id, name, by, on, why, Actors.current(), now);
		events.publishEvent(new SoftwareApproved(id, "approved " + name + (on == null ? "" : " on " + on),
				Actors.current(), now));
		return id;
	}

	@PreAuthorize("hasRole('SECURITY')")
	@Transactional
	public void removeApproval(UUID id) {
		ApprovalView entry = approval(id);
		software.remove(id);
		events.publishEvent(new ApprovalRemoved(id, "approval of " + entry.pattern() + " removed", Actors.current(),
				clock.instant()));
	}

	@PreAuthorize("hasAnyRole('SECURITY', 'ADMIN', 'AUDITOR')")
	@Transactional(readOnly = true)
	public ApprovalView approval(UUID id) {
		return software.catalogue().stream().filter(a -> a.id().equals(id)).findFirst()
				.orElseThrow(() -> new NotFound("No such catalogue entry."));
	}

	@PreAuthorize("hasAnyRole('SECURITY', 'ADMIN', 'AUDITOR')")
	@Transactional(readOnly = true)
	public List<SoftwareRequestView> requests() {
		return requests.all().stream().map(this::named).toList();
	}

	/** A person of the directory asks for a software item to be approved. */
	@PreAuthorize("isAuthenticated()")
	@Transactional
	public UUID request(String requesterEmail, String name, String reason) {
		PersonSummary person = directory.byEmail(requesterEmail)
				.orElseThrow(() -> new RuleViolation("Only people of the directory ask for software."));
		String item = blankToNull(name);
		if (item == null || item.length() > 300) {
			throw new RuleViolation("name", "Name the software in at most 300 characters.");
		}
		String why = blankToNull(reason);
		if (why == null || why.length() > 2000) {
			throw new RuleViolation("reason", "Say why in at most 2000 characters.");
		}
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		requests.insert(id, person.id(), item, why, now);
		events.publishEvent(new SoftwareRequestChanged(id, SoftwareRequests.REQUESTED, "approval of " + item + " requested",
				Actors.current(), now));
		return id;
	}

	/** Approves an open request: an exact catalogue entry of its name, on every platform. */
	@PreAuthorize("hasRole('SECURITY')")
	@Transactional
	public void approveRequest(UUID id) {
		SoftwareRequestView request = openRequest(id);
		approve(request.name(), null, null, "requested");
		requests.decide(id, SoftwareRequests.APPROVED, null, Actors.current(), clock.instant());
		events.publishEvent(new SoftwareRequestChanged(id, SoftwareRequests.APPROVED, "request approved",
				Actors.current(), clock.instant()));
	}

	@PreAuthorize("hasRole('SECURITY')")
	@Transactional
	public void refuseRequest(UUID id, String reason) {
		openRequest(id);
		String why = blankToNull(reason);
		if (why == null || why.length() > 2000) {
			throw new RuleViolation("refusal", "Give the reason for refusing in at most 2000 characters.");
		}
		requests.decide(id, SoftwareRequests.REFUSED, why, Actors.current(), clock.instant());
		events.publishEvent(new SoftwareRequestChanged(id, SoftwareRequests.REFUSED, "request refused",
				Actors.current(), clock.instant()));
	}

	private SoftwareRequestView openRequest(UUID id) {
		return requests.find(id).filter(SoftwareRequestView::open).orElseThrow(() -> new NotFound("No such open request."));
	}

	private SoftwareRequestView named(SoftwareRequestView r) {
		String name = r.requesterId() == null ? null
				: directory.person(r.requesterId()).map(PersonSummary::name).orElse(null);
		return new SoftwareRequestView(r.id(), r.requesterId(), name, r.name(), r.reason(), r.status(), r.createdAt(),
				r.decidedAt(), r.refusal());
	}

	/** The name pattern of a catalogue or prohibited entry, checked. */
	private static String pattern(String pattern) {
		String name = blankToNull(pattern);
		if (name == null || name.length() > 300) {
			throw new RuleViolation("pattern", "A name pattern of at most 300 characters is needed.");
		}
		return name;
	}

	private static String platform(String platform) {
		String on = blankToNull(platform);
		if (on != null && !PLATFORMS.contains(on)) {
			throw new RuleViolation("platform", "The platform is darwin, windows or linux, or none.");
		}
		return on;
	}

	private static String note(String note) {
		String why = blankToNull(note);
		if (why != null && why.length() > 500) {
			throw new RuleViolation("note", "A note of at most 500 characters.");
		}
		return why;
	}

	static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
