package io.charter.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.charter.consent.ConsentEvent.BannerTextsChanged;
import io.charter.consent.ConsentEvent.CategoryChanged;
import io.charter.consent.ConsentEvent.CategoryCreated;
import io.charter.consent.ConsentEvent.CategoryDeleted;
import io.charter.consent.ConsentEvent.ConsentRecordsErased;
import io.charter.consent.ConsentEvent.ConsentRecordsPurged;
import io.charter.consent.ConsentEvent.ConsentRecordsRestricted;
import io.charter.consent.ConsentEvent.ConsentWithdrawn;
import io.charter.consent.ConsentEvent.CookieChanged;
import io.charter.consent.ConsentEvent.CookieCreated;
import io.charter.consent.ConsentEvent.CookieDeleted;
import io.charter.consent.ConsentEvent.DeclarationPublished;
import io.charter.consent.ConsentEvent.ServiceChanged;
import io.charter.consent.ConsentEvent.ServiceCreated;
import io.charter.consent.ConsentEvent.ServiceDeleted;
import io.charter.consent.ConsentEvent.SiteChanged;
import io.charter.consent.ConsentEvent.SiteCreated;
import tools.jackson.databind.json.JsonMapper;

/** Each typed event names its change in the audit trail's words, as the string-typed event did. */
class ConsentEventUnitTests {

	static final UUID COOKIE = UUID.fromString("00000000-0000-0000-0000-00000000000d");
	static final UUID REQUEST = UUID.fromString("00000000-0000-0000-0000-00000000000e");
	static final Instant AT = Instant.parse("2026-03-01T10:15:30.123456Z");
	static final String ACTOR = "user:x";

	static Stream<Arguments> events() {
		return Stream.of(
				Arguments.of(new SiteCreated("shop", "s", ACTOR, AT), "consent-site.created", "consent-site", "shop"),
				Arguments.of(new SiteChanged("shop", "s", ACTOR, AT), "consent-site.updated", "consent-site", "shop"),
				Arguments.of(new BannerTextsChanged("shop", "s", ACTOR, AT), "consent-banner-text.updated", "consent-site",
						"shop"),
				Arguments.of(new ConsentRecordsPurged("shop", "s", "system", AT), "consent-record.purged", "consent-site",
						"shop"),
				Arguments.of(new CategoryCreated("shop", "stats", "s", ACTOR, AT), "consent-category.created",
						"consent-category", "shop/stats"),
				Arguments.of(new CategoryChanged("shop", "stats", "s", ACTOR, AT), "consent-category.updated",
						"consent-category", "shop/stats"),
				Arguments.of(new CategoryDeleted("shop", "stats", "s", ACTOR, AT), "consent-category.deleted",
						"consent-category", "shop/stats"),
				Arguments.of(new ServiceCreated("shop", "matomo", "s", ACTOR, AT), "consent-service.created",
						"consent-service", "shop/matomo"),
				Arguments.of(new ServiceChanged("shop", "matomo", "s", ACTOR, AT), "consent-service.updated",
						"consent-service", "shop/matomo"),
				Arguments.of(new ServiceDeleted("shop", "matomo", "s", ACTOR, AT), "consent-service.deleted",
						"consent-service", "shop/matomo"),
				Arguments.of(new CookieCreated(COOKIE, "shop", "matomo", "s", ACTOR, AT), "consent-cookie.created",
						"consent-cookie", COOKIE.toString()),
				Arguments.of(new CookieChanged(COOKIE, "shop", "matomo", "s", ACTOR, AT), "consent-cookie.updated",
						"consent-cookie", COOKIE.toString()),
				Arguments.of(new CookieDeleted(COOKIE, "shop", "matomo", "s", ACTOR, AT), "consent-cookie.deleted",
						"consent-cookie", COOKIE.toString()),
				Arguments.of(new DeclarationPublished("shop", 3, "s", ACTOR, AT), "declaration.published", "declaration",
						"shop#3"),
				Arguments.of(new ConsentRecordsErased(REQUEST, "s", ACTOR, AT), "consent-record.erased",
						"data-subject-request", REQUEST.toString()),
				Arguments.of(new ConsentRecordsRestricted(REQUEST, "s", ACTOR, AT), "consent-record.restricted",
						"data-subject-request", REQUEST.toString()),
				Arguments.of(new ConsentWithdrawn(REQUEST, "s", ACTOR, AT), "consent-record.withdrawn",
						"data-subject-request", REQUEST.toString()),
				// A subject given without a request: named as String.valueOf named it before.
				Arguments.of(new ConsentRecordsErased(null, "s", ACTOR, AT), "consent-record.erased",
						"data-subject-request", "null"));
	}

	@ParameterizedTest
	@MethodSource("events")
	void namesTheChangeAsTheAuditTrailDoes(ConsentEvent event, String action, String entityType, String entityId) {
		assertThat(event.action()).isEqualTo(action);
		assertThat(event.entityType()).isEqualTo(entityType);
		assertThat(event.entityId()).isEqualTo(entityId);
		assertThat(event.summary()).isEqualTo("s");
		assertThat(event.occurredAt()).isEqualTo(AT);
	}

	/** The event publication registry stores events as JSON until every listener has handled them. */
	@ParameterizedTest
	@MethodSource("events")
	void survivesTheEventPublicationRegistry(ConsentEvent event) {
		JsonMapper json = JsonMapper.builder().build();
		assertThat(json.readValue(json.writeValueAsString(event), event.getClass())).isEqualTo(event);
	}
}
