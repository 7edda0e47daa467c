package io.charter.rights;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/** Another system, for the tests: records what Charter delivers and answers with the codes it is told. */
public final class WebhookReceiver {

	public record Delivery(Map<String, List<String>> headers, String body) {

		public String header(String name) {
			return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
					.map(e -> e.getValue().get(0)).orElse(null);
		}
	}

	public final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
	private final ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>();
	private final HttpServer server;

	private WebhookReceiver(HttpServer server) {
		this.server = server;
	}

	public static WebhookReceiver start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			WebhookReceiver receiver = new WebhookReceiver(server);
			server.createContext("/hooks", exchange -> {
				byte[] body = exchange.getRequestBody().readAllBytes();
				receiver.deliveries.add(new Delivery(Map.copyOf(exchange.getRequestHeaders()),
						new String(body, StandardCharsets.UTF_8)));
				Integer code = receiver.answers.poll();
				exchange.sendResponseHeaders(code == null ? 200 : code, -1);
				exchange.close();
			});
			server.start();
			return receiver;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
	}

	/** The next answers, in order; 200 once they are used up. */
	public void answer(Integer... codes) {
		answers.clear();
		answers.addAll(List.of(codes));
	}

	public List<Delivery> about(String requestId) {
		return deliveries.stream().filter(d -> d.body().contains(requestId)).toList();
	}
}
