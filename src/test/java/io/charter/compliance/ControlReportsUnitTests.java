package io.charter.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

import io.charter.shared.control.Control;
import io.charter.shared.control.ControlReport;

class ControlReportsUnitTests {

	@Test
	void aReportThatFailsCostsOnlyItsOwnControls() {
		var beans = new DefaultListableBeanFactory();
		beans.registerSingleton("broken", (ControlReport) day -> {
			throw new IllegalStateException("database gone");
		});
		beans.registerSingleton("working", (ControlReport) day -> List
				.of(Control.notMeasured("sessions", "t", Set.of("S1"), "f", null)));
		var reports = new ControlReports(beans.getBeanProvider(ControlReport.class));

		ControlReports.Reading reading = reports.read(LocalDate.of(2026, 12, 8));

		assertThat(reading.controls()).extracting(Control::id).containsExactly("sessions");
		assertThat(reading.failedReports()).isOne();
	}
}
