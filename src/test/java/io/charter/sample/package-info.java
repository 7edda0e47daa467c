/**
 * A module that exists only in the test sources, written the way a new module is: it holds personal
 * data through the kernel's plug-in and reacts to an identity event, and {@code ModularityTests}
 * verifies that this needs no cycle and no edit of another module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Sample (tests only)",
		allowedDependencies = { "shared", "identity" })
package io.charter.sample;
