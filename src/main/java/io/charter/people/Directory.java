package io.charter.people;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The directory as other modules read it: one person by id or e-mail address, the active people
 * (of a department), and pages of a filtered list. No method security: the callers are modules
 * (identity at sign-in, training and policies in their jobs) that decide who sees what.
 */
@Service
public class Directory {

	/**
	 * The condition that the person of column {@code personId} is active, for a module that counts rows
	 * of its own per person ({@code "... where a.document_id = :d and " + activeCondition("a.person_id")})
	 * instead of reading thousands of people into memory; the one place outside this class that names
	 * the directory's table and its states. A correlated look-up by primary key, which H2 runs about
	 * twice as fast as an {@code in (select ...)} over 10,000 rows.
	 */
	public static String activeCondition(String personId) {
		return "exists (select 1 from person active_person where active_person.id = " + personId
				+ " and active_person.status = 'ACTIVE')";
	}

	/**
	 * The condition that the person of column {@code personId} is in the scope of a duty on the day
	 * bound as {@code :dayParameter}: active, and not left before that day (no end date, or one on or
	 * after it), as {@link #activeCondition} for a module that counts rows of its own per person.
	 */
	public static String activeOnCondition(String personId, String dayParameter) {
		return "exists (select 1 from person active_person where active_person.id = " + personId
				+ " and active_person.status = 'ACTIVE' and (active_person.end_date is null or active_person.end_date >= :"
				+ dayParameter + "))";
	}

	/** The largest page {@link #page} returns. */
	public static final int MAX_PAGE = 1000;

	private final People people;

	Directory(People people) {
		this.people = people;
	}

	@Transactional(readOnly = true)
	public Optional<PersonSummary> person(UUID id) {
		return people.findById(id);
	}

	/** The person of an address, whatever its case. */
	@Transactional(readOnly = true)
	public Optional<PersonSummary> byEmail(String email) {
		return email == null || email.isBlank() ? Optional.empty() : people.findByEmail(email);
	}

	@Transactional(readOnly = true)
	public Optional<PersonSummary> byEmployeeId(String employeeId) {
		return employeeId == null || employeeId.isBlank() ? Optional.empty() : people.findByEmployeeId(employeeId.strip());
	}

	/** Every active person, or those of one department when it is given. */
	@Transactional(readOnly = true)
	public List<PersonSummary> active(String department) {
		PeopleFilter filter = PeopleFilter.active(department);
		return people.search(filter, 0, Integer.MAX_VALUE);
	}

	/** A page of the filtered directory, by name: from {@code offset} (0-based), at most {@link #MAX_PAGE}. */
	@Transactional(readOnly = true)
	public Page page(PeopleFilter filter, int offset, int limit) {
		int size = Math.max(0, Math.min(limit, MAX_PAGE));
		return new Page(people.search(filter, Math.max(0, offset), size), people.count(filter));
	}

	/** How many active people have not left before this day (no end date, or one on or after it). */
	@Transactional(readOnly = true)
	public int countActiveOn(LocalDate day) {
		return people.countActiveOn(day);
	}

	/** How many people the filter selects, without reading them. */
	@Transactional(readOnly = true)
	public int count(PeopleFilter filter) {
		return people.count(filter);
	}

	/** These people, by id, read in a few queries whatever their number. */
	@Transactional(readOnly = true)
	public Map<UUID, PersonSummary> people(Collection<UUID> ids) {
		Map<UUID, PersonSummary> found = new HashMap<>();
		people.findAll(ids).forEach(p -> found.put(p.id(), p));
		return found;
	}

	/** The ids of everyone the filter matches, by name. */
	@Transactional(readOnly = true)
	public List<UUID> ids(PeopleFilter filter) {
		return people.ids(filter);
	}

	/**
	 * The person of the signed-in user, matched by the account's e-mail address (a password sign-in's
	 * user name, an OIDC sign-in's e-mail claim); empty for a user who is not in the directory.
	 */
	@Transactional(readOnly = true)
	public Optional<PersonSummary> signedIn(Authentication authentication) {
		if (authentication == null) {
			return Optional.empty();
		}
		Object principal = authentication.getPrincipal();
		if (principal instanceof OidcUser oidc) {
			return byEmail(oidc.getEmail());
		}
		if (principal instanceof UserDetails user) {
			return byEmail(user.getUsername());
		}
		return Optional.empty();
	}

	/**
	 * When each of these people entered the directory (added by hand, import or provisioning): the
	 * honest start of a duty for someone whose start date nobody gave.
	 */
	@Transactional(readOnly = true)
	public Map<UUID, Instant> addedAt(Collection<UUID> ids) {
		return people.addedAt(ids);
	}

	@Transactional(readOnly = true)
	public List<String> departments() {
		return people.departments();
	}

	/** One page of people and how many match in all. */
	public record Page(List<PersonSummary> people, int total) {
	}
}
