package io.charter.platform;

import java.io.IOException;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import io.charter.shared.ChainOrder;
import io.charter.shared.SecurityHeaders;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * One security chain for every {@link MachineEndpoint} rather than one per module: each chain Spring
 * Security builds at start looks up some thirty {@code Customizer} beans by generic type over every
 * bean definition, so each chain fewer is a shorter start. The rules are those each module's own
 * chain had: each contribution's authorisation, credential filter and refusals apply to its paths only.
 */
@Configuration(proxyBeanMethods = false)
class MachineEndpointSecurity {

	@Bean
	@Order(ChainOrder.SYSTEM_CALLBACKS)
	SecurityFilterChain machineEndpointChain(HttpSecurity http, ObjectProvider<MachineEndpoint> contributed)
			throws Exception {
		List<MachineEndpoint> endpoints = contributed.orderedStream().toList();
		if (endpoints.isEmpty()) {
			http.securityMatcher(new NegatedRequestMatcher(AnyRequestMatcher.INSTANCE));
		}
		else {
			http.securityMatcher(endpoints.stream().map(MachineEndpoint::pattern).toArray(String[]::new));
		}
		http.csrf(c -> c.disable())
				.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
				.requestCache(r -> r.disable())
				.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(SecurityHeaders.API_POLICY)))
				.authorizeHttpRequests(a -> {
					for (MachineEndpoint endpoint : endpoints) {
						if (endpoint.authority() == null) {
							a.requestMatchers(endpoint.pattern()).permitAll();
						}
						else {
							a.requestMatchers(endpoint.pattern()).hasAuthority(endpoint.authority());
						}
					}
					a.anyRequest().denyAll();
				})
				.exceptionHandling(e -> {
					for (MachineEndpoint endpoint : endpoints) {
						RequestMatcher paths = paths(endpoint);
						if (endpoint.unauthenticated() != null) {
							e.defaultAuthenticationEntryPointFor(endpoint.unauthenticated(), paths);
						}
						if (endpoint.denied() != null) {
							e.defaultAccessDeniedHandlerFor(endpoint.denied(), paths);
						}
					}
				});
		for (MachineEndpoint endpoint : endpoints) {
			if (endpoint.authentication() != null) {
				http.addFilterBefore(new OnPaths(paths(endpoint), endpoint.authentication()), AuthorizationFilter.class);
			}
		}
		return http.build();
	}

	private static RequestMatcher paths(MachineEndpoint endpoint) {
		return PathPatternRequestMatcher.withDefaults().matcher(endpoint.pattern());
	}

	/** A contribution's credential filter, run on its own paths only. */
	static final class OnPaths extends OncePerRequestFilter {

		private final RequestMatcher paths;
		private final Filter filter;

		OnPaths(RequestMatcher paths, Filter filter) {
			this.paths = paths;
			this.filter = filter;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (paths.matches(request)) {
				filter.doFilter(request, response, chain);
			}
			else {
				chain.doFilter(request, response);
			}
		}
	}
}
