package io.charter.devices;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.charter.devices.DeviceEvent.DeviceOwnerSet;
import io.charter.devices.DeviceEvent.EnrollSecretCreated;
import io.charter.devices.DeviceEvent.EnrollSecretRevoked;
import io.charter.devices.web.CheckState;
import io.charter.devices.web.DeviceView;
import io.charter.devices.web.ReportedUserView;
import io.charter.devices.web.SecretView;
import io.charter.people.Directory;
import io.charter.people.PersonSummary;
import io.charter.platform.Secrets;
import io.charter.shared.Actors;
import io.charter.shared.NotFound;
import io.charter.shared.RuleViolation;
import io.charter.shared.control.Control;

/**
 * What staff do with devices: SECURITY manages the enroll secrets; SECURITY and ADMIN assign a
 * device to a person of the directory; AUDITOR reads.
 */
@Service
class DeviceSteps {

	/** A new secret, shown once. */
	record IssuedSecret(SecretView secret, String value) {
	}

	private final EnrollSecrets secrets;
	private final Devices devices;
	private final Checks checks;
	private final Directory directory;
	private final DeviceExemptions exemptions;
	private final DeviceControls controls;
	private final ApplicationEventPublisher events;
	private final DevicesSettings settings;
	private final Clock clock;

	DeviceSteps(EnrollSecrets secrets, Devices devices, Checks checks, Directory directory,
			DeviceExemptions exemptions, DeviceControls controls, ApplicationEventPublisher events,
			DevicesSettings settings, Clock clock) {
		this.settings = settings;
		this.exemptions = exemptions;
		this.controls = controls;
		this.secrets = secrets;
		this.devices = devices;
		this.checks = checks;
		this.directory = directory;
		this.events = events;
		this.clock = clock;
	}

	@PreAuthorize("hasAnyRole('SECURITY', 'AUDITOR')")
	@Transactional(readOnly = true)
	public List<SecretView> secrets() {
		return secrets.all();
	}

	@PreAuthorize("hasRole('SECURITY')")
	@Transactional
	public IssuedSecret createSecret(String name) {
		String label = name == null ? "" : name.strip();
		if (label.isEmpty() || label.length() > 100) {
			throw new RuleViolation("name", "A secret needs a name of at most 100 characters.");
		}
		String value = Secrets.generate();
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		secrets.insert(id, label, Secrets.hash(value), Actors.current(), now);
		events.publishEvent(new EnrollSecretCreated(id, "enroll secret created", Actors.current(), now));
		return new IssuedSecret(secrets.find(id).orElseThrow(), value);
	}

	/** A new secret under the same name, and the old one revoked: devices already enrolled keep working. */
	@PreAuthorize("hasRole('SECURITY')")
	@Transactional
	public IssuedSecret rotateSecret(UUID id) {
		SecretView old = secrets.find(id).filter(SecretView::active).orElseThrow(() -> new NotFound("No such active enroll secret."));
		revokeSecret(id);
		return createSecret(old.name());
	}

	@PreAuthorize("hasRole('SECURITY')")
	@Transactional
	public void revokeSecret(UUID id) {
		secrets.find(id).orElseThrow(() -> new NotFound("No such enroll secret."));
		Instant now = clock.instant();
		if (secrets.revoke(id, now)) {
			events.publishEvent(new EnrollSecretRevoked(id, "enroll secret revoked", Actors.current(), now));
		}
	}

	@PreAuthorize("hasAnyRole('SECURITY', 'ADMIN', 'AUDITOR')")
	@Transactional(readOnly = true)
	public List<DeviceView> devices() {
		return devices.all().stream().map(this::named).toList();
	}

	/** A device last seen before this instant is stale. */
	public Instant staleBefore() {
		return clock.instant().minus(settings.staleAfter());
	}

	/** The devices' controls today, as the compliance table reads them: met, exempted, of. */
	@PreAuthorize("hasAnyRole('SECURITY', 'ADMIN', 'AUDITOR')")
	@Transactional(readOnly = true)
	public List<Control> controls() {
		return controls.controls(exemptions.today());
	}

	@PreAuthorize("hasAnyRole('SECURITY', 'ADMIN', 'AUDITOR')")
	@Transactional(readOnly = true)
	public DeviceView device(UUID id) {
		return devices.find(id).map(this::named).orElseThrow(() -> new NotFound("No such device."));
	}

	@PreAuthorize("hasAnyRole('SECURITY', 'ADMIN', 'AUDITOR')")
	@Transactional(readOnly = true)
	public List<CheckState> checks(UUID id) {
		DeviceView device = device(id);
		return DeviceExemptions.apply(exemptions.inForce(), id, device.ownerId(), checks.states(id));
	}

	/** Refuses the device's node key from now on: osquery must enroll again, with a valid secret. */
	@PreAuthorize("hasRole('SECURITY')")
	@Transactional
	public void revoke(UUID id) {
		device(id);
		Instant now = clock.instant();
		if (devices.revoke(id, now)) {
			events.publishEvent(new DeviceEvent.DeviceRevoked(id, "node key revoked", Actors.current(), now));
		}
	}

	/** Assigns the device to the person of this e-mail address in the directory, or to nobody when blank. */
	@PreAuthorize("hasAnyRole('SECURITY', 'ADMIN')")
	@Transactional
	public DeviceView assign(UUID id, String ownerEmail) {
		device(id);
		UUID owner = null;
		if (ownerEmail != null && !ownerEmail.isBlank()) {
			owner = directory.byEmail(ownerEmail.strip()).map(PersonSummary::id)
					.orElseThrow(() -> new RuleViolation("owner", "Nobody in the directory has this e-mail address."));
		}
		devices.owner(id, owner, Devices.MANUAL);
		events.publishEvent(new DeviceOwnerSet(id, owner, owner == null ? "owner removed" : "owner set",
				Actors.current(), clock.instant()));
		return device(id);
	}

	/** The user osquery last reported as logged in on the device, and the people it could be when several. */
	@PreAuthorize("hasAnyRole('SECURITY', 'ADMIN', 'AUDITOR')")
	@Transactional(readOnly = true)
	public ReportedUserView reportedUser(UUID id) {
		Devices.Ownership ownership = devices.ownership(id).orElseThrow(() -> new NotFound("No such device."));
		List<String> candidates = directory.people(devices.candidates(id)).values().stream()
				.map(p -> p.name() + " (" + p.email() + ")").sorted().toList();
		return new ReportedUserView(ownership.reportedUser(), ownership.reportedAt(),
				ownership.ownerId() == null ? null : ownership.source(), candidates);
	}

	private DeviceView named(DeviceView d) {
		if (d.ownerId() == null) {
			return d;
		}
		String name = directory.person(d.ownerId()).map(PersonSummary::name).orElse(null);
		return new DeviceView(d.id(), d.hostIdentifier(), d.hostname(), d.platform(), d.osName(), d.osVersion(),
				d.serial(), d.hardwareModel(), d.osqueryVersion(), d.ownerId(), name, d.enrolledAt(), d.lastSeenAt(),
				d.revoked());
	}
}
