package io.charter.training;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.charter.people.Directory;
import io.charter.people.PersonSummary;
import io.charter.training.web.AttendanceSheet;
import io.charter.training.web.AttendanceSheet.Line;
import io.charter.training.web.AttendanceSheet.Problem;

/**
 * Attendance pasted as text, one employee id or e-mail address per line (a header line
 * {@code employee_id} or {@code email} is skipped). Nothing is written while a line has a problem,
 * unless only the valid lines are asked for; either way in one transaction.
 */
@Service
class Attendance {

	private final Directory directory;
	private final TrainingSteps steps;
	private final Sessions sessions;

	Attendance(Directory directory, TrainingSteps steps, Sessions sessions) {
		this.directory = directory;
		this.steps = steps;
		this.sessions = sessions;
	}

	@PreAuthorize(TrainingSteps.WRITE)
	@Transactional(readOnly = true)
	public AttendanceSheet check(String text) {
		List<Line> lines = new ArrayList<>();
		List<Problem> problems = new ArrayList<>();
		Set<UUID> seen = new HashSet<>();
		String[] rows = (text == null ? "" : text.replace("\uFEFF", "")).split("\\R");
		for (int i = 0; i < rows.length; i++) {
			String value = rows[i].strip().replaceAll("^\"|\"$", "").replaceAll(",+$", "").strip();
			String lower = value.toLowerCase(Locale.ROOT);
			if (value.isEmpty() || (i == 0 && (lower.equals("email") || lower.equals("employee_id")))) {
				continue;
			}
			int number = i + 1;
			Optional<PersonSummary> person = person(value);
			String reason = person.isEmpty() ? "unknown-person"
					: !person.get().active() ? "leaver" : !seen.add(person.get().id()) ? "duplicate" : null;
			if (reason != null) {
				problems.add(new Problem(number, reason));
			}
			lines.add(new Line(number, value, person.map(PersonSummary::id).orElse(null),
					person.map(PersonSummary::name).orElse(null), reason == null));
		}
		if (lines.isEmpty() && problems.isEmpty()) {
			problems.add(new Problem(0, "empty"));
		}
		return new AttendanceSheet(lines, problems, 0);
	}

	/** The person a line or a form names: an e-mail address (any case) or an employee id. */
	Optional<PersonSummary> person(String value) {
		String v = value == null ? "" : value.strip();
		return v.contains("@") ? directory.byEmail(v) : directory.byEmployeeId(v);
	}

	/** Marks the sheet's people as attended; refused (nothing written) while it has problems, unless {@code validOnly}. */
	@PreAuthorize(TrainingSteps.WRITE)
	@Transactional
	public AttendanceSheet apply(UUID sessionId, String text, boolean validOnly) {
		sessions.find(sessionId).orElseThrow(() -> new io.charter.shared.NotFound("No such session"));
		AttendanceSheet sheet = check(text);
		if (!sheet.clean() && !validOnly) {
			return sheet;
		}
		List<UUID> people = sheet.lines().stream().filter(Line::valid).map(Line::personId).toList();
		return sheet.marked(steps.markAttended(sessionId, people));
	}
}
