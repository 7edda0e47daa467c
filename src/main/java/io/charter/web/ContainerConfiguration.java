package io.charter.web;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The servlet container's side of the web shell: which proxies may name the client, the errors
 * the container answers itself, and the screening of unreadable requests. Every bean here exists
 * whatever the settings (they are read when the bean is made), so the ahead-of-time processed
 * build honours them too.
 */
@Configuration(proxyBeanMethods = false)
class ContainerConfiguration {

	@Bean
	TrustedProxies trustedProxies(WebSettings settings) {
		return new TrustedProxies(settings);
	}

	@Bean
	ErrorValve errorValve(ObjectProvider<ErrorReplies> replies) {
		return new ErrorValve(replies);
	}

	/**
	 * After the request's character encoding is set and the observation started (both at the
	 * highest precedence; the banner and consent fast paths come next), before anything reads the
	 * request: the security chain, the form content filter, Spring MVC.
	 */
	@Bean
	FilterRegistrationBean<UnreadableRequests> unreadableRequests(ErrorReplies replies) {
		FilterRegistrationBean<UnreadableRequests> registration = new FilterRegistrationBean<>(new UnreadableRequests(replies));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
		return registration;
	}

	/** Right after the screening of unreadable requests, before anything reads a body. */
	@Bean
	FilterRegistrationBean<JsonBodyLimit> jsonBodyLimit(ErrorReplies replies, WebSettings settings) {
		FilterRegistrationBean<JsonBodyLimit> registration = new FilterRegistrationBean<>(
				new JsonBodyLimit(replies, settings.maxJsonBody().toBytes()));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
		return registration;
	}

	/**
	 * Forwarded headers ({@code X-Forwarded-For}, {@code -Proto}, {@code -Host}, {@code -Port}) are
	 * believed only from {@code charter.web.trusted-proxies}, none by default; the container's
	 * default trusts every private and loopback address, which lets a client on one of them (or
	 * behind a proxy that passes the header on) choose its address. After Spring Boot's own
	 * customizer, which adds the valve with that default.
	 */
	static final class TrustedProxies implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

		private final WebSettings settings;

		TrustedProxies(WebSettings settings) {
			this.settings = settings;
		}

		@Override
		public void customize(TomcatServletWebServerFactory factory) {
			for (Valve valve : factory.getEngineValves()) {
				if (valve instanceof RemoteIpValve remoteIp) {
					remoteIp.setInternalProxies(settings.joined());
					remoteIp.setTrustedProxies("");
				}
			}
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}
	}

	/**
	 * Puts {@link ContainerErrors} in place of the container's error report (Spring Boot adds a plain
	 * one to the host; the host would add another of its configured class unless it finds one).
	 */
	static final class ErrorValve implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

		private final ObjectProvider<ErrorReplies> replies;

		ErrorValve(ObjectProvider<ErrorReplies> replies) {
			this.replies = replies;
		}

		@Override
		public void customize(TomcatServletWebServerFactory factory) {
			factory.addContextCustomizers(context -> {
				if (context.getParent() instanceof StandardHost host) {
					for (Valve valve : host.getPipeline().getValves()) {
						if (valve instanceof ErrorReportValve) {
							host.getPipeline().removeValve(valve);
						}
					}
					host.setErrorReportValveClass(ContainerErrors.class.getName());
					host.getPipeline().addValve(new ContainerErrors(replies));
				}
			});
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}
	}
}
