package io.charter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * Every test class that drives a browser is tagged {@code browser}: CI runs those in their own lane,
 * and an untagged one would run in the other lane, unbalancing the two.
 */
class TestTagsTests {

	@Test
	void everyTestDrivingChromiumIsTaggedBrowser() {
		var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
			.importPackages("io.charter");
		List<String> untagged = classes.stream()
			.filter(c -> c.getSimpleName().endsWith("Tests") && !c.isNestedClass())
			.filter(c -> drivesABrowser(c, classes.stream().filter(n -> n.getName().startsWith(c.getName() + "$")).toList()))
			.filter(c -> Arrays.stream(c.reflect().getAnnotationsByType(Tag.class)).noneMatch(t -> t.value().equals("browser")))
			.map(JavaClass::getName)
			.toList();
		assertThat(classes.stream().filter(c -> c.getSimpleName().equals("BrowserTests"))).isNotEmpty();
		assertThat(untagged).isEmpty();
	}

	private static boolean drivesABrowser(JavaClass test, List<JavaClass> nested) {
		return java.util.stream.Stream.concat(java.util.stream.Stream.of(test), nested.stream())
			.flatMap(c -> c.getDirectDependenciesFromSelf().stream())
			.anyMatch(d -> d.getTargetClass().getPackageName().startsWith("org.openqa.selenium"));
	}
}
