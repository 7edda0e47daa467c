package io.charter.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The database's part of health and readiness ({@code db}), answered within
 * {@code charter.health.database-timeout}. Spring Boot's own check waits for a pool connection as
 * long as the pool does and then without limit on one that went silent, so while the database was
 * out of reach readiness answered nothing at all. Here the check runs on a thread of its own: a
 * caller waits for it at most the timeout and hears DOWN after that; a check still waiting is
 * shared by the next callers rather than joined by another, and its answer (UP, as soon as the
 * database is back) is the next one given.
 */
final class DatabaseHealth implements HealthIndicator, DisposableBean {

	/**
	 * {@code charter.health.*}.
	 *
	 * @param databaseTimeout how long the database check of health and readiness waits before it answers DOWN
	 */
	@ConfigurationProperties("charter.health")
	record Settings(@DefaultValue("1s") Duration databaseTimeout) {
	}

	private final DataSource dataSource;
	private final Duration timeout;
	private final ExecutorService checker = Executors.newSingleThreadExecutor(r -> {
		Thread thread = new Thread(r, "database-health");
		thread.setDaemon(true);
		return thread;
	});
	private CompletableFuture<Health> running;

	DatabaseHealth(DataSource dataSource, Duration timeout) {
		this.dataSource = dataSource;
		this.timeout = timeout;
	}

	@Override
	public Health health() {
		CompletableFuture<Health> check;
		try {
			check = check();
		}
		catch (RejectedExecutionException stopping) {
			return Health.down().withDetail("error", "stopping").build();
		}
		try {
			return check.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException silent) {
			return Health.down().withDetail("error", "no answer within " + timeout.toMillis() + " ms").build();
		}
		catch (ExecutionException failed) {
			return Health.down(failed.getCause()).build();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return Health.down().withDetail("error", "interrupted").build();
		}
	}

	private synchronized CompletableFuture<Health> check() {
		if (running == null || running.isDone()) {
			running = CompletableFuture.supplyAsync(this::ask, checker);
		}
		return running;
	}

	private Health ask() {
		try (Connection connection = dataSource.getConnection()) {
			boolean valid = connection.isValid((int) Math.max(1, (timeout.toMillis() + 999) / 1000));
			return (valid ? Health.up() : Health.down()).withDetail("database", connection.getMetaData().getDatabaseProductName())
					.withDetail("validationQuery", "isValid()").build();
		}
		catch (SQLException | RuntimeException unreachable) {
			return Health.down(unreachable).build();
		}
	}

	@Override
	public void destroy() {
		checker.shutdownNow();
	}

	@Configuration(proxyBeanMethods = false)
	static class Registration {

		/** Named so that it replaces Spring Boot's {@code db} indicator (which backs off from this bean name). */
		@Bean
		DatabaseHealth dbHealthIndicator(DataSource dataSource, Settings settings) {
			return new DatabaseHealth(dataSource, settings.databaseTimeout());
		}
	}
}
