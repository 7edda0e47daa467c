import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;

/**
 * The baseline of bench/people.sh: the SCIM lookup's query alone, `select ... from person where
 * email = ?` over JDBC with one connection per thread, for a number of seconds, random people of
 * the 10,000. Run with the H2 (or PostgreSQL) driver on the class path:
 *
 *   java -cp h2.jar bench/PeopleQuery.java <jdbc-url> <user> <password> <threads> <seconds> <domain>
 */
public class PeopleQuery {

	public static void main(String[] args) throws Exception {
		String url = args[0];
		int threads = Integer.parseInt(args[3]);
		long seconds = Long.parseLong(args[4]);
		String domain = args[5];
		LongAdder done = new LongAdder();
		long end = System.nanoTime() + seconds * 1_000_000_000L;
		Thread[] workers = new Thread[threads];
		for (int t = 0; t < threads; t++) {
			workers[t] = new Thread(() -> {
				try (Connection c = DriverManager.getConnection(url, args[1], args[2]);
						PreparedStatement s = c.prepareStatement("select id, name, email, employee_id, kind, department, "
								+ "manager_id, start_date, end_date, status, language from person where email = ?")) {
					while (System.nanoTime() < end) {
						s.setString(1, "person-" + ThreadLocalRandom.current().nextInt(1, 10_001) + "@" + domain);
						try (ResultSet rs = s.executeQuery()) {
							if (!rs.next()) {
								throw new IllegalStateException("no such person");
							}
						}
						done.increment();
					}
				}
				catch (Exception e) {
					throw new IllegalStateException(e);
				}
			});
			workers[t].start();
		}
		for (Thread w : workers) {
			w.join();
		}
		System.out.printf("%.0f%n", done.sum() / (double) seconds);
	}
}
