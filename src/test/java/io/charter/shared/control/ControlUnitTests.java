package io.charter.shared.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ControlUnitTests {

	@Test
	void aShareIsPassingAtItsTargetNeedsAttentionJustBelowAndFailsFurther() {
		assertThat(ControlStatus.ofShare(95, 100, 0.95)).isEqualTo(ControlStatus.PASSING);
		assertThat(ControlStatus.ofShare(90, 100, 0.95)).isEqualTo(ControlStatus.ATTENTION);
		assertThat(ControlStatus.ofShare(89, 100, 0.95)).isEqualTo(ControlStatus.FAILING);
		assertThat(ControlStatus.ofShare(0, 0, 0.95)).isEqualTo(ControlStatus.NOT_MEASURED);
	}

	@Test
	void exemptedItemsAreCountedApartAndNeverAsMet() {
		var control = Control.share("device-screen-lock", "devices.check.screen-lock", Set.of("S5"), 8, 10, 2, 1.0,
				"devices.control.figure", "/devices");

		assertThat(control.status()).isEqualTo(ControlStatus.FAILING);
		assertThat(control.share()).isEqualTo(0.8);
		assertThat(control.figureArguments()).containsExactly(8L, 10L, 2L);
	}

	@Test
	void aControlThatCannotBeCountedIsNotMeasuredRatherThanPassing() {
		var control = Control.notMeasured("visitors-registered", "premises.control.visitors", Set.of("S3"),
				"premises.control.none", null);

		assertThat(control.status()).isEqualTo(ControlStatus.NOT_MEASURED);
		assertThat(control.share()).isNull();
	}

	@Test
	void malformedControlsAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> Control.share("Screen Lock", "k", Set.of("S5"), 1, 1, 0,
				0.9, "f", null));
		assertThatIllegalArgumentException().isThrownBy(() -> Control.share("screen-lock", "k", Set.of(), 1, 1, 0,
				0.9, "f", null));
		assertThatIllegalArgumentException().isThrownBy(() -> Control.share("screen-lock", "k", Set.of("S5"), 3, 4, 2,
				0.9, "f", null));
		assertThatIllegalArgumentException().isThrownBy(() -> new Control("screen-lock", "k", Set.of("S5"),
				ControlStatus.PASSING, 1, 1, 0, 1.5, "f", List.of(), null));
		assertThatIllegalArgumentException().isThrownBy(() -> Control.share("screen-lock", "k", Set.of("S5"), 1, 1, 0,
				0.9, "f", "https://elsewhere.example"));
	}
}
