package io.charter.platform;

import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.stereotype.Component;

/**
 * Runs the database migrations on a thread of their own while the rest of the application context
 * is built, and holds the start until they are done. On a first start the migrations are the
 * largest single cost of the start (some fifty of them, on the start's critical path); the beans
 * built meanwhile (web server, security filter chains, request mappings, ...) do not query the
 * database, so on a machine with two cores both proceed at once.
 *
 * <p>The start waits for the migrations when every singleton exists, before any other
 * after-instantiation callback (this one is registered before those of Spring's auto-configuration)
 * and before anything is started: scheduled jobs, the consent writers, the web server. So no request,
 * job or event re-publication ever sees a schema that is not migrated, and a failed migration fails
 * the start with its own error, as before.
 */
@Component
class BackgroundMigration implements FlywayMigrationStrategy, SmartInitializingSingleton {

	private volatile StartupWork migration = StartupWork.NONE;

	@Override
	public void migrate(Flyway flyway) {
		migration = StartupWork.begin("flyway-migration", flyway::migrate);
	}

	@Override
	public void afterSingletonsInstantiated() {
		awaitMigration();
	}

	/** Waits for the migrations started last; throws what they threw. */
	void awaitMigration() {
		migration.await();
	}
}
