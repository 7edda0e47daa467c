package io.charter.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The first administrator is made beside the other start-up work, and readiness waits for it. */
class FirstAdminUnitTests {

	/** An administrator exists once {@code release} opens; records which thread asked. */
	static final class SlowIdentity extends IdentityManagement {

		final CountDownLatch release = new CountDownLatch(1);
		volatile String askedOn;
		final RuntimeException failure;

		SlowIdentity(RuntimeException failure) {
			super(null, null, null, null, null, null, null, null, null, null, null);
			this.failure = failure;
		}

		@Override
		public boolean hasAdministrator() {
			askedOn = Thread.currentThread().getName();
			try {
				release.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			if (failure != null) {
				throw failure;
			}
			return true;
		}
	}

	@Test
	void runsOffTheMainThreadAndReadinessWaitsForIt() throws Exception {
		SlowIdentity identity = new SlowIdentity(null);
		FirstAdmin first = new FirstAdmin(identity, null, null, null);
		first.run(null);
		Thread ready = new Thread(first::awaitFirstAdmin);
		ready.start();
		ready.join(300);
		assertThat(ready.isAlive()).as("readiness waits for the administrator").isTrue();
		identity.release.countDown();
		ready.join(10_000);
		assertThat(ready.isAlive()).isFalse();
		assertThat(identity.askedOn).isEqualTo("first-admin");
	}

	@Test
	void aFailureFailsTheStartAtReadiness() {
		SlowIdentity identity = new SlowIdentity(new IllegalStateException("database gone"));
		FirstAdmin first = new FirstAdmin(identity, null, null, null);
		first.run(null);
		identity.release.countDown();
		assertThatThrownBy(first::awaitFirstAdmin).isInstanceOf(IllegalStateException.class).hasMessage("database gone");
	}
}
