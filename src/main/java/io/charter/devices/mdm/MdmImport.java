package io.charter.devices.mdm;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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

	/** Rows written together: a look-up, a few batches and their events. */
	private static final int CHUNK = 500;

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
		for (int from = 0; from < valid.size(); from += CHUNK) {
			created += write(valid.subList(from, Math.min(valid.size(), from + CHUNK)), owners, versions, now);
		}
		return new Outcome(created, valid.size() - created, problems, true);
	}

	/**
	 * Writes rows in a few statements each: their devices looked up at once, inserted and updated in
	 * batches, their answers recorded in batches; then the events, row by row as before.
	 *
	 * @return how many devices the rows created
	 */
	private int write(List<MdmFile.Facts> rows, Map<Long, UUID> owners, Map<String, Optional<Integer>> versions,
			Instant now) {
		Map<String, ImportedDevices.BySerial> known = imported.bySerials(rows.stream().map(MdmFile.Facts::serial).toList());
		List<ImportedDevices.Row> created = new ArrayList<>();
		List<ImportedDevices.Row> updated = new ArrayList<>();
		List<Checks.NewAnswer> answers = new ArrayList<>();
		for (MdmFile.Facts row : rows) {
			// A device seen "in the future" by a skewed export is taken as seen now.
			Instant seen = row.lastSeen() == null || row.lastSeen().isAfter(now) ? now : row.lastSeen();
			ImportedDevices.BySerial device = known.get(ImportedDevices.key(row.serial()));
			ImportedDevices.Row write = new ImportedDevices.Row(device == null ? UUID.randomUUID() : device.id(), row,
					owners.get(row.line()), seen);
			(device == null ? created : updated).add(write);
			answers(row).forEach((check, passed) -> versions.computeIfAbsent(check, checks::version)
					.ifPresent(version -> answers.add(new Checks.NewAnswer(write.id(), check, version, passed, seen))));
		}
		imported.insert(created, now);
		imported.update(updated);
		Set<Checks.NewAnswer> turned = new HashSet<>(checks.answerAll(answers, Checks.MDM));
		Map<UUID, List<String>> failed = new HashMap<>();
		for (Checks.NewAnswer answer : answers) {
			if (turned.contains(answer)) {
				failed.computeIfAbsent(answer.deviceId(), d -> new ArrayList<>()).add(answer.checkId());
			}
		}
		for (ImportedDevices.Row write : inFileOrder(created, updated)) {
			UUID id = write.id();
			ImportedDevices.BySerial device = known.get(ImportedDevices.key(write.facts().serial()));
			UUID owner = write.ownerId();
			if (device != null && owner != null && !owner.equals(device.ownerId())) {
				devices.owner(id, owner, Devices.FROM_MDM);
				events.publishEvent(new DeviceOwnerSet(id, owner, "owner set from an MDM export", Actors.current(), now));
			}
			events.publishEvent(new DeviceImported(id, device == null,
					(device == null ? "created" : "updated") + " from an MDM export", Actors.current(), now));
			for (String check : failed.getOrDefault(id, List.of())) {
				events.publishEvent(new CheckFailed(id, check, "check " + check + " failed (MDM export)", Actors.current(), now));
			}
		}
		return created.size();
	}

	private static List<ImportedDevices.Row> inFileOrder(List<ImportedDevices.Row> created, List<ImportedDevices.Row> updated) {
		List<ImportedDevices.Row> all = new ArrayList<>(created);
		all.addAll(updated);
		all.sort(Comparator.comparingLong(r -> r.facts().line()));
		return all;
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
