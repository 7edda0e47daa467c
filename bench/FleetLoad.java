import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A simulated osquery fleet for bench/fleet.sh, speaking osquery's TLS remote API as osqueryd's
 * distributed plugin does (over plain HTTP on loopback: TLS is the reverse proxy's or the JVM's,
 * and not what is measured here).
 *
 * Check-ins are open-loop at a fixed rate (HOSTS / interval: 50,000 hosts every 300 s is 167/s):
 * check-in i is due at start + i/rate whatever happened to earlier ones, for host i mod HOSTS, and
 * its latency is counted from that due time, so a stall of the server shows in the percentiles (no
 * coordinated omission). A check-in is {@code POST /osquery/distributed/read}; when the answer names
 * queries, the host answers them at once with {@code POST /osquery/distributed/write} on the same
 * connection (as osqueryd does): a row or none for each check, the console user for
 * {@code logged_in_users}, a few packages for the software inventory.
 *
 * Node keys are the ones bench/fleet.sh put in the database: {@code bench} and the host's number
 * on 38 digits (43 characters, as Charter's are).
 *
 * Usage: java FleetLoad.java load BASE_URL HOSTS RATE SECONDS [CONNECTIONS=64] [FIRST=0]   (FIRST: the first check-in's number, so a run after a warm-up goes on with the next hosts)
 *        java FleetLoad.java enroll BASE_URL SECRET COUNT [CONNECTIONS=16]   (real enrolments, as fast as they go)
 */
public class FleetLoad {

	private static final Pattern QUERY_NAME = Pattern.compile("\"(charter-[a-z]+:[^\"]+)\"\\s*:\\s*\"");

	public static void main(String[] args) throws Exception {
		URI base = URI.create(args[1]);
		if (!base.getHost().equals("127.0.0.1") && !base.getHost().equals("localhost")) {
			throw new IllegalArgumentException("loopback only");
		}
		if (args[0].equals("enroll")) {
			enroll(base, args[2], Integer.parseInt(args[3]), args.length > 4 ? Integer.parseInt(args[4]) : 16);
			return;
		}
		int hosts = Integer.parseInt(args[2]);
		int rate = Integer.parseInt(args[3]);
		int seconds = Integer.parseInt(args[4]);
		int connections = args.length > 5 ? Integer.parseInt(args[5]) : 64;
		int first = args.length > 6 ? Integer.parseInt(args[6]) : 0;
		int total = rate * seconds;
		long[] reads = new long[total];
		long[] checkIns = new long[total];
		long[] writes = new long[total];
		Arrays.fill(reads, Long.MAX_VALUE);
		Arrays.fill(checkIns, Long.MAX_VALUE);
		Arrays.fill(writes, -1);
		AtomicLong failed = new AtomicLong();
		AtomicLong invalid = new AtomicLong();
		CountDownLatch done = new CountDownLatch(total);
		BlockingQueue<long[]> due = new ArrayBlockingQueue<>(total);
		for (int c = 0; c < connections; c++) {
			Thread worker = new Thread(() -> {
				Connection connection = new Connection(base);
				while (true) {
					long[] next;
					try {
						next = due.take();
					}
					catch (InterruptedException e) {
						return;
					}
					int i = (int) next[0];
					String key = String.format("bench%038d", (first + i) % hosts + 1);
					try {
						Answer read = connection.post("/osquery/distributed/read", "{\"node_key\":\"" + key + "\"}");
						reads[i] = System.nanoTime() - next[1];
						if (read.status != 200) {
							failed.incrementAndGet();
						}
						else if (read.body.contains("\"node_invalid\":true")) {
							invalid.incrementAndGet();
						}
						else {
							String answers = answers(read.body, i);
							if (answers != null) {
								long start = System.nanoTime();
								Answer write = connection.post("/osquery/distributed/write",
										"{\"node_key\":\"" + key + "\"," + answers + "}");
								writes[i] = System.nanoTime() - start;
								if (write.status != 200 || write.body.contains("\"node_invalid\":true")) {
									failed.incrementAndGet();
								}
							}
						}
					}
					catch (IOException e) {
						failed.incrementAndGet();
						connection.close();
					}
					checkIns[i] = System.nanoTime() - next[1];
					done.countDown();
				}
			});
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
		long[] w = Arrays.stream(writes).filter(v -> v >= 0).sorted().toArray();
		System.out.printf("hosts=%d check-ins due=%d in %.1fs (%.1f/s) connections=%d writes=%d (%.1f/s) failed=%d node_invalid=%d unanswered=%d%n",
				hosts, total, sentIn / 1e9, total / (sentIn / 1e9), connections, w.length, w.length / (sentIn / 1e9),
				failed.get(), invalid.get(), done.getCount());
		print("read", sorted(reads));
		print("write", w);
		print("check-in (read + write)", sorted(checkIns));
		System.exit(0);
	}

	/** The body's queries answered as a device would: null when nothing was asked. */
	static String answers(String readBody, int i) {
		Matcher m = QUERY_NAME.matcher(readBody);
		StringBuilder queries = new StringBuilder();
		StringBuilder statuses = new StringBuilder();
		while (m.find()) {
			String name = m.group(1);
			String rows;
			if (name.startsWith("charter-check:")) {
				// Most checks pass, one in five fails: a realistic mix of inserts and failure events.
				rows = (name.hashCode() + i) % 5 == 0 ? "[]" : "[{\"1\":\"1\"}]";
			}
			else if (name.startsWith("charter-user:")) {
				rows = "[{\"user\":\"benchuser" + i % 1000 + "\",\"type\":\"user\",\"tty\":\"console\"}]";
			}
			else {
				rows = "[{\"name\":\"osquery\",\"version\":\"5.12.1\",\"publisher\":\"\"},"
						+ "{\"name\":\"firefox\",\"version\":\"132.0\",\"publisher\":\"Mozilla\"},"
						+ "{\"name\":\"libssl3\",\"version\":\"3.0.13\",\"publisher\":\"Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>\"}]";
			}
			queries.append(queries.isEmpty() ? "" : ",").append('"').append(name).append("\":").append(rows);
			statuses.append(statuses.isEmpty() ? "" : ",").append('"').append(name).append("\":0");
		}
		return queries.isEmpty() ? null : "\"queries\":{" + queries + "},\"statuses\":{" + statuses + "},\"messages\":{}";
	}

	/** COUNT real enrolments with the secret, as fast as CONNECTIONS connections go: enrolments/s and latencies. */
	static void enroll(URI base, String secret, int count, int connections) throws Exception {
		long[] latencies = new long[count];
		AtomicLong next = new AtomicLong();
		AtomicLong failed = new AtomicLong();
		Thread[] threads = new Thread[connections];
		long start = System.nanoTime();
		for (int c = 0; c < connections; c++) {
			threads[c] = new Thread(() -> {
				Connection connection = new Connection(base);
				for (long i; (i = next.getAndIncrement()) < count;) {
					String body = "{\"enroll_secret\":\"" + secret + "\",\"host_identifier\":\"bench-enroll-" + i
							+ "\",\"host_details\":{\"os_version\":{\"name\":\"Ubuntu\",\"version\":\"24.04\",\"platform\":\"ubuntu\","
							+ "\"platform_like\":\"debian\"},\"osquery_info\":{\"version\":\"5.12.1\"},\"system_info\":{\"hostname\":\"bench-"
							+ i + "\",\"hardware_serial\":\"BENCH" + i + "\",\"hardware_model\":\"ThinkPad\"}}}";
					long t = System.nanoTime();
					try {
						Answer a = connection.post("/osquery/enroll", body);
						if (a.status != 200 || !a.body.contains("node_key")) {
							failed.incrementAndGet();
						}
					}
					catch (IOException e) {
						failed.incrementAndGet();
						connection.close();
					}
					latencies[(int) i] = System.nanoTime() - t;
				}
			});
			threads[c].start();
		}
		for (Thread t : threads) {
			t.join();
		}
		double took = (System.nanoTime() - start) / 1e9;
		System.out.printf("enrolments=%d in %.1fs (%.0f/s) connections=%d failed=%d%n", count, took, count / took, connections,
				failed.get());
		print("enroll", sorted(latencies));
	}

	static long[] sorted(long[] values) {
		long[] s = values.clone();
		Arrays.sort(s);
		return s;
	}

	static void print(String what, long[] sorted) {
		if (sorted.length == 0) {
			System.out.printf("%s: none%n", what);
			return;
		}
		System.out.printf("%s latency ms p50=%.2f p90=%.2f p99=%.2f p99.9=%.2f max=%.2f (n=%d)%n", what, ms(sorted, 0.50),
				ms(sorted, 0.90), ms(sorted, 0.99), ms(sorted, 0.999), ms(sorted, 1.0), sorted.length);
	}

	static double ms(long[] sorted, double q) {
		long v = sorted[Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(q * sorted.length) - 1))];
		return v == Long.MAX_VALUE ? Double.POSITIVE_INFINITY : v / 1e6;
	}

	record Answer(int status, String body) {
	}

	/** One persistent HTTP/1.1 connection, reopened after a failure or when the server closes it. */
	static final class Connection {

		private final URI base;
		private Socket socket;
		private InputStream in;

		Connection(URI base) {
			this.base = base;
		}

		Answer post(String path, String body) throws IOException {
			if (socket == null) {
				socket = new Socket();
				socket.setTcpNoDelay(true);
				socket.setSoTimeout(30_000);
				socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
				in = new BufferedInputStream(socket.getInputStream());
			}
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			String head = "POST " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
					+ "\r\nContent-Type: application/json\r\nAccept: application/json\r\nUser-Agent: osquery/5.12.1"
					+ "\r\nContent-Length: " + bytes.length + "\r\n\r\n";
			OutputStream out = socket.getOutputStream();
			out.write(head.getBytes(StandardCharsets.UTF_8));
			out.write(bytes);
			out.flush();
			String statusLine = line(in);
			int status = Integer.parseInt(statusLine.split(" ")[1]);
			int length = -1;
			boolean chunked = false;
			boolean close = false;
			for (String h; !(h = line(in)).isEmpty();) {
				String lower = h.toLowerCase();
				if (lower.startsWith("content-length:")) {
					length = Integer.parseInt(lower.substring(15).trim());
				}
				else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
					chunked = true;
				}
				else if (lower.startsWith("connection:") && lower.contains("close")) {
					close = true;
				}
			}
			ByteArrayOutputStream answer = new ByteArrayOutputStream();
			if (chunked) {
				for (int size; (size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) > 0;) {
					answer.write(in.readNBytes(size));
					line(in);
				}
				line(in);
			}
			else if (length > 0) {
				answer.write(in.readNBytes(length));
			}
			if (close) {
				close();
			}
			return new Answer(status, answer.toString(StandardCharsets.UTF_8));
		}

		void close() {
			try {
				if (socket != null) {
					socket.close();
				}
			}
			catch (IOException ignored) {
			}
			socket = null;
		}
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
}
