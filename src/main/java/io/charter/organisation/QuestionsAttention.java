package io.charter.organisation;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.charter.shared.Attention;
import io.charter.shared.Role;

/**
 * The dashboard's notice of the profile's open questions: ADMIN answers them; PRIVACY and AUDITOR,
 * who read the profile, are told they are open. Reads the tables, not the secured service: the
 * dashboard asks for every signed-in user and shows each the notices of their roles.
 */
@Component
class QuestionsAttention implements Attention {

	static final String LINK = "/organisation#org-questions";

	private final Profiles profiles;
	private final Questions questions;

	QuestionsAttention(Profiles profiles, Questions questions) {
		this.profiles = profiles;
		this.questions = questions;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Notice> notices() {
		int open = OrganisationManagement.open(profiles.read(), questions.all()).size();
		if (open == 0) {
			return List.of();
		}
		return List.of(new Notice("organisation.attention.answer", List.of(open), LINK, Severity.WARNING, Set.of(Role.ADMIN)),
				new Notice("organisation.attention.open", List.of(open), LINK, Severity.INFO,
						Set.of(Role.PRIVACY, Role.AUDITOR)));
	}
}
