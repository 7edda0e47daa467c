package io.charter.people;

/** Whether a person is on the payroll or works for the organisation under contract. */
public enum PersonKind {
	EMPLOYEE, CONTRACTOR
}
