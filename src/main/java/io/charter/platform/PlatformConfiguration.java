package io.charter.platform;

import java.time.Clock;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.task.SimpleAsyncTaskSchedulerCustomizer;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Cross-cutting infrastructure: the clock every module takes time from, and scheduling that runs
 * each job on one instance of the cluster at a time (a ShedLock row in the shared database).
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
class PlatformConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	LockProvider lockProvider(DataSource dataSource) {
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
				.withJdbcTemplate(new JdbcTemplate(dataSource))
				.usingDbTime()
				.build());
	}

	/** Tests that drive jobs by hand switch the timers off with {@code charter.scheduling.enabled=false}. */
	@Configuration(proxyBeanMethods = false)
	@EnableScheduling
	@ConditionalOnProperty(name = "charter.scheduling.enabled", havingValue = "true", matchIfMissing = true)
	static class Timers {

		/** An outage stops a job run with one line in the log ({@link ScheduledFailures}). */
		@Bean
		ThreadPoolTaskSchedulerCustomizer scheduledFailures() {
			return scheduler -> scheduler.setErrorHandler(new ScheduledFailures());
		}

		/** The same when the jobs run on virtual threads ({@code spring.threads.virtual.enabled}). */
		@Bean
		SimpleAsyncTaskSchedulerCustomizer scheduledFailuresOnVirtualThreads() {
			return scheduler -> scheduler.setErrorHandler(new ScheduledFailures());
		}
	}
}
