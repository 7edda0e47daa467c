package io.charter.platform;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Gives new PostgreSQL connections the pool's connection timeout as their login timeout. The pool
 * sets one through {@code DriverManager}, which the PostgreSQL driver ignores (its own
 * {@code loginTimeout} property, 0 = none, wins): behind a dead network, or with a database host
 * that is gone, the pool's single connection-making thread waited for ever on a login that never
 * came, and Charter did not reconnect when the database came back. A {@code loginTimeout} given in
 * the URL or as {@code spring.datasource.hikari.data-source-properties.loginTimeout} is kept.
 */
final class PostgreSqlLoginTimeout implements BeanPostProcessor {

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
				&& pool.getJdbcUrl().startsWith("jdbc:postgresql:") && !pool.getJdbcUrl().contains("loginTimeout=")
				&& !pool.getDataSourceProperties().containsKey("loginTimeout")) {
			pool.addDataSourceProperty("loginTimeout", String.valueOf(Math.max(1, (pool.getConnectionTimeout() + 999) / 1000)));
		}
		return bean;
	}

	@Configuration(proxyBeanMethods = false)
	static class Registration {

		@Bean
		static PostgreSqlLoginTimeout postgreSqlLoginTimeout() {
			return new PostgreSqlLoginTimeout();
		}
	}
}
