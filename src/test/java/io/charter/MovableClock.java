package io.charter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** The system clock, unless a test sets it: deadlines and reminders are tested by moving it. */
public final class MovableClock extends Clock {

	private final AtomicReference<Instant> fixed = new AtomicReference<>();

	public void set(Instant instant) {
		fixed.set(instant);
	}

	public void advance(Duration by) {
		fixed.updateAndGet(i -> (i == null ? Instant.now() : i).plus(by));
	}

	public void reset() {
		fixed.set(null);
	}

	@Override
	public Instant instant() {
		Instant i = fixed.get();
		return i == null ? Instant.now() : i;
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		MovableClock source = this;
		return new Clock() {
			@Override
			public Instant instant() {
				return source.instant();
			}

			@Override
			public ZoneId getZone() {
				return zone;
			}

			@Override
			public Clock withZone(ZoneId other) {
				return source.withZone(other);
			}
		};
	}
}
