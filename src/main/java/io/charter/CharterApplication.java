package io.charter;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;

/** SMTP is set up by the notify module, decided at start rather than by a bean condition (see docs/configuration.md). */
@SpringBootApplication(exclude = MailSenderAutoConfiguration.class)
@ConfigurationPropertiesScan
public class CharterApplication {
	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(CharterApplication.class);
		application.addListeners(new BuildTimeSettings());
		application.run(args);
	}
}
