package io.charter.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static io.charter.rights.RequestAction.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.junit.jupiter.api.Test;

/** The request guards its own transitions and keeps its due date right. */
class DataSubjectRequestUnitTests {

	static final LocalDate RECEIVED = LocalDate.of(2025, 3, 5);
	static final Instant NOW = Instant.parse("2025-03-05T10:00:00Z");
	static final Set<String> NONE = Set.of();
	static final List<DataSubjectRequest.ModuleStep> NO_STEPS = List.of();
	static final Set<String> HOLDERS = Set.of("consent", "rights", "staff-accounts");

	final Deadlines deadlines = new Deadlines(HolidayCalendar.belgium());

	DataSubjectRequest fromForm(RequestType type) {
		return DataSubjectRequest.receive(type, Channel.FORM, " Jeanne Dupont ", "jeanne@example.test", "fr", "v-123",
				"Please", RECEIVED, NOW, deadlines, true);
	}

	DataSubjectRequest verified(RequestType type) {
		DataSubjectRequest r = fromForm(type);
		r.markVerified("link", NOW);
		return r;
	}

	@Test
	void aRequestFromTheFormWaitsForVerificationOneFromStaffIsReceived() {
		DataSubjectRequest form = fromForm(RequestType.ACCESS);
		assertThat(form.status).isEqualTo(RequestStatus.AWAITING_VERIFICATION);
		assertThat(form.dueOn).isEqualTo(LocalDate.of(2025, 4, 7));
		assertThat(form.firstDueOn).isEqualTo(LocalDate.of(2025, 4, 7));
		assertThat(form.name).isEqualTo("Jeanne Dupont");
		assertThat(form.reference).matches("DSR-[2-9A-HJ-NP-Z]{8}");
		DataSubjectRequest post = DataSubjectRequest.receive(RequestType.ERASURE, Channel.POST, "Jan", "jan@example.test",
				"nl", null, null, RECEIVED, NOW, deadlines, false);
		assertThat(post.status).isEqualTo(RequestStatus.RECEIVED);
		assertThat(post.takeChanges()).extracting(DataSubjectRequest.Change::verb).containsExactly("received");
	}

	@Test
	void verificationHappensOnceAndOnlyBeforeHandling() {
		DataSubjectRequest r = fromForm(RequestType.ACCESS);
		assertThatThrownBy(r::start).isExactlyInstanceOf(StepNotAllowed.class);
		r.markVerified("e-mail link", NOW);
		assertThat(r.status).isEqualTo(RequestStatus.VERIFIED);
		assertThat(r.verificationMeans).isEqualTo("e-mail link");
		assertThatThrownBy(() -> r.markVerified("again", NOW)).isExactlyInstanceOf(StepNotAllowed.class);
		assertThatThrownBy(r::sendVerificationLink).isExactlyInstanceOf(StepNotAllowed.class);
		assertThatThrownBy(() -> fromForm(RequestType.ACCESS).markVerified(" ", NOW)).isExactlyInstanceOf(RequestChangeRefused.class);
		r.start();
		assertThat(r.status).isEqualTo(RequestStatus.IN_PROGRESS);
	}

	@Test
	void waitingForTheRequesterStopsTheClockAndMovesTheDueDate() {
		DataSubjectRequest r = verified(RequestType.ACCESS);
		r.askRequester("Which account?", LocalDate.of(2025, 3, 10));
		assertThat(r.status).isEqualTo(RequestStatus.WAITING_FOR_REQUESTER);
		assertThatThrownBy(() -> r.askRequester("again", LocalDate.of(2025, 3, 11))).isExactlyInstanceOf(StepNotAllowed.class);
		// While waiting, the due date moves a day with every day waited.
		assertThat(r.dueAsOf(LocalDate.of(2025, 3, 11), deadlines)).isEqualTo(LocalDate.of(2025, 4, 7));
		assertThat(r.dueAsOf(LocalDate.of(2025, 3, 13), deadlines)).isEqualTo(LocalDate.of(2025, 4, 8));
		assertThatThrownBy(() -> r.complete("done", NOW, LocalDate.of(2025, 3, 13), NONE, NO_STEPS)).isExactlyInstanceOf(StepNotAllowed.class);
		r.resume(LocalDate.of(2025, 3, 13), deadlines);
		assertThat(r.status).isEqualTo(RequestStatus.VERIFIED);
		assertThat(r.suspendedDays).isEqualTo(3);
		assertThat(r.dueOn).isEqualTo(LocalDate.of(2025, 4, 8));
		assertThat(r.firstDueOn).isEqualTo(LocalDate.of(2025, 4, 8));
		assertThatThrownBy(() -> r.resume(LocalDate.of(2025, 3, 14), deadlines)).isExactlyInstanceOf(StepNotAllowed.class);
		// A second wait adds to the first.
		r.askRequester("And which site?", LocalDate.of(2025, 3, 20));
		r.resume(LocalDate.of(2025, 3, 22), deadlines);
		assertThat(r.suspendedDays).isEqualTo(5);
		assertThat(r.dueOn).isEqualTo(LocalDate.of(2025, 4, 10));
	}

	@Test
	void confirmingTheAddressWhileWaitingMarksItVerifiedOnResume() {
		DataSubjectRequest r = fromForm(RequestType.ACCESS);
		r.askRequester("Please confirm through the link", LocalDate.of(2025, 3, 6));
		r.markVerified("link", NOW);
		assertThat(r.status).isEqualTo(RequestStatus.WAITING_FOR_REQUESTER);
		r.resume(LocalDate.of(2025, 3, 7), deadlines);
		assertThat(r.status).isEqualTo(RequestStatus.VERIFIED);
	}

	@Test
	void extendsByTwoMonthsWithReasonsWithinTheFirstMonthOnly() {
		DataSubjectRequest r = verified(RequestType.ACCESS);
		assertThatThrownBy(() -> r.extend("  ", LocalDate.of(2025, 3, 20), deadlines))
				.isExactlyInstanceOf(RequestChangeRefused.class).hasMessageContaining("reasons");
		assertThatThrownBy(() -> r.extend("Many systems", LocalDate.of(2025, 4, 8), deadlines))
				.isExactlyInstanceOf(ExtensionTooLate.class).hasMessageContaining("2025-04-07");
		r.extend("Many systems to search", LocalDate.of(2025, 4, 7), deadlines);
		assertThat(r.status).isEqualTo(RequestStatus.EXTENDED);
		assertThat(r.dueOn).isEqualTo(LocalDate.of(2025, 6, 5));
		assertThat(r.firstDueOn).isEqualTo(LocalDate.of(2025, 4, 7));
		assertThat(r.extensionReason).isEqualTo("Many systems to search");
		assertThatThrownBy(() -> r.extend("again", LocalDate.of(2025, 3, 20), deadlines))
				.isExactlyInstanceOf(StepNotAllowed.class).hasMessageContaining("already");
	}

	@Test
	void suspendedDaysAlsoMoveTheLimitForAnExtension() {
		DataSubjectRequest r = verified(RequestType.ACCESS);
		r.askRequester("Which account?", LocalDate.of(2025, 3, 10));
		assertThatThrownBy(() -> r.extend("Busy", LocalDate.of(2025, 3, 11), deadlines))
				.isExactlyInstanceOf(StepNotAllowed.class).hasMessageContaining("rights.refused.resume");
		r.resume(LocalDate.of(2025, 3, 13), deadlines);
		r.extend("Busy", LocalDate.of(2025, 4, 8), deadlines);
		assertThat(r.dueOn).isEqualTo(LocalDate.of(2025, 6, 10)); // 5 June + 3 days = Sunday 8 June, Whit Monday 9 June
		// After the extension, waiting returns to the extended state.
		r.askRequester("A detail", LocalDate.of(2025, 4, 10));
		r.resume(LocalDate.of(2025, 4, 11), deadlines);
		assertThat(r.status).isEqualTo(RequestStatus.EXTENDED);
		assertThat(r.dueOn).isEqualTo(LocalDate.of(2025, 6, 10));
	}

	static DataSubjectRequest.ModuleStep step(String holder, String action, String outcome) {
		return new DataSubjectRequest.ModuleStep(holder, action, outcome);
	}

	@Test
	void anErasureIsNotCompletedBeforeItRanInEveryModule() {
		DataSubjectRequest r = verified(RequestType.ERASURE);
		assertThatThrownBy(() -> r.complete("Erased.", NOW, RECEIVED, HOLDERS, NO_STEPS))
				.isExactlyInstanceOf(FulfilmentIncomplete.class)
				.satisfies(e -> assertThat(((FulfilmentIncomplete) e).modules()).containsExactly("consent", "rights", "staff-accounts"));
		// an export or a restriction does not count for an erasure; a failure must be run again or excused
		List<DataSubjectRequest.ModuleStep> partial = List.of(step("consent", "ERASE", "DONE"),
				step("rights", "RESTRICT", "NOT_APPLICABLE"), step("staff-accounts", "ERASE", "FAILED"));
		assertThatThrownBy(() -> r.complete("Erased.", NOW, RECEIVED, HOLDERS, partial))
				.isExactlyInstanceOf(FulfilmentIncomplete.class)
				.satisfies(e -> assertThat(((FulfilmentIncomplete) e).modules()).containsExactly("rights", "staff-accounts"));
		assertThat(r.status).isEqualTo(RequestStatus.VERIFIED);
	}

	@Test
	void theLatestRecordPerModuleCounts() {
		DataSubjectRequest r = verified(RequestType.ERASURE);
		// excused, then run again and failed: not covered any more
		List<DataSubjectRequest.ModuleStep> steps = List.of(step("consent", "ERASE", "DONE"),
				step("rights", "ERASE", "PARTLY"), step("staff-accounts", DataSubjectRequest.EXCEPTION, "LEGAL_HOLD"),
				step("staff-accounts", "ERASE", "FAILED"));
		assertThatThrownBy(() -> r.complete("Erased.", NOW, RECEIVED, HOLDERS, steps))
				.isExactlyInstanceOf(FulfilmentIncomplete.class);
	}

	@ParameterizedTest
	@EnumSource(value = KeptReason.class)
	void aRecordedReasonCoversAModuleThatFailed(KeptReason reason) {
		DataSubjectRequest r = verified(RequestType.ERASURE);
		r.complete("Erased.", NOW, RECEIVED, HOLDERS, List.of(step("consent", "ERASE", "NOTHING_HELD"),
				step("rights", "ERASE", "PARTLY"), step("staff-accounts", "ERASE", "FAILED"),
				step("staff-accounts", DataSubjectRequest.EXCEPTION, reason.name())));
		assertThat(r.status).isEqualTo(RequestStatus.COMPLETED);
	}

	@Test
	void aRestrictionNeedsTheRestrictionInEveryModule() {
		DataSubjectRequest r = verified(RequestType.RESTRICTION);
		assertThatThrownBy(() -> r.complete("Restricted.", NOW, RECEIVED, Set.of("consent"),
				List.of(step("consent", "ERASE", "DONE")))).isExactlyInstanceOf(FulfilmentIncomplete.class);
		r.complete("Restricted.", NOW, RECEIVED, Set.of("consent"), List.of(step("consent", "RESTRICT", "DONE")));
		assertThat(r.status).isEqualTo(RequestStatus.COMPLETED);
	}

	@Test
	void otherRequestsDoNotWaitForTheModules() {
		DataSubjectRequest r = verified(RequestType.RECTIFICATION);
		r.complete("Corrected.", NOW, RECEIVED, HOLDERS, NO_STEPS);
		assertThat(r.status).isEqualTo(RequestStatus.COMPLETED);
	}

	@Test
	void completesOnlyAVerifiedRequest() {
		DataSubjectRequest r = fromForm(RequestType.RECTIFICATION);
		assertThatThrownBy(() -> r.complete("done", NOW, RECEIVED, NONE, NO_STEPS)).isExactlyInstanceOf(StepNotAllowed.class);
		r.markVerified("phone call back", NOW);
		assertThatThrownBy(() -> r.complete(" ", NOW, RECEIVED, NONE, NO_STEPS)).isExactlyInstanceOf(RequestChangeRefused.class);
		r.complete("Your address was corrected.", NOW, LocalDate.of(2025, 4, 7), NONE, NO_STEPS);
		assertThat(r.status).isEqualTo(RequestStatus.COMPLETED);
		assertThat(r.answeredLate).isFalse();
		assertThat(r.closingText).isEqualTo("Your address was corrected.");
	}

	@Test
	void aRefusalAfterTheFirstMonthIsStillSentButRecordedAsLate() {
		DataSubjectRequest onTime = fromForm(RequestType.ERASURE);
		onTime.refuse("Manifestly excessive: the tenth identical request this month.", NOW, LocalDate.of(2025, 4, 7), deadlines);
		assertThat(onTime.status).isEqualTo(RequestStatus.REFUSED);
		assertThat(onTime.answeredLate).isFalse();
		DataSubjectRequest late = fromForm(RequestType.ERASURE);
		late.refuse("Unfounded", NOW, LocalDate.of(2025, 4, 8), deadlines);
		assertThat(late.answeredLate).isTrue();
		assertThat(late.takeChanges()).last().extracting(DataSubjectRequest.Change::summary).asString()
				.contains("after the first month");
		assertThatThrownBy(() -> fromForm(RequestType.ERASURE).refuse("", NOW, RECEIVED, deadlines))
				.isExactlyInstanceOf(RequestChangeRefused.class);
	}

	@Test
	void aClosedRequestTakesNotesAndNothingElse() {
		DataSubjectRequest r = verified(RequestType.OBJECTION);
		r.withdraw("The requester called to withdraw it.", NOW, RECEIVED);
		assertThat(r.status).isEqualTo(RequestStatus.WITHDRAWN);
		assertThatThrownBy(r::start).isExactlyInstanceOf(RequestAlreadyClosed.class);
		assertThatThrownBy(() -> r.askRequester("?", RECEIVED)).isExactlyInstanceOf(RequestAlreadyClosed.class);
		assertThatThrownBy(() -> r.extend("x", RECEIVED, deadlines)).isExactlyInstanceOf(RequestAlreadyClosed.class);
		assertThatThrownBy(() -> r.refuse("x", NOW, RECEIVED, deadlines)).isExactlyInstanceOf(RequestAlreadyClosed.class);
		assertThatThrownBy(() -> r.assign(null)).isExactlyInstanceOf(RequestAlreadyClosed.class);
		r.note("Called back on 6 March.");
		assertThat(r.takeChanges()).extracting(DataSubjectRequest.Change::verb).endsWith("withdrawn", "note");
	}

	@Test
	void auditSummariesCarryNoPersonalData() {
		DataSubjectRequest r = fromForm(RequestType.ACCESS);
		r.markVerified("called Jeanne on +32 470 00 00 00", NOW);
		r.askRequester("Jeanne, which account?", LocalDate.of(2025, 3, 6));
		r.resume(LocalDate.of(2025, 3, 7), deadlines);
		r.note("Jeanne Dupont phoned");
		r.extend("Jeanne has many accounts", LocalDate.of(2025, 3, 8), deadlines);
		r.complete("Dear Jeanne", NOW, LocalDate.of(2025, 3, 9), NONE, NO_STEPS);
		assertThat(r.takeChanges()).allSatisfy(c -> assertThat(c.summary()).doesNotContain("Jeanne", "jeanne@", "+32"));
	}

	@Test
	void reportsTheStepsItsStateAllows() {
		LocalDate day = RECEIVED.plusDays(1);
		DataSubjectRequest unverified = fromForm(RequestType.ERASURE);
		assertThat(unverified.allowedActions(day, deadlines, false)).isEqualTo(EnumSet.of(SEND_VERIFICATION_LINK, VERIFY,
				ASK_REQUESTER, EXTEND, REFUSE, WITHDRAW, RECORD_EXCEPTION, ASSIGN));

		DataSubjectRequest erasure = verified(RequestType.ERASURE);
		assertThat(erasure.allowedActions(day, deadlines, true)).isEqualTo(EnumSet.of(START, ASK_REQUESTER, EXTEND,
				COMPLETE, REFUSE, WITHDRAW, ERASE, RECORD_EXCEPTION, ASSIGN, NOTIFY_SYSTEMS));

		DataSubjectRequest access = verified(RequestType.ACCESS);
		access.askRequester("Which account?", day);
		assertThat(access.allowedActions(day, deadlines, false)).isEqualTo(EnumSet.of(RESUME, REFUSE, WITHDRAW,
				RECORD_EXCEPTION, ASSIGN));
		access.resume(day, deadlines);
		assertThat(access.allowedActions(day, deadlines, false)).contains(DELIVER_PACKAGE).doesNotContain(ERASE, RESUME);
		// No extension once the first month is over, nor a second one.
		assertThat(access.allowedActions(LocalDate.of(2025, 5, 1), deadlines, false)).doesNotContain(EXTEND);
		access.extend("many systems", day, deadlines);
		assertThat(access.allowedActions(day, deadlines, false)).doesNotContain(EXTEND);

		access.complete("Here is your data.", NOW, day, NONE, NO_STEPS);
		assertThat(access.allowedActions(day, deadlines, true)).isEmpty();
	}
}
