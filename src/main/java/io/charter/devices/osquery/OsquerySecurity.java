package io.charter.devices.osquery;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import io.charter.platform.MachineEndpoints;
import io.charter.shared.ChainOrder;

/**
 * osquery's endpoints: machines, not people, each call authenticated by its node key (or, for
 * enrolment, an enroll secret) in {@link OsqueryApi}. Stateless, no CSRF (no browser, no cookie),
 * no staff sign-in.
 */
@Configuration(proxyBeanMethods = false)
class OsquerySecurity {

	@Bean
	@Order(ChainOrder.SYSTEM_CALLBACKS)
	SecurityFilterChain osqueryChain(HttpSecurity http) throws Exception {
		return MachineEndpoints.stateless(http, "/osquery/**")
				.authorizeHttpRequests(a -> a.anyRequest().permitAll())
				.build();
	}
}
