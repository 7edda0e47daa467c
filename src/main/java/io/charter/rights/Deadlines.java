package io.charter.rights;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The time limits of GDPR art. 12(3), counted as Regulation (EEC, Euratom) No 1182/71 counts
 * periods (EDPB Guidelines 01/2022, section 6.3):
 * <ul>
 * <li>the period starts on receipt; the day of receipt is not counted (art. 3(1));</li>
 * <li>a period of one month ends on the same date in the next month, or on the last day of that
 * month when that date does not exist (art. 3(2)(c)); {@link LocalDate#plusMonths} does exactly
 * this;</li>
 * <li>a period that ends on a Saturday, a Sunday or a public holiday ends on the next working day
 * (art. 3(4));</li>
 * <li>days the requester was asked for information or identification are added (Charter's rule:
 * the clock stops while the controller waits for the requester);</li>
 * <li>the extension of art. 12(3) adds two further months. Readings differ at month ends: two months
 * after the end of the first month, or three months after receipt (31 January: 28 April or 30
 * April). Charter takes the earlier one, two months after the unmoved end of the first month, so
 * it is never late under any reading.</li>
 * </ul>
 * Pure: dates in, dates out.
 */
public final class Deadlines {

	private final HolidayCalendar calendar;

	Deadlines(HolidayCalendar calendar) {
		this.calendar = calendar;
	}

	HolidayCalendar calendar() {
		return calendar;
	}

	/** The end of the one-month period before it is moved off a non-working day. */
	static LocalDate oneMonthAfter(LocalDate receivedOn) {
		return receivedOn.plusMonths(1);
	}

	/**
	 * The end of the period extended by two further months, before moving off a non-working day:
	 * the earlier of the two readings (see the class comment), which is always the chained one.
	 */
	static LocalDate threeMonthsAfter(LocalDate receivedOn) {
		LocalDate chained = oneMonthAfter(receivedOn).plusMonths(2);
		LocalDate fromReceipt = receivedOn.plusMonths(3);
		return chained.isBefore(fromReceipt) ? chained : fromReceipt;
	}

	/** The last day to answer, or to tell the requester of an extension or a refusal (art. 12(3), (4)). */
	public LocalDate firstDue(LocalDate receivedOn, long suspendedDays) {
		return calendar.workingDayOnOrAfter(oneMonthAfter(receivedOn).plusDays(check(suspendedDays)));
	}

	/** The last day to answer after an extension. */
	LocalDate extendedDue(LocalDate receivedOn, long suspendedDays) {
		return calendar.workingDayOnOrAfter(threeMonthsAfter(receivedOn).plusDays(check(suspendedDays)));
	}

	LocalDate due(LocalDate receivedOn, long suspendedDays, boolean extended) {
		return extended ? extendedDue(receivedOn, suspendedDays) : firstDue(receivedOn, suspendedDays);
	}

	/**
	 * Days the clock stood still: asked on the 10th, answered on the 12th is two days; asked and
	 * answered on the same day is none.
	 */
	static long daysSuspended(LocalDate from, LocalDate until) {
		return Math.max(0, ChronoUnit.DAYS.between(from, until));
	}

	private static long check(long suspendedDays) {
		if (suspendedDays < 0) {
			throw new IllegalArgumentException("Suspended days cannot be negative");
		}
		return suspendedDays;
	}
}
