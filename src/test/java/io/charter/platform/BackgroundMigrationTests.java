package io.charter.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The migrations run beside the context's construction, and the start waits for them and their failure. */
class BackgroundMigrationTests {

	private final JdbcDataSource db = database();

	@Test
	void theStartGoesOnWhileMigratingAndWaitsForTheMigrationsWhenEveryBeanExists() throws Exception {
		CountDownLatch holding = new CountDownLatch(1);
		CountDownLatch held = new CountDownLatch(1);
		Flyway flyway = Flyway.configure().dataSource(db).locations("classpath:db/migration")
				.callbacks(new HoldBeforeMigrating(held, holding)).load();
		BackgroundMigration migration = new BackgroundMigration();

		migration.migrate(flyway);
		assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();
		assertThat(tables()).as("returned while the migrations are held").isZero();

		holding.countDown();
		migration.afterSingletonsInstantiated();
		assertThat(tables()).as("every module's tables exist once the start went past the wait").isGreaterThan(40);
	}

	@Test
	void aFailedMigrationFailsTheStartWithItsOwnError(@TempDir Path migrations) throws Exception {
		Files.writeString(migrations.resolve("V1__broken.sql"), "create table broken (id uuid primary key,);");
		Flyway flyway = Flyway.configure().dataSource(db).locations("filesystem:" + migrations).load();
		BackgroundMigration migration = new BackgroundMigration();

		migration.migrate(flyway);

		assertThatThrownBy(migration::afterSingletonsInstantiated).isInstanceOf(FlywayException.class)
				.hasMessageContaining("V1__broken.sql");
	}

	private long tables() {
		return JdbcClient.create(db).sql("select count(*) from information_schema.tables where table_schema = 'public' and table_name <> 'flyway_schema_history'")
				.query(Long.class).single();
	}

	private static JdbcDataSource database() {
		JdbcDataSource db = new JdbcDataSource();
		db.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
		db.setUser("sa");
		return db;
	}

	/** Holds the migrations before they begin until the test lets them go on. */
	private record HoldBeforeMigrating(CountDownLatch held, CountDownLatch holding) implements Callback {

		@Override
		public boolean supports(Event event, Context context) {
			return event == Event.BEFORE_MIGRATE;
		}

		@Override
		public boolean canHandleInTransaction(Event event, Context context) {
			return true;
		}

		@Override
		public void handle(Event event, Context context) {
			held.countDown();
			try {
				holding.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}

		@Override
		public String getCallbackName() {
			return "hold";
		}
	}
}
