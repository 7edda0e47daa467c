package io.charter.devices.osquery;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.charter.platform.MachineEndpoint;

/**
 * osquery's endpoints: machines, not people, each call authenticated by its node key (or, for
 * enrolment, an enroll secret) in {@link OsqueryApi}. Stateless, no CSRF (no browser, no cookie),
 * no staff sign-in: platform's chain for machine endpoints.
 */
@Configuration(proxyBeanMethods = false)
class OsquerySecurity {

	@Bean
	static MachineEndpoint osqueryEndpoint() {
		return MachineEndpoint.open("/osquery/**");
	}
}
