import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop load at a fixed rate for bench/consent-writes.sh: request i is due at start + i/rate
 * whatever happened to earlier ones, and its latency is measured from that due time, so a stall
 * of the server shows in the percentiles (no coordinated omission, unlike a closed-loop client
 * such as wrk with a delay). Loopback only.
 *
 * Usage: java ConsentLoad.java URL ORIGIN RATE SECONDS
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
		int total = rate * seconds;
		long[] latencies = new long[total];
		AtomicLong created = new AtomicLong();
		AtomicLong failed = new AtomicLong();
		CountDownLatch done = new CountDownLatch(total);
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
				.executor(Executors.newFixedThreadPool(4)).connectTimeout(Duration.ofSeconds(5)).build();
		String run = Long.toString(System.nanoTime(), 36);
		long interval = 1_000_000_000L / rate;
		long start = System.nanoTime() + 50_000_000L;
		for (int i = 0; i < total; i++) {
			long due = start + i * interval;
			long wait;
			while ((wait = due - System.nanoTime()) > 0) {
				LockSupport.parkNanos(Math.min(wait, 200_000));
			}
			String body = "{\"visitorId\":\"fixed" + run + "x" + Integer.toString(i, 36) + "aaaaaaaaaaaa\",\"version\":1,"
					+ "\"method\":\"ACCEPT_ALL\",\"choices\":{\"analytics\":true,\"tracking\":true},\"language\":\"fr\","
					+ "\"pageUrl\":\"https://www.bench.test/fr/page?x=1\"}";
			HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
					.header("Content-Type", "text/plain;charset=UTF-8").header("Origin", origin)
					.POST(HttpRequest.BodyPublishers.ofString(body)).build();
			int slot = i;
			http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
				latencies[slot] = System.nanoTime() - due;
				if (e == null && r.statusCode() == 201) {
					created.incrementAndGet();
				}
				else {
					failed.incrementAndGet();
				}
				done.countDown();
			});
		}
		long sentIn = System.nanoTime() - start;
		done.await(60, TimeUnit.SECONDS);
		long[] sorted = latencies.clone();
		Arrays.sort(sorted);
		System.out.printf("fixed-rate target=%d/s sent=%d in %.1fs (%.0f/s) created=%d failed=%d%n", rate, total,
				sentIn / 1e9, total / (sentIn / 1e9), created.get(), failed.get());
		System.out.printf("latency ms p50=%.2f p90=%.2f p99=%.2f p99.9=%.2f max=%.2f%n", ms(sorted, 0.50),
				ms(sorted, 0.90), ms(sorted, 0.99), ms(sorted, 0.999), sorted[sorted.length - 1] / 1e6);
		System.exit(0);
	}

	static double ms(long[] sorted, double q) {
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
	}
}
