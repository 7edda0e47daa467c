package io.charter.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The SMTP settings as Charter reads them at start (NotifyIntegrationTests sends through a real server). */
class SmtpTests {

	@Test
	void withoutAHostMessagesAreHeld() {
		assertThat(Smtp.from(new MailProperties(), null).configured()).isFalse();
	}

	@Test
	void readsTheServerAndItsTlsSettings() {
		MailProperties mail = new MailProperties();
		mail.setHost("smtp.example");
		mail.setPort(465);
		mail.setUsername("charter");
		mail.setProtocol("smtps");
		mail.getSsl().setEnabled(true);
		mail.getSsl().setVerifyHostname(false);
		mail.getProperties().put("mail.smtps.timeout", "5000");
		JavaMailSenderImpl sender = (JavaMailSenderImpl) Smtp.from(mail, null).sender().orElseThrow();
		assertThat(sender.getHost()).isEqualTo("smtp.example");
		assertThat(sender.getPort()).isEqualTo(465);
		assertThat(sender.getUsername()).isEqualTo("charter");
		assertThat(sender.getProtocol()).isEqualTo("smtps");
		assertThat(sender.getJavaMailProperties()).containsEntry("mail.smtps.ssl.enable", "true")
			.containsEntry("mail.smtps.ssl.checkserveridentity", "false").containsEntry("mail.smtps.timeout", "5000");
	}

	@Test
	void refusesAJndiSessionItWouldIgnore() {
		MailProperties mail = new MailProperties();
		mail.setJndiName("java:comp/env/mail/Session");
		assertThatThrownBy(() -> Smtp.from(mail, null)).isExactlyInstanceOf(IllegalStateException.class)
			.hasMessageContaining("spring.mail.jndi-name");
	}

	@Test
	void withTestConnectionAnUnreachableServerStopsTheStart() throws Exception {
		int closed;
		try (ServerSocket socket = new ServerSocket(0)) {
			closed = socket.getLocalPort();
		}
		MailProperties mail = new MailProperties();
		mail.setHost("127.0.0.1");
		mail.setPort(closed);
		var bundles = new StaticListableBeanFactory().getBeanProvider(SslBundles.class);
		assertThatThrownBy(() -> new Smtp.Settings().smtp(mail, bundles, true)).isExactlyInstanceOf(IllegalStateException.class)
			.hasMessageContaining("cannot be reached");
		assertThat(new Smtp.Settings().smtp(mail, bundles, false).configured()).as("without the test, no check").isTrue();
	}
}
