package io.charter.consent.log;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy between Charter and its database that a test can cut, the way a database goes away:
 * {@link #refuse()} resets every connection and refuses new ones (the database stopped, its host
 * answers), {@link #blackHole()} lets connections open but carries nothing any more, either way (a
 * dead network or a host that is gone: nothing answers and nothing says so). {@link #restore()}
 * carries new connections again; those that went into the black hole stay silent for good, as they
 * would for a database that was restarted behind it.
 */
final class FlakyLink implements AutoCloseable {

	private final InetSocketAddress target;
	private final int port;
	private final List<Connection> connections = new CopyOnWriteArrayList<>();
	private volatile ServerSocket listener;
	private volatile boolean blackHole;
	private volatile boolean closed;

	/** One client connection and, unless it came into the black hole, its connection to the database. */
	private static final class Connection {

		final Socket client;
		volatile Socket server;
		volatile boolean silent;

		Connection(Socket client) {
			this.client = client;
		}

		/** A TCP reset on both sides, not an orderly close. */
		void reset() {
			for (Socket socket : new Socket[] { client, server }) {
				if (socket != null) {
					try {
						socket.setSoLinger(true, 0);
						socket.close();
					}
					catch (IOException ignored) {
						// already gone
					}
				}
			}
		}
	}

	FlakyLink(String host, int port) throws IOException {
		this.target = new InetSocketAddress(host, port);
		ServerSocket first = listen(0);
		this.port = first.getLocalPort();
		start(first);
	}

	int port() {
		return port;
	}

	/** Resets every connection and refuses new ones. */
	synchronized void refuse() throws IOException {
		ServerSocket open = listener;
		listener = null;
		if (open != null) {
			open.close();
		}
		connections.forEach(Connection::reset);
		connections.clear();
	}

	/** Nothing goes through any more, in either direction, and new connections are accepted and kept silent. */
	synchronized void blackHole() {
		blackHole = true;
		connections.forEach(c -> c.silent = true);
	}

	/** New connections go through again. */
	synchronized void restore() throws IOException {
		blackHole = false;
		if (listener == null) {
			start(listen(port));
		}
	}

	@Override
	public synchronized void close() throws IOException {
		closed = true;
		refuse();
	}

	private static ServerSocket listen(int port) throws IOException {
		ServerSocket socket = new ServerSocket();
		socket.setReuseAddress(true);
		socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
		return socket;
	}

	private void start(ServerSocket socket) {
		listener = socket;
		daemon("flaky-link-accept", () -> {
			while (!closed && listener == socket) {
				Socket client;
				try {
					client = socket.accept();
				}
				catch (IOException stopped) {
					return;
				}
				Connection connection = new Connection(client);
				connections.add(connection);
				if (blackHole) {
					connection.silent = true;
					continue;
				}
				daemon("flaky-link-open", () -> open(connection));
			}
		});
	}

	private void open(Connection connection) {
		try {
			Socket server = new Socket();
			server.connect(target, 5_000);
			connection.server = server;
			daemon("flaky-link-up", () -> pump(connection, connection.client, server));
			daemon("flaky-link-down", () -> pump(connection, server, connection.client));
		}
		catch (IOException unreachable) {
			connection.reset();
		}
	}

	/**
	 * Copies bytes one way until either side closes, then closes both, as TCP would; once the
	 * connection is silent it drops them, and a side that closes is not told to the other.
	 */
	private static void pump(Connection connection, Socket from, Socket to) {
		byte[] buffer = new byte[16 * 1024];
		try {
			InputStream in = from.getInputStream();
			OutputStream out = to.getOutputStream();
			int n;
			while ((n = in.read(buffer)) >= 0) {
				if (!connection.silent) {
					out.write(buffer, 0, n);
					out.flush();
				}
			}
		}
		catch (IOException gone) {
			// reset by the test, or either side went away
		}
		close(from);
		if (!connection.silent) {
			close(to);
		}
	}

	private static void close(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ignored) {
			// already gone
		}
	}

	private static void daemon(String name, Runnable work) {
		Thread thread = new Thread(work, name);
		thread.setDaemon(true);
		thread.start();
	}
}
