package io.charter.identity.signin;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import io.charter.identity.IdentityManagement;
import io.charter.identity.IdentitySettings;
import io.charter.identity.Users;
import io.charter.identity.tokens.ApiTokenManagement;
import io.charter.platform.ProblemWriter;
import io.charter.shared.ChainOrder;
import io.charter.shared.PathAccess;
import io.charter.shared.Role;
import io.charter.shared.SecurityHeaders;

/**
 * Who may reach what. Two chains: the API (bearer tokens or a session, problem-detail errors) and
 * the pages (form or OIDC sign-in). Everything is closed unless opened here; modules that serve
 * public endpoints add their own chain with a narrower matcher and a higher precedence.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfiguration {

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	LoginThrottle loginThrottle(IdentitySettings settings, Clock clock) {
		return new LoginThrottle(settings.perAccount(), settings.perClient(), clock);
	}

	@Bean
	SessionRefresh sessionRefresh(Users users) {
		return new SessionRefresh(users, java.time.Duration.ofSeconds(5));
	}

	@Bean
	FilterRegistrationBean<SessionRefresh> sessionRefreshRegistration(SessionRefresh refresh) {
		FilterRegistrationBean<SessionRefresh> registration = new FilterRegistrationBean<>(refresh);
		registration.setEnabled(false);
		return registration;
	}

	/** The throttle runs inside the security chain only, not a second time as a plain servlet filter. */
	@Bean
	FilterRegistrationBean<LoginThrottle> loginThrottleRegistration(LoginThrottle throttle) {
		FilterRegistrationBean<LoginThrottle> registration = new FilterRegistrationBean<>(throttle);
		registration.setEnabled(false);
		return registration;
	}

	@Bean
	@Order(ChainOrder.STAFF_API)
	SecurityFilterChain apiChain(HttpSecurity http, ApiTokenManagement tokens, SessionRefresh sessionRefresh,
			ProblemWriter problemWriter, ObjectProvider<PathAccess> contributed) throws Exception {
		ProblemResponses problems = new ProblemResponses(problemWriter);
		List<PathAccess> rules = contributed.orderedStream().filter(PathAccess::api).toList();
		http.securityMatcher("/api/**", "/actuator/**")
				.authorizeHttpRequests(a -> {
					a.requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
							.requestMatchers("/actuator/**").hasRole(Role.ADMIN.name());
					apply(rules, a);
					a.anyRequest().authenticated();
				})
				.oauth2ResourceServer(o -> o.opaqueToken(t -> t.introspector(tokens)).authenticationEntryPoint(problems)
						.accessDeniedHandler(problems))
				.exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
				.addFilterAfter(sessionRefresh, SecurityContextHolderFilter.class)
				.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(SecurityHeaders.API_POLICY))
						.referrerPolicy(r -> r.policy(ReferrerPolicy.get(SecurityHeaders.REFERRER_POLICY))));
		return http.build();
	}

	@Bean
	@Order(ChainOrder.STAFF_PAGES)
	SecurityFilterChain pageChain(HttpSecurity http, IdentityManagement identity, LoginThrottle throttle,
			SessionRefresh sessionRefresh, OidcClients oidcClients, ObjectProvider<PathAccess> contributed)
			throws Exception {
		SignInOutcome outcome = new SignInOutcome(identity, throttle);
		List<PathAccess> rules = contributed.orderedStream().filter(rule -> !rule.api()).toList();
		http.authorizeHttpRequests(a -> {
			a.requestMatchers("/login", "/setup", "/invitation/**", "/password/**", "/css/**", "/js/**", "/img/**", "/favicon.ico",
					"/error", "/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
					.permitAll();
			apply(rules, a);
			a.anyRequest().authenticated();
		})
				.formLogin(f -> f.loginPage("/login").usernameParameter("username").passwordParameter("password")
						.successHandler(outcome).failureHandler(outcome).permitAll())
				.logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout").deleteCookies("CHARTER_SESSION"))
				.addFilterBefore(throttle, UsernamePasswordAuthenticationFilter.class)
				.addFilterAfter(sessionRefresh, SecurityContextHolderFilter.class)
				.sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
				// As Spring's own handler, but the error page learns why: a missing CSRF token is not a matter of roles.
				.exceptionHandling(e -> e.accessDeniedHandler((request, response, denied) -> {
					request.setAttribute(WebAttributes.ACCESS_DENIED_403, denied);
					response.sendError(HttpStatus.FORBIDDEN.value());
				}))
				.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(SecurityHeaders.PAGE_POLICY))
						.frameOptions(f -> f.deny())
						.referrerPolicy(r -> r.policy(ReferrerPolicy.get(SecurityHeaders.REFERRER_POLICY))));
		if (!oidcClients.isEmpty()) {
			http.oauth2Login(o -> o.loginPage("/login").userInfoEndpoint(u -> u.oidcUserService(new OidcUsers(identity)))
					.successHandler(outcome).failureHandler(outcome));
		}
		return http.build();
	}

	/**
	 * The modules' contributions, the most specific first: readers may GET, writers use any other
	 * method, and a path without writers is read-only for everyone.
	 */
	private static void apply(List<PathAccess> rules,
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry a) {
		List<PathAccess> specificFirst = rules.stream()
				.sorted(Comparator.comparingInt((PathAccess rule) -> rule.pattern().length()).reversed()).toList();
		for (PathAccess rule : specificFirst) {
			a.requestMatchers(HttpMethod.GET, rule.pattern()).hasAnyRole(names(rule.readers()));
			if (rule.writers().isEmpty()) {
				a.requestMatchers(rule.pattern()).denyAll();
			}
			else {
				a.requestMatchers(rule.pattern()).hasAnyRole(names(rule.writers()));
			}
		}
	}

	private static String[] names(Set<Role> roles) {
		return roles.stream().sorted().map(Role::name).toArray(String[]::new);
	}
}
