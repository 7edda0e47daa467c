package io.charter.devices.mdm;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.charter.devices.Checks;
import io.charter.devices.DeviceEvent.CheckFailed;
import io.charter.devices.DeviceEvent.DeviceImported;
import io.charter.devices.DeviceEvent.DeviceOwnerSet;
import io.charter.devices.Devices;
import io.charter.devices.web.ImportProblem;
import io.charter.people.Directory;
import io.charter.people.PersonSummary;
import io.charter.shared.Actors;
import tools.jackson.databind.json.JsonMapper;

/**
 * Devices from MDM exports (Intune, Jamf, Google endpoint management): each row upserts the device
 * of its serial number and records its facts as answers to the checks, with source {@code mdm}.
 * One transaction: a file with problems writes nothing, unless the valid rows alone are asked for.
 */
@Service
class MdmImport {

	/**
	 * What an import did.
	 *
	 * @param written false when nothing was written because the file has problems
	 */
	record Outcome(int created, int updated, List<ImportProblem> problems, boolean written) {
	}

	private final Devices devices;
	private final ImportedDevices imported;
	private final Checks checks;
	private final Directory directory;
	private final ApplicationEventPublisher events;
	private final JsonMapper json;
	private final Clock clock;

	MdmImport(Devices devices, ImportedDevices imported, Checks checks, Directory directory, ApplicationEventPublisher events, JsonMapper json,
			Clock clock) {
		this.devices = devices;
		this.imported = imported;
		this.checks = checks;
		this.directory = directory;
		this.events = events;
		this.json = json;
		this.clock = clock;
	}

	@PreAuthorize("hasRole('SECURITY')")
	@Transactional
	public Outcome apply(byte[] file, boolean validRowsOnly) {
		MdmFile.Read read = MdmFile.read(file, json);
		List<ImportProblem> problems = new ArrayList<>(read.problems());
		Map<Long, UUID> owners = new HashMap<>();
		List<MdmFile.Facts> valid = new ArrayList<>();
		for (MdmFile.Facts row : read.rows()) {
			if (row.ownerEmail() != null) {
				Optional<UUID> owner = directory.byEmail(row.ownerEmail()).map(PersonSummary::id);
				if (owner.isEmpty()) {
					problems.add(new ImportProblem(row.line(), "ownerEmail", MdmFile.KEY + "owner-unknown", row.ownerEmail()));
					continue;
				}
				owners.put(row.line(), owner.get());
			}
			valid.add(row);
		}
		problems.sort((a, b) -> Long.compare(a.line(), b.line()));
		if (read.fileProblem() || (!problems.isEmpty() && !validRowsOnly)) {
			return new Outcome(0, 0, problems, false);
		}
		Instant now = clock.instant();
		int created = 0;
		// Read once per file rather than once per fact: the same few check versions were asked again
		// for every fact of every row.
		Map<String, Optional<Integer>> versions = new HashMap<>();
		for (MdmFile.Facts row : valid) {
			// A device seen "in the future" by a skewed export is taken as seen now.
			Instant seen = row.lastSeen() == null || row.lastSeen().isAfter(now) ? now : row.lastSeen();
			UUID owner = owners.get(row.line());
			Optional<ImportedDevices.BySerial> known = imported.bySerial(row.serial());
			UUID id;
			if (known.isEmpty()) {
				id = UUID.randomUUID();
				imported.insertImported(id, row, owner, seen, now);
				created++;
			}
			else {
				id = known.get().id();
				imported.updateImported(id, row, seen);
				if (owner != null && !owner.equals(known.get().ownerId())) {
					devices.owner(id, owner, Devices.FROM_MDM);
					events.publishEvent(new DeviceOwnerSet(id, owner, "owner set from an MDM export", Actors.current(), now));
				}
			}
			events.publishEvent(new DeviceImported(id, known.isEmpty(),
					(known.isEmpty() ? "created" : "updated") + " from an MDM export", Actors.current(), now));
			answers(row).forEach((check, passed) -> {
				Optional<Integer> version = versions.computeIfAbsent(check, checks::version);
				// A device this file created has no earlier answer to find.
				if (version.isPresent() && (known.isEmpty() || !checks.recorded(id, check, seen, Checks.MDM))
						&& checks.answer(id, check, version.get(), passed, seen, Checks.MDM)) {
					events.publishEvent(new CheckFailed(id, check, "check " + check + " failed (MDM export)", Actors.current(), now));
				}
			});
		}
		return new Outcome(created, valid.size() - created, problems, true);
	}

	/**
	 * The export's facts as answers to the checks. A fact the export does not give answers nothing,
	 * so an earlier answer (from osquery) still stands.
	 */
	static Map<String, Boolean> answers(MdmFile.Facts f) {
		Map<String, Boolean> answers = new LinkedHashMap<>();
		if (f.screenLockMinutes() != null) {
			// Clause S5: locked after at most 15 minutes; 0 is "never".
			answers.put("screen-lock", f.screenLockMinutes() >= 1 && f.screenLockMinutes() <= 15);
		}
		answers.put("disk-encryption", f.diskEncrypted());
		answers.put("managed", f.managed());
		answers.put("removable-storage-blocked", f.removableStorageBlocked());
		answers.put("no-local-backup", f.localBackup() == null ? null : !f.localBackup());
		answers.values().removeIf(Objects::isNull);
		return answers;
	}
}
