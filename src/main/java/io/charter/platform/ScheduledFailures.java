package io.charter.platform;

import java.util.Arrays;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.ErrorHandler;

/**
 * What the scheduler does with a failed job run. A run the database's outage stopped (the job's
 * lock or its first query could not reach it) is one WARN line naming the job, its stack trace at
 * DEBUG only: every job meets the same outage every few seconds, and a trace per run would bury the
 * log. Any other failure is logged with its trace, as Spring's own handler does. Either way the job
 * runs again at its next time.
 */
final class ScheduledFailures implements ErrorHandler {

	private static final Logger log = LoggerFactory.getLogger(ScheduledFailures.class);

	@Override
	public void handleError(Throwable failure) {
		if (DatabaseOutage.causedBy(failure)) {
			DatabaseOutage.warn(log, "Scheduled job " + job(failure) + " did not run", failure);
		}
		else {
			log.error("Scheduled job {} failed", job(failure), failure);
		}
	}

	/**
	 * The job as the outermost of Charter's frames names it (the scheduled method, or its proxy's
	 * when the job's lock failed before the method ran).
	 */
	static String job(Throwable failure) {
		StackTraceElement[] frames = failure.getStackTrace();
		for (int i = frames.length - 1; i >= 0; i--) {
			String type = frames[i].getClassName();
			if (type.startsWith("io.charter.")) {
				String simple = type.substring(type.lastIndexOf('.') + 1);
				int proxy = simple.indexOf("$$");
				return (proxy < 0 ? simple : simple.substring(0, proxy)) + "." + frames[i].getMethodName();
			}
		}
		return Arrays.stream(frames).findFirst().map(StackTraceElement::getClassName).orElse("?");
	}
}
