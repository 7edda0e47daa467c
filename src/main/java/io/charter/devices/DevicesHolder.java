package io.charter.devices;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.charter.devices.web.DeviceView;
import io.charter.devices.web.SoftwareRequestView;
import io.charter.people.Directory;
import io.charter.people.PeopleEvent.PersonAnonymised;
import io.charter.people.PersonSummary;
import io.charter.shared.personaldata.DataSubject;
import io.charter.shared.personaldata.Dataset;
import io.charter.shared.personaldata.Holding;
import io.charter.shared.personaldata.Outcome;
import io.charter.shared.personaldata.PersonalDataHolder;

/**
 * A device assigned to a person, its software and checks, and their requests to approve software
 * answer data-subject requests, found by the person's e-mail address in the directory. Erasure
 * unlinks the person: the devices are company hardware and stay in the inventory, ownerless; the
 * requests stay as the catalogue's history without the requester or their reason.
 */
@Component
class DevicesHolder implements PersonalDataHolder {

	private final Directory directory;
	private final Devices devices;
	private final Software software;
	private final SoftwareRequests requests;
	private final MessageSource messages;

	DevicesHolder(Directory directory, Devices devices, Software software, SoftwareRequests requests,
			MessageSource messages) {
		this.directory = directory;
		this.devices = devices;
		this.software = software;
		this.requests = requests;
		this.messages = messages;
	}

	@Override
	public String name() {
		return "devices";
	}

	@Override
	@Transactional(readOnly = true)
	public Holding find(DataSubject subject) {
		int records = person(subject).map(id -> devices.ofOwner(id).size() + requests.of(id).size()).orElse(0);
		if (records == 0) {
			return Holding.none();
		}
		Locale locale = subject.locale();
		return new Holding(records, text("devices.holding.purposes", locale), text("devices.holding.categories", locale),
				text("devices.holding.recipients", locale), text("devices.holding.retention", locale),
				text("devices.holding.source", locale));
	}

	@Override
	@Transactional(readOnly = true)
	public List<Dataset> export(DataSubject subject) {
		return person(subject).map(id -> {
			List<Map<String, Object>> owned = new ArrayList<>();
			List<Map<String, Object>> installed = new ArrayList<>();
			for (DeviceView d : devices.ofOwner(id)) {
				Map<String, Object> row = new LinkedHashMap<>();
				row.put("device", d.name());
				row.put("hostIdentifier", d.hostIdentifier());
				row.put("os", d.osName() + " " + d.osVersion());
				row.put("serial", d.serial());
				row.put("model", d.hardwareModel());
				row.put("enrolledAt", d.enrolledAt().toString());
				row.put("lastSeenAt", d.lastSeenAt().toString());
				owned.add(row);
				for (Software.Installed s : software.ofDevice(d.id())) {
					Map<String, Object> item = new LinkedHashMap<>();
					item.put("device", d.name());
					item.put("name", s.name());
					item.put("version", s.version());
					item.put("publisher", s.publisher());
					item.put("firstSeenAt", s.firstSeenAt().toString());
					installed.add(item);
				}
			}
			List<Map<String, Object>> asked = new ArrayList<>();
			for (SoftwareRequestView r : requests.of(id)) {
				Map<String, Object> row = new LinkedHashMap<>();
				row.put("software", r.name());
				row.put("reason", r.reason());
				row.put("status", r.status());
				row.put("refusal", r.refusal());
				row.put("requestedAt", r.createdAt().toString());
				asked.add(row);
			}
			List<Dataset> sets = new ArrayList<>();
			if (!owned.isEmpty()) {
				sets.add(new Dataset("devices", owned));
			}
			if (!installed.isEmpty()) {
				sets.add(new Dataset("device-software", installed));
			}
			if (!asked.isEmpty()) {
				sets.add(new Dataset("software-requests", asked));
			}
			return List.copyOf(sets);
		}).orElse(List.of());
	}

	@Override
	@Transactional
	public Outcome erase(DataSubject subject) {
		return person(subject).map(id -> {
			int rows = unlink(id);
			return rows == 0 ? Outcome.nothingHeld()
					: Outcome.partly(rows, "Devices unlinked from the person and software requests without requester or"
							+ " reason: the devices stay in the inventory as company hardware.").saying("devices.erasure.letter");
		}).orElseGet(Outcome::nothingHeld);
	}

	@Override
	public Outcome restrict(DataSubject subject) {
		return person(subject).map(id -> devices.ofOwner(id).isEmpty() ? Outcome.nothingHeld()
				: Outcome.notApplicable("Device posture is checked to secure company data (clauses S5-S7); the owner may be"
						+ " unlinked by erasure.")).orElseGet(Outcome::nothingHeld);
	}

	/** The directory anonymised the person: their devices and requests lose them in the same transaction. */
	@EventListener
	void anonymised(PersonAnonymised event) {
		unlink(event.personId());
	}

	private int unlink(UUID person) {
		return devices.unlinkOwner(person) + requests.unlink(person);
	}

	private java.util.Optional<UUID> person(DataSubject subject) {
		return directory.byEmail(subject.email()).map(PersonSummary::id);
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}
}
