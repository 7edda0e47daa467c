package io.charter.people.duties;

import java.util.List;

import io.charter.people.PersonSummary;

/** A person of the overview with their standing on each duty, in the duties' order. */
public record PersonDuties(PersonSummary person, List<DutyRow> duties) {
}
