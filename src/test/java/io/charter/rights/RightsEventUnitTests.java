package io.charter.rights;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.charter.rights.RightsEvent.InformationRequested;
import io.charter.rights.RightsEvent.RequestAnonymised;
import io.charter.rights.RightsEvent.RequestChanged;
import io.charter.rights.RightsEvent.RequestClosed;
import io.charter.rights.RightsEvent.RequestExtended;
import io.charter.rights.RightsEvent.RequestReceived;
import io.charter.rights.RightsEvent.RequestResumed;
import io.charter.rights.RightsEvent.RequestStarted;
import io.charter.rights.RightsEvent.RequestVerified;
import io.charter.rights.RightsEvent.VerificationSent;
import io.charter.rights.RightsEvent.VerificationWithheld;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every step the request's history names becomes the typed event for it, which names the step in
 * the audit trail exactly as the history does.
 */
class RightsEventUnitTests {

	static final UUID REQUEST = UUID.fromString("00000000-0000-0000-0000-00000000000c");
	static final Instant AT = Instant.parse("2026-03-01T10:15:30.123456Z");

	static Stream<Arguments> steps() {
		return Stream.of(
				Arguments.of("received", RequestReceived.class),
				Arguments.of("verification-sent", VerificationSent.class),
				Arguments.of("verification-withheld", VerificationWithheld.class),
				Arguments.of("verified", RequestVerified.class),
				Arguments.of("started", RequestStarted.class),
				Arguments.of("info-requested", InformationRequested.class),
				Arguments.of("resumed", RequestResumed.class),
				Arguments.of("extended", RequestExtended.class),
				Arguments.of("completed", RequestClosed.class),
				Arguments.of("refused", RequestClosed.class),
				Arguments.of("withdrawn", RequestClosed.class),
				Arguments.of("unconfirmed", RequestClosed.class),
				Arguments.of("anonymised", RequestAnonymised.class),
				Arguments.of("note", RequestChanged.class),
				Arguments.of("assigned", RequestChanged.class),
				Arguments.of("package-sent", RequestChanged.class),
				Arguments.of("erasure", RequestChanged.class),
				Arguments.of("export-failed", RequestChanged.class),
				Arguments.of("letter-sent", RequestChanged.class),
				Arguments.of("reminder-sent", RequestChanged.class),
				Arguments.of("system-reported", RequestChanged.class));
	}

	@ParameterizedTest
	@MethodSource("steps")
	void namesTheStepAsTheHistoryDoes(String verb, Class<? extends RightsEvent> type) {
		RightsEvent event = RequestChanges.event(REQUEST, verb, "a summary", "user:x", AT);

		assertThat(event).isInstanceOf(type);
		assertThat(event.action()).isEqualTo("data-subject-request." + verb);
		assertThat(event.entityType()).isEqualTo("data-subject-request");
		assertThat(event.entityId()).isEqualTo(REQUEST.toString());
		assertThat(event.actor()).isEqualTo("user:x");
		assertThat(event.summary()).isEqualTo("a summary");
		assertThat(event.occurredAt()).isEqualTo(AT);
	}

	@ParameterizedTest
	@ValueSource(strings = { "completed", "refused", "withdrawn", "unconfirmed" })
	void aClosedRequestCarriesItsOutcome(String verb) {
		RequestClosed closed = (RequestClosed) RequestChanges.event(REQUEST, verb, "s", "system", AT);
		assertThat(closed.outcome().name().toLowerCase(java.util.Locale.ROOT)).isEqualTo(verb);
		assertThat(closed.outcome().open()).isFalse();
	}

	/** The event publication registry stores events as JSON until every listener has handled them. */
	@ParameterizedTest
	@MethodSource("steps")
	void survivesTheEventPublicationRegistry(String verb) {
		JsonMapper json = JsonMapper.builder().build();
		RightsEvent event = RequestChanges.event(REQUEST, verb, "a summary", "user:x", AT);
		assertThat(json.readValue(json.writeValueAsString(event), event.getClass())).isEqualTo(event);
	}
}
