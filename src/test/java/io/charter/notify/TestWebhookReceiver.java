package io.charter.notify;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver on a loopback port, declared as an endpoint in every test context: it records
 * what it gets and answers the status the test sets.
 */
@Component
class TestWebhookReceiver implements WebhookEndpoint, DisposableBean {

	static final String NAME = "test-receiver";
	static final String SECRET = "test-webhook-secret";

	record Received(Headers headers, byte[] body) {
	}

	final List<Received> received = new CopyOnWriteArrayList<>();
	final AtomicInteger status = new AtomicInteger(204);
	private final HttpServer server;

	TestWebhookReceiver() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/hook", exchange -> {
			received.add(new Received(exchange.getRequestHeaders(), exchange.getRequestBody().readAllBytes()));
			exchange.sendResponseHeaders(status.get(), -1);
			exchange.close();
		});
		server.start();
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
	}

	@Override
	public String secret() {
		return SECRET;
	}

	@Override
	public void destroy() {
		server.stop(0);
	}
}
