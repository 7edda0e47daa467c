package io.charter.organisation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.charter.organisation.OrganisationEvent.ProfileChanged;
import io.charter.organisation.OrganisationEvent.QuestionAnswered;
import io.charter.organisation.web.OpenQuestion;
import io.charter.organisation.web.ProfileForm;
import io.charter.shared.Actors;

/** The organisation profile as the admin edits it: ADMIN changes it, PRIVACY and AUDITOR read it. */
@Service
class OrganisationManagement {

	static final String READ = "hasAnyRole('ADMIN','PRIVACY','AUDITOR')";
	static final String EDIT = "hasRole('ADMIN')";

	/** The seeded question about the two addresses of the customer's cookie policy. */
	static final String REGISTERED_ADDRESS = "registered-address";

	/** The seeded question about the supervisory authority, which the customer's policy does not name. */
	static final String SUPERVISORY_AUTHORITY = "supervisory-authority";

	/** The form field each seeded question points at; any other question is about the field of its name. */
	private static final Map<String, String> FIELD_OF = Map.of(REGISTERED_ADDRESS, "street", SUPERVISORY_AUTHORITY,
			"authorityNameFr");

	private final Profiles profiles;
	private final Questions questions;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	OrganisationManagement(Profiles profiles, Questions questions, ApplicationEventPublisher events, Clock clock) {
		this.profiles = profiles;
		this.questions = questions;
		this.events = events;
		this.clock = clock;
	}

	@PreAuthorize(READ)
	@Transactional(readOnly = true)
	ProfileForm form() {
		return profiles.read();
	}

	/** Seeded questions not yet answered, then every empty field the admin has not confirmed as empty. */
	@PreAuthorize(READ)
	@Transactional(readOnly = true)
	List<OpenQuestion> openQuestions() {
		return open(profiles.read(), questions.all());
	}

	@PreAuthorize(EDIT)
	@Transactional
	void save(ProfileForm form) {
		ProfileForm before = profiles.read();
		ProfileForm after = ProfileFields.normalised(form);
		Map<String, String> old = ProfileFields.values(before);
		String changed = ProfileFields.values(after).entrySet().stream()
				.filter(e -> !Objects.equals(old.get(e.getKey()), e.getValue())).map(Map.Entry::getKey)
				.collect(Collectors.joining(", "));
		if (changed.isEmpty()) {
			return;
		}
		profiles.write(after, Actors.current());
		events.publishEvent(new ProfileChanged("Changed " + changed, Actors.current(), clock.instant()));
	}

	/** The admin confirms the value as it stands, or that the field stays empty. */
	@PreAuthorize(EDIT)
	@Transactional
	void answer(String question) {
		List<Questions.Row> rows = questions.all();
		boolean open = open(profiles.read(), rows).stream().anyMatch(q -> q.key().equals(question));
		if (!open) {
			throw new QuestionNotOpen(question);
		}
		String actor = Actors.current();
		if (!questions.answer(question, actor)) {
			questions.insertAnswered(question, actor);
		}
		events.publishEvent(new QuestionAnswered(question, "Answered " + question, actor, clock.instant()));
	}

	static List<OpenQuestion> open(ProfileForm profile, List<Questions.Row> rows) {
		List<OpenQuestion> open = new ArrayList<>();
		for (Questions.Row row : rows) {
			if (!row.answered() && row.note() != null) {
				open.add(new OpenQuestion(row.question(), FIELD_OF.getOrDefault(row.question(), row.question()), row.note()));
			}
		}
		Set<String> answered = rows.stream().filter(Questions.Row::answered).map(Questions.Row::question)
				.collect(Collectors.toSet());
		ProfileFields.values(profile).forEach((field, value) -> {
			if (!ProfileFields.NAME.equals(field) && (value == null || value.isBlank()) && !answered.contains(field)) {
				open.add(new OpenQuestion(field, field, null));
			}
		});
		return open;
	}
}
