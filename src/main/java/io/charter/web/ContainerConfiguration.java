package io.charter.web;

import org.apache.catalina.Valve;
import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The servlet container's side of the web shell: which proxies may name the client. Every bean
 * here exists whatever the settings (they are read when the bean is made), so the ahead-of-time
 * processed build honours them too.
 */
@Configuration(proxyBeanMethods = false)
class ContainerConfiguration {

	@Bean
	TrustedProxies trustedProxies(WebSettings settings) {
		return new TrustedProxies(settings);
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
}
