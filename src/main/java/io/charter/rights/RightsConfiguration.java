package io.charter.rights;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The holiday calendar and the deadline rules, from the shipped calendar and the settings. */
@Configuration(proxyBeanMethods = false)
class RightsConfiguration {

	@Bean
	Deadlines deadlines(RightsSettings settings) {
		Properties calendars = HolidayCalendar.shipped();
		if (settings.holidayFile() != null && !settings.holidayFile().isBlank()) {
			try (InputStream in = Files.newInputStream(Path.of(settings.holidayFile()))) {
				Properties extra = HolidayCalendar.read(in);
				// A country in the file replaces the shipped one entirely, so stale keys do not linger.
				extra.stringPropertyNames().stream().map(k -> k.substring(0, k.indexOf('.') < 0 ? k.length() : k.indexOf('.')))
						.distinct().forEach(cc -> calendars.stringPropertyNames().stream()
								.filter(k -> k.startsWith(cc + ".")).toList().forEach(calendars::remove));
				calendars.putAll(extra);
			}
			catch (IOException e) {
				throw new UncheckedIOException("Cannot read charter.rights.holiday-file", e);
			}
		}
		return new Deadlines(HolidayCalendar.of(settings.holidayCountry(), calendars));
	}
}
