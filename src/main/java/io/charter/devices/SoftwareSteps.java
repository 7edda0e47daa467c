package io.charter.devices;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.charter.devices.DeviceEvent.ApprovalRemoved;
import io.charter.devices.DeviceEvent.SoftwareApproved;
import io.charter.devices.DeviceEvent.SoftwareRequestChanged;
import io.charter.devices.web.ApprovalView;
import io.charter.devices.web.SoftwareRequestView;
import io.charter.devices.web.SoftwareView;
import io.charter.devices.web.UnapprovedView;
import io.charter.people.Directory;
import io.charter.people.PersonSummary;
import io.charter.shared.Actors;
import io.charter.shared.NotFound;
import io.charter.shared.RuleViolation;
import io.charter.shared.exemption.ExemptionsInForce;

/**
 * The software installed on devices against the approved-software catalogue (clause S6):
 * SECURITY manages the catalogue and decides employees' requests to add to it; staff who read
 * the devices read the findings. Matching is done here, in memory: the catalogue is small.
 */
@Service
class SoftwareSteps {

	static final Set<String> PLATFORMS = Set.of("darwin", "windows", "linux");

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
		List<ApprovalView> catalogue = software.catalogue();
		ExemptionsInForce inForce = exemptions.inForce();
		return software.ofDevice(deviceId).stream().map(i -> {
			boolean approved = approved(catalogue, i);
			return new SoftwareView(i.name(), i.version(), i.publisher(), i.firstSeenAt(), i.lastSeenAt(), approved,
					!approved && exempted(inForce, i));
		}).toList();
	}

	@PreAuthorize("hasAnyRole('SECURITY', 'ADMIN', 'AUDITOR')")
	@Transactional(readOnly = true)
	public List<ApprovalView> catalogue() {
		return software.catalogue();
	}

	/** The fleet's unapproved software: per name and platform, on how many devices, most widespread first. */
	@PreAuthorize("hasAnyRole('SECURITY', 'ADMIN', 'AUDITOR')")
	@Transactional(readOnly = true)
	public List<UnapprovedView> unapproved() {
		List<ApprovalView> catalogue = software.catalogue();
		ExemptionsInForce inForce = exemptions.inForce();
		record Key(String name, String platform) {
		}
		Map<Key, Set<UUID>> on = new LinkedHashMap<>();
		Map<Key, Set<UUID>> exempt = new HashMap<>();
		Map<Key, Instant> first = new LinkedHashMap<>();
		for (Software.Installed i : software.all()) {
			if (approved(catalogue, i)) {
				continue;
			}
			Key key = new Key(i.name(), i.platform());
			on.computeIfAbsent(key, k -> new HashSet<>()).add(i.deviceId());
			if (exempted(inForce, i)) {
				exempt.computeIfAbsent(key, k -> new HashSet<>()).add(i.deviceId());
			}
			first.merge(key, i.firstSeenAt(), (a, b) -> a.isBefore(b) ? a : b);
		}
		return on.entrySet().stream()
				.map(e -> new UnapprovedView(e.getKey().name(), e.getKey().platform(), e.getValue().size(),
						exempt.getOrDefault(e.getKey(), Set.of()).size(), first.get(e.getKey())))
				.sorted(Comparator.comparingInt(UnapprovedView::devices).reversed()
						.thenComparing(u -> u.name().toLowerCase(java.util.Locale.ROOT)))
				.toList();
	}

	static boolean approved(List<ApprovalView> catalogue, Software.Installed item) {
		return catalogue.stream().anyMatch(a -> a.approves(item.name(), item.publisher(), item.platform()));
	}

	/** Whether an exemption of clause S6 covers this item on its device ({@code software:<name>}). */
	static boolean exempted(ExemptionsInForce inForce, Software.Installed item) {
		return DeviceExemptions.covers(inForce, DeviceControls.APPROVED_CLAUSE, DeviceExemptions.softwareCheck(item.name()),
				item.deviceId(), item.ownerId());
	}

	/** Adds a catalogue entry: a name pattern (exact or glob), optionally a publisher, a platform and a note. */
	@PreAuthorize("hasRole('SECURITY')")
	@Transactional
	public UUID approve(String pattern, String publisher, String platform, String note) {
		String name = blankToNull(pattern);
		if (name == null || name.length() > 300) {
			throw new RuleViolation("pattern", "A name pattern of at most 300 characters is needed.");
		}
		String by = blankToNull(publisher);
		if (by != null && by.length() > 300) {
			throw new RuleViolation("publisher", "A publisher of at most 300 characters.");
		}
		String on = blankToNull(platform);
		if (on != null && !PLATFORMS.contains(on)) {
			throw new RuleViolation("platform", "The platform is darwin, windows or linux, or none.");
		}
		String why = blankToNull(note);
		if (why != null && why.length() > 500) {
			throw new RuleViolation("note", "A note of at most 500 characters.");
		}
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

	static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
