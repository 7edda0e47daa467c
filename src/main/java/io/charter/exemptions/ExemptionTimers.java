package io.charter.exemptions;

import static io.charter.platform.Utc.odt;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.charter.exemptions.ExemptionEvent.ExemptionExpired;
import io.charter.shared.Actors;

/**
 * Expiry and its notices: an approved exemption whose last day has passed expires; the requester and
 * SECURITY are told {@code charter.exemptions.notice-before} ahead and at expiry. Each notice is
 * claimed in exemption_notice in the transaction that puts it in the outbox, so a second run or a
 * second instance never sends it again.
 */
@Component
class ExemptionTimers {

	/** What a run did. */
	record Run(int noticed, int expired) {
	}

	private final Exemptions exemptions;
	private final ExemptionMessages messages;
	private final ExemptionSettings settings;
	private final ApplicationEventPublisher events;
	private final JdbcClient jdbc;
	private final Clock clock;
	private final ZoneId zone;

	ExemptionTimers(Exemptions exemptions, ExemptionMessages messages, ExemptionSettings settings,
			ApplicationEventPublisher events, JdbcClient jdbc, Clock clock, @Value(ExemptionSettings.ZONE) ZoneId zone) {
		this.exemptions = exemptions;
		this.messages = messages;
		this.settings = settings;
		this.events = events;
		this.jdbc = jdbc;
		this.clock = clock;
		this.zone = zone;
	}

	@Transactional
	public Run run() {
		LocalDate today = LocalDate.now(clock.withZone(zone));
		int noticed = 0;
		for (Exemption e : exemptions.approvedEnding(today, today.plus(settings.noticeBefore()))) {
			if (claim(e, "EXPIRING")) {
				messages.ending(e, "exemptions-expiring");
				noticed++;
			}
		}
		int expired = 0;
		for (Exemption e : exemptions.approvedEndedBefore(today)) {
			Exemption after = e.ended(Exemption.Status.EXPIRED, "period ended " + e.endsOn(), Actors.SYSTEM,
					clock.instant());
			exemptions.close(after);
			events.publishEvent(new ExemptionExpired(e.id(), "expired after " + e.endsOn(), Actors.SYSTEM,
					after.endedAt()));
			if (claim(e, "EXPIRED")) {
				messages.ending(after, "exemptions-expired");
			}
			expired++;
		}
		return new Run(noticed, expired);
	}

	/** True for the one caller that records this notice first. */
	private boolean claim(Exemption e, String kind) {
		return jdbc.sql("""
				insert into exemption_notice (exemption_id, kind, sent_at) values (:id, :kind, :at)
				on conflict do nothing""").param("id", e.id()).param("kind", kind).param("at", odt(clock.instant()))
				.update() == 1;
	}
}
