package io.charter.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

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

	@Test
	void theReportsAreAskedSideBySideAndKeepTheirOrder() throws Exception {
		// Each of the first two reports waits for the other: asked one after the other, the first would time out.
		var barrier = new CyclicBarrier(2);
		var beans = new DefaultListableBeanFactory();
		beans.registerSingleton("first", (ControlReport) day -> meet(barrier, "first"));
		beans.registerSingleton("second", (ControlReport) day -> meet(barrier, "second"));
		beans.registerSingleton("third", (ControlReport) day -> List
				.of(Control.notMeasured("third", "t", Set.of("S1"), "f", null)));
		var reports = new ControlReports(beans.getBeanProvider(ControlReport.class));
		try {
			ControlReports.Reading reading = reports.read(LocalDate.of(2026, 12, 8));

			assertThat(reading.controls()).extracting(Control::id).containsExactly("first", "second", "third");
			assertThat(reading.failedReports()).isZero();
		}
		finally {
			reports.destroy();
		}
	}

	private static List<Control> meet(CyclicBarrier barrier, String id) {
		try {
			barrier.await(5, TimeUnit.SECONDS);
		}
		catch (Exception e) {
			throw new IllegalStateException("the other report was not asked at the same time", e);
		}
		return List.of(Control.notMeasured(id, "t", Set.of("S1"), "f", null));
	}
}
