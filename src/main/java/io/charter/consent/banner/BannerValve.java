package io.charter.consent.banner;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.ServletException;

import org.apache.catalina.Context;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * {@link BannerEdge} in front of Tomcat's own pipeline: the first valve of the engine, so the banner's
 * resources skip the forwarded-headers valve, the host's error report, the context's authenticator
 * and the filter chain's set-up as well, none of which they need (no client address, no error page,
 * no user, no session). On {@code config.json} that pipeline was a quarter of the time Charter spent
 * per request, which nginx does not spend. The headers are the resource's own ({@link BannerResource}),
 * the same as through the filter; what the edge does not answer goes on through the whole pipeline,
 * marked so that the filter does not look it up again.
 */
final class BannerValve extends ValveBase {

	private final BannerEdge edge;

	BannerValve(BannerEdge edge) {
		super(true);
		this.edge = edge;
	}

	@Override
	public void invoke(Request request, Response response) throws IOException, ServletException {
		Context context = request.getContext();
		String uri = request.getDecodedRequestURI();
		if (context != null && uri != null) {
			String contextPath = context.getPath();
			// Decoded, normalised and without ;parameters by Tomcat, as the servlet mapping sees it.
			if (uri.startsWith(contextPath) && uri.startsWith("/c/", contextPath.length())) {
				if (edge.answer(request, response, uri.substring(contextPath.length()))) {
					return;
				}
				request.setAttribute(BannerEdge.PASSED, Boolean.TRUE);
			}
		}
		getNext().invoke(request, response);
	}

	/** Puts the valve first, ahead of the forwarded-headers valve Spring Boot adds. */
	static final class First implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

		private final BannerEdge edge;

		First(BannerEdge edge) {
			this.edge = edge;
		}

		@Override
		public void customize(TomcatServletWebServerFactory factory) {
			List<Valve> valves = new ArrayList<>(factory.getEngineValves());
			valves.add(0, new BannerValve(edge));
			factory.setEngineValves(valves);
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}
	}
}
