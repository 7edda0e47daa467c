package io.charter.notify;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One application context for the notify tests, sending through a real SMTP server (GreenMail).
 * The server runs as long as the test JVM: the cached context keeps pointing at it after a test
 * class is done.
 */
@Tag("database")
@SpringBootTest
@AutoConfigureMockMvc
abstract class NotifyTestBase {

	static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
	static {
		SMTP.start();
	}
	static final String FROM = "charter@wegroup.test";

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
		// The context starts only if the server answers.
		registry.add("spring.mail.test-connection", () -> "true");
		registry.add("charter.notify.from", () -> FROM);
	}
}
