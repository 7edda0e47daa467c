package io.charter.notify;

import java.util.Optional;
import java.util.Properties;

import jakarta.mail.MessagingException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.util.StringUtils;

/**
 * The SMTP server from {@code spring.mail.*}, when one is configured. Decided when Charter starts,
 * not by a bean condition: the ahead-of-time processed build fixes its beans at build time, and
 * SMTP is configured where Charter is installed. (Spring Boot's own mail auto-configuration is
 * excluded for that reason; this reads the same properties.)
 */
final class Smtp {

	private final JavaMailSender sender;

	private Smtp(JavaMailSender sender) {
		this.sender = sender;
	}

	/** The sender, or empty when no {@code spring.mail.host} is set (messages are then held). */
	Optional<JavaMailSender> sender() {
		return Optional.ofNullable(sender);
	}

	boolean configured() {
		return sender != null;
	}

	static Smtp from(MailProperties mail, SslBundles bundles) {
		if (StringUtils.hasText(mail.getJndiName())) {
			throw new IllegalStateException("spring.mail.jndi-name is not supported: configure spring.mail.host (and port, "
					+ "username, password) instead (docs/configuration.md)");
		}
		if (!StringUtils.hasText(mail.getHost())) {
			return new Smtp(null);
		}
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost(mail.getHost());
		if (mail.getPort() != null) {
			sender.setPort(mail.getPort());
		}
		sender.setUsername(mail.getUsername());
		sender.setPassword(mail.getPassword());
		String protocol = StringUtils.hasLength(mail.getProtocol()) ? mail.getProtocol() : "smtp";
		sender.setProtocol(protocol);
		if (mail.getDefaultEncoding() != null) {
			sender.setDefaultEncoding(mail.getDefaultEncoding().name());
		}
		Properties session = new Properties();
		session.putAll(mail.getProperties());
		if (mail.getSsl().isEnabled()) {
			session.setProperty("mail." + protocol + ".ssl.enable", "true");
		}
		if (mail.getSsl().isEnabled() || mail.getSsl().getBundle() != null) {
			session.setProperty("mail." + protocol + ".ssl.checkserveridentity", String.valueOf(mail.getSsl().isVerifyHostname()));
		}
		if (mail.getSsl().getBundle() != null) {
			session.put("mail." + protocol + ".ssl.socketFactory",
					bundles.getBundle(mail.getSsl().getBundle()).createSslContext().getSocketFactory());
		}
		sender.setJavaMailProperties(session);
		return new Smtp(sender);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(MailProperties.class)
	static class Settings {

		/** With {@code spring.mail.test-connection=true}, Charter does not start when the server cannot be reached. */
		@Bean
		Smtp smtp(MailProperties mail, ObjectProvider<SslBundles> bundles,
				@Value("${spring.mail.test-connection:false}") boolean testConnection) {
			Smtp smtp = from(mail, bundles.getIfAvailable());
			if (testConnection && smtp.sender instanceof JavaMailSenderImpl sender) {
				try {
					sender.testConnection();
				}
				catch (MessagingException e) {
					throw new IllegalStateException("The SMTP server " + mail.getHost() + " cannot be reached: " + e.getMessage(), e);
				}
			}
			return smtp;
		}
	}
}
