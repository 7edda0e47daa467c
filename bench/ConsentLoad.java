import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop load at a fixed rate for bench/consent-writes.sh: request i is due at start + i/rate
 * whatever happened to earlier ones, and its latency is measured from that due time, so a stall
 * of the server shows in the percentiles (no coordinated omission, unlike a closed-loop client
 * such as wrk with a delay). Loopback only.
 *
 * A pacer thread puts each request in a queue at its due time; CONNECTIONS threads, each with one
 * persistent HTTP/1.1 connection (as a browser population behind keep-alive would have), take them
 * in order. A request that waits in the queue for a free connection is counted from its due time,
 * so too few connections, or a slow server, raise the percentiles rather than hide. The client is
 * plain sockets: the JDK's HttpClient could not itself keep up with 2,000 requests/s on a machine
 * shared with the server (it opened a connection per request in flight).
 *
 * Usage: java ConsentLoad.java URL ORIGIN RATE SECONDS [CONNECTIONS=64]
 */
public class ConsentLoad {

	public static void main(String[] args) throws Exception {
		URI url = URI.create(args[0]);
		if (!url.getHost().equals("127.0.0.1") && !url.getHost().equals("localhost")) {
			throw new IllegalArgumentException("loopback only");
		}
		String origin = args[1];
		int rate = Integer.parseInt(args[2]);
		int seconds = Integer.parseInt(args[3]);
		int connections = args.length > 4 ? Integer.parseInt(args[4]) : 64;
		int total = rate * seconds;
		long[] latencies = new long[total];
		Arrays.fill(latencies, Long.MAX_VALUE);
		AtomicLong created = new AtomicLong();
		AtomicLong failed = new AtomicLong();
		CountDownLatch done = new CountDownLatch(total);
		BlockingQueue<long[]> due = new ArrayBlockingQueue<>(total);
		String run = Long.toString(System.nanoTime(), 36);
		for (int c = 0; c < connections; c++) {
			Thread worker = new Thread(() -> work(url, origin, run, due, latencies, created, failed, done));
			worker.setDaemon(true);
			worker.start();
		}
		long interval = 1_000_000_000L / rate;
		long start = System.nanoTime() + 200_000_000L;
		for (int i = 0; i < total; i++) {
			long at = start + i * interval;
			long wait;
			while ((wait = at - System.nanoTime()) > 0) {
				LockSupport.parkNanos(Math.min(wait, 200_000));
			}
			due.add(new long[] { i, at });
		}
		long sentIn = System.nanoTime() - start;
		done.await(60, TimeUnit.SECONDS);
		long[] sorted = latencies.clone();
		Arrays.sort(sorted);
		System.out.printf("fixed-rate target=%d/s due=%d in %.1fs (%.0f/s) connections=%d created=%d failed=%d unanswered=%d%n",
				rate, total, sentIn / 1e9, total / (sentIn / 1e9), connections, created.get(), failed.get(), done.getCount());
		System.out.printf("latency ms p50=%.2f p90=%.2f p99=%.2f p99.9=%.2f max=%.2f%n", ms(sorted, 0.50),
				ms(sorted, 0.90), ms(sorted, 0.99), ms(sorted, 0.999), ms(sorted, 1.0));
		System.exit(0);
	}

	/** One connection: sends the due requests it takes, one at a time, reconnecting after a failure. */
	static void work(URI url, String origin, String run, BlockingQueue<long[]> due, long[] latencies, AtomicLong created,
			AtomicLong failed, CountDownLatch done) {
		Socket socket = null;
		InputStream in = null;
		while (true) {
			long[] next;
			try {
				next = due.take();
			}
			catch (InterruptedException e) {
				return;
			}
			int i = (int) next[0];
			String body = "{\"visitorId\":\"fixed" + run + "x" + Integer.toString(i, 36) + "aaaaaaaaaaaa\",\"version\":1,"
					+ "\"method\":\"ACCEPT_ALL\",\"choices\":{\"analytics\":true,\"tracking\":true},\"language\":\"fr\","
					+ "\"pageUrl\":\"https://www.bench.test/fr/page?x=1\"}";
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			String head = "POST " + url.getRawPath() + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + url.getPort()
					+ "\r\nContent-Type: text/plain;charset=UTF-8\r\nOrigin: " + origin
					+ "\r\nUser-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0"
					+ "\r\nContent-Length: " + bytes.length + "\r\n\r\n";
			int status;
			try {
				if (socket == null) {
					socket = new Socket();
					socket.setTcpNoDelay(true);
					socket.setSoTimeout(30_000);
					socket.connect(new InetSocketAddress(url.getHost(), url.getPort()), 5_000);
					in = new BufferedInputStream(socket.getInputStream());
				}
				OutputStream out = socket.getOutputStream();
				out.write((head + body).getBytes(StandardCharsets.UTF_8));
				out.flush();
				boolean[] closed = new boolean[1];
				status = readResponse(in, closed);
				if (closed[0]) {
					// Tomcat ends a keep-alive connection after maxKeepAliveRequests answers: reconnect.
					socket.close();
					socket = null;
				}
			}
			catch (IOException e) {
				status = -1;
				try {
					if (socket != null) {
						socket.close();
					}
				}
				catch (IOException ignored) {
				}
				socket = null;
			}
			latencies[i] = System.nanoTime() - next[1];
			(status == 201 ? created : failed).incrementAndGet();
			done.countDown();
		}
	}

	/**
	 * Reads one response (status line, headers, a Content-Length body) and returns its status;
	 * {@code closed[0]} tells whether the server closes the connection after it.
	 */
	static int readResponse(InputStream in, boolean[] closed) throws IOException {
		String statusLine = line(in);
		int status = Integer.parseInt(statusLine.split(" ")[1]);
		int length = 0;
		boolean close = false;
		for (String h; !(h = line(in)).isEmpty();) {
			String lower = h.toLowerCase();
			if (lower.startsWith("content-length:")) {
				length = Integer.parseInt(lower.substring(15).trim());
			}
			else if (lower.startsWith("connection:") && lower.contains("close")) {
				close = true;
			}
			else if (lower.startsWith("transfer-encoding:")) {
				throw new IOException("chunked answers are not expected here");
			}
		}
		in.readNBytes(length);
		closed[0] = close;
		return status;
	}

	static String line(InputStream in) throws IOException {
		StringBuilder s = new StringBuilder();
		for (int b; (b = in.read()) != '\n';) {
			if (b < 0) {
				throw new IOException("connection closed");
			}
			if (b != '\r') {
				s.append((char) b);
			}
		}
		return s.toString();
	}

	static double ms(long[] sorted, double q) {
		long v = sorted[Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(q * sorted.length) - 1))];
		return v == Long.MAX_VALUE ? Double.POSITIVE_INFINITY : v / 1e6;
	}
}
