package io.charter.policies;

import java.time.ZoneId;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.charter.people.Directory;
import io.charter.shared.Duties;
import io.charter.shared.Duty;

/**
 * One duty per policy document in force: the shipped one (work behaviors) and every document an
 * administrator created in the console whose acknowledgement is required, once it has a published
 * version and until it is retired. Read from the documents on each call, so a new document is asked
 * of people as soon as its first version is published.
 */
@Component
class PolicyDuties implements Duties {

	static final String WORK_BEHAVIORS = "work-behaviors";

	private final PolicyDocuments documents;
	private final Acknowledgements acknowledgements;
	private final Directory directory;
	private final PolicySettings settings;
	private final ZoneId zone;

	PolicyDuties(PolicyDocuments documents, Acknowledgements acknowledgements, Directory directory,
			PolicySettings settings, @Value("${charter.web.time-zone:Europe/Brussels}") ZoneId zone) {
		this.documents = documents;
		this.acknowledgements = acknowledgements;
		this.directory = directory;
		this.settings = settings;
		this.zone = zone;
	}

	@Override
	public List<Duty> duties() {
		return List.copyOf(policyDuties());
	}

	/** The same duties with their documents, for the module's controls and reminders. */
	List<PolicyDuty> policyDuties() {
		return documents.duties().keySet().stream().map(this::duty).toList();
	}

	PolicyDuty duty(PolicyDocuments.Document document) {
		return new PolicyDuty(document, documents, acknowledgements, directory, settings, zone);
	}
}
