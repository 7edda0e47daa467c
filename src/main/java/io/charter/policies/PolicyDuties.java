package io.charter.policies;

import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.charter.people.Directory;
import io.charter.shared.Duty;

/**
 * One duty per policy document. Documents come with migrations (the shipped one: work behaviors), so
 * their duties are declared here with them rather than discovered at run time.
 */
@Configuration(proxyBeanMethods = false)
class PolicyDuties {

	static final String WORK_BEHAVIORS = "work-behaviors";

	@Bean
	Duty workBehaviorsDuty(PolicyDocuments documents, Acknowledgements acknowledgements, Directory directory,
			PolicySettings settings,
			@Value("${charter.web.time-zone:Europe/Brussels}") ZoneId zone) {
		return new PolicyDuty(WORK_BEHAVIORS, documents, acknowledgements, directory, settings, zone);
	}
}
