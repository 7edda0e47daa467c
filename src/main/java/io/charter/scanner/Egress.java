package io.charter.scanner;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only way out of a scan's browser: a forwarding proxy on loopback that Chromium must use for
 * every request (pages, redirects, sub-resources, WebSockets; loopback included). For each connection it
 * resolves the host once, refuses it when any of its addresses is one a scan may not reach, and
 * connects to the address it checked, never resolving again: a redirect is a new request and is
 * checked as such, and a DNS answer that changes after the check (rebinding) is never used. It also
 * counts what a page's visit downloads and cuts it off when the visit passes its budget.
 */
final class Egress implements AutoCloseable {

	/** How a host name becomes addresses; tests answer with the address they want checked. */
	interface Resolver {

		InetAddress[] resolve(String host) throws UnknownHostException;

		Resolver SYSTEM = InetAddress::getAllByName;
	}

	/** Which private addresses the scan may reach anyway: a staging site, or a test website on loopback. */
	interface Allowance {

		boolean allows(InetSocketAddress address);

		Allowance NONE = address -> false;
	}

	private static final Logger log = LoggerFactory.getLogger(Egress.class);
	private static final int MAX_HEAD = 64 * 1024;

	private final ServerSocket server;
	private final Resolver resolver;
	private final Allowance allowance;
	private final int connectTimeoutMillis;
	private final long pageBudget;
	private final AtomicLong pageBytes = new AtomicLong();
	private final Set<Socket> open = ConcurrentHashMap.newKeySet();
	private final List<String> refused = new CopyOnWriteArrayList<>();
	private volatile boolean overBudget;
	private volatile boolean closed;

	/**
	 * @param pageBudget the bytes a page's visit may download (everything it loads), counted while loading
	 */
	Egress(Resolver resolver, Allowance allowance, int connectTimeoutMillis, long pageBudget) {
		this.resolver = resolver;
		this.allowance = allowance;
		this.connectTimeoutMillis = connectTimeoutMillis;
		this.pageBudget = pageBudget;
		try {
			this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		daemon("scanner-egress", this::accept);
	}

	/** The proxy's address, for Chromium's {@code --proxy-server} and the scan's own requests. */
	InetSocketAddress address() {
		return new InetSocketAddress(server.getInetAddress(), server.getLocalPort());
	}

	/** A new page's visit: its budget starts again, and the connections of the last one are closed. */
	void newPage() {
		closeConnections();
		pageBytes.set(0);
		overBudget = false;
	}

	/** The visit passed its download budget since {@link #newPage()}. */
	boolean overBudget() {
		return overBudget;
	}

	/** What was refused, as "host:port (reason)", in order. */
	List<String> refused() {
		return List.copyOf(refused);
	}

	/**
	 * The address to connect to for this host, checked: every address the host resolves to must be one
	 * a scan may reach, and the first is the one used.
	 */
	InetSocketAddress check(String host, int port) throws Refused {
		InetAddress[] addresses;
		try {
			addresses = resolver.resolve(host);
		}
		catch (UnknownHostException unknown) {
			throw new Refused(host + ":" + port + " (unknown host)");
		}
		if (addresses.length == 0) {
			throw new Refused(host + ":" + port + " (unknown host)");
		}
		for (InetAddress address : addresses) {
			InetSocketAddress target = new InetSocketAddress(address, port);
			if (Addresses.neverReached(address) || Addresses.isPrivate(address) && !allowance.allows(target)) {
				throw new Refused(host + ":" + port + " (address " + address.getHostAddress() + ")");
			}
		}
		return new InetSocketAddress(addresses[0], port);
	}

	static final class Refused extends Exception {

		Refused(String what) {
			super(what, null, false, false);
		}
	}

	private void accept() {
		while (!closed) {
			try {
				Socket client = server.accept();
				open.add(client);
				daemon("scanner-egress-connection", () -> serve(client));
			}
			catch (IOException stopped) {
				if (!closed) {
					log.debug("Scanner proxy stopped accepting: {}", stopped.toString());
				}
				return;
			}
		}
	}

	private void serve(Socket client) {
		Socket upstream = null;
		try (client) {
			client.setSoTimeout(connectTimeoutMillis * 4);
			InputStream in = client.getInputStream();
			byte[] head = head(in);
			if (head == null) {
				return;
			}
			String text = new String(head, StandardCharsets.ISO_8859_1);
			String[] requestLine = text.substring(0, text.indexOf("\r\n")).split(" ");
			if (requestLine.length != 3) {
				answer(client, "400 Bad Request");
				return;
			}
			boolean tunnel = requestLine[0].equalsIgnoreCase("CONNECT");
			String host;
			int port;
			String forwarded = null;
			if (tunnel) {
				URI authority = URI.create("tunnel://" + requestLine[1]);
				host = authority.getHost();
				port = authority.getPort();
			}
			else {
				URI target = URI.create(requestLine[1]);
				if (!"http".equalsIgnoreCase(target.getScheme()) || target.getHost() == null) {
					answer(client, "400 Bad Request");
					return;
				}
				host = target.getHost();
				port = target.getPort() == -1 ? 80 : target.getPort();
				forwarded = originForm(requestLine, target, text.substring(text.indexOf("\r\n") + 2));
			}
			if (host == null || port <= 0) {
				answer(client, "400 Bad Request");
				return;
			}
			if (host.startsWith("[") && host.endsWith("]")) {
				host = host.substring(1, host.length() - 1);
			}
			if (overBudget) {
				refused.add(host + ":" + port + " (page budget)");
				answer(client, "403 Forbidden");
				return;
			}
			InetSocketAddress checked;
			try {
				checked = check(host, port);
			}
			catch (Refused refusal) {
				refused.add(refusal.getMessage());
				log.debug("Scan refused to connect to {}", refusal.getMessage());
				answer(client, "403 Forbidden");
				return;
			}
			upstream = new Socket();
			open.add(upstream);
			upstream.connect(checked, connectTimeoutMillis);
			OutputStream toServer = upstream.getOutputStream();
			if (tunnel) {
				client.getOutputStream().write("HTTP/1.1 200 Connection Established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
				client.getOutputStream().flush();
			}
			else {
				toServer.write(forwarded.getBytes(StandardCharsets.ISO_8859_1));
				toServer.flush();
			}
			client.setSoTimeout(0);
			Socket server = upstream;
			Thread up = daemon("scanner-egress-upload", () -> pump(client, server, false));
			pump(server, client, true);
			up.join(connectTimeoutMillis);
		}
		catch (IOException | IllegalArgumentException | StringIndexOutOfBoundsException broken) {
			log.debug("Scanner proxy connection ended: {}", broken.toString());
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
		}
		finally {
			if (upstream != null) {
				quietly(upstream);
				open.remove(upstream);
			}
			open.remove(client);
		}
	}

	/** The request as the server expects it: its path only, and one request per connection. */
	private static String originForm(String[] requestLine, URI target, String headers) {
		String path = (target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath())
				+ (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
		StringBuilder out = new StringBuilder(requestLine[0]).append(' ').append(path).append(' ').append(requestLine[2])
				.append("\r\n");
		for (String line : headers.split("\r\n")) {
			String name = line.contains(":") ? line.substring(0, line.indexOf(':')).trim().toLowerCase(Locale.ROOT) : "";
			if (!line.isEmpty() && !name.equals("connection") && !name.startsWith("proxy-") && !name.equals("keep-alive")) {
				out.append(line).append("\r\n");
			}
		}
		return out.append("Connection: close\r\n\r\n").toString();
	}

	/** The request's head, up to the empty line; what follows (a body) is pumped as it comes. */
	private static byte[] head(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		int state = 0;
		while (head.size() < MAX_HEAD) {
			int b = in.read();
			if (b < 0) {
				return null;
			}
			head.write(b);
			state = b == '\r' && (state == 0 || state == 2) ? state + 1 : b == '\n' && (state == 1 || state == 3) ? state + 1 : 0;
			if (state == 4) {
				return head.toByteArray();
			}
		}
		return null;
	}

	private void pump(Socket from, Socket to, boolean download) {
		byte[] buffer = new byte[16 * 1024];
		try {
			InputStream in = from.getInputStream();
			OutputStream out = to.getOutputStream();
			int n;
			while ((n = in.read(buffer)) >= 0) {
				if (download && pageBytes.addAndGet(n) > pageBudget) {
					if (!overBudget) {
						overBudget = true;
						refused.add("page over " + pageBudget + " bytes");
					}
					break;
				}
				out.write(buffer, 0, n);
				out.flush();
			}
		}
		catch (IOException ended) {
			// One side closed: the other is closed below.
		}
		quietly(from);
		quietly(to);
	}

	/** A thread that never holds the JVM up: a stopping instance closes the proxy anyway. */
	static Thread daemon(String name, Runnable work) {
		Thread thread = new Thread(work, name);
		thread.setDaemon(true);
		thread.start();
		return thread;
	}

	private static void answer(Socket client, String status) throws IOException {
		client.getOutputStream().write(("HTTP/1.1 " + status + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.ISO_8859_1));
		client.getOutputStream().flush();
	}

	private void closeConnections() {
		new ArrayList<>(open).forEach(Egress::quietly);
	}

	private static void quietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ignored) {
			// Closing is all that is wanted.
		}
	}

	@Override
	public void close() {
		closed = true;
		try {
			server.close();
		}
		catch (IOException ignored) {
			// Closing is all that is wanted.
		}
		closeConnections();
	}
}
