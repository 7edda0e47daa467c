package io.charter.identity.signin;

import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import io.charter.identity.IdentityEvent;

/** The session filter forgets an account when a typed change to it commits, and only then. */
@SpringJUnitConfig(AccountChangesTests.Config.class)
class AccountChangesTests {

	@Configuration
	@EnableTransactionManagement
	@Import(AccountChanges.class)
	static class Config {

		/** Transactions without a resource: all the listener needs is their synchronisation. */
		@Bean
		PlatformTransactionManager transactionManager() {
			return new AbstractPlatformTransactionManager() {
				@Override
				protected Object doGetTransaction() {
					return new Object();
				}

				@Override
				protected void doBegin(Object transaction, org.springframework.transaction.TransactionDefinition definition) {
				}

				@Override
				protected void doCommit(DefaultTransactionStatus status) {
				}

				@Override
				protected void doRollback(DefaultTransactionStatus status) {
				}
			};
		}
	}

	@MockitoBean
	SessionRefresh sessions;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void forgetsTheAccountOnceAChangeToItCommits() {
		UUID user = UUID.randomUUID();
		new TransactionTemplate(transactions).executeWithoutResult(status -> {
			events.publishEvent(new IdentityEvent.UserRolesChanged(user, "roles EMPLOYEE -> ADMIN", "system", Instant.now()));
			verifyNoInteractions(sessions);
		});
		verify(sessions).forget(user);
	}

	@Test
	void forgetsNothingWhenTheChangeRollsBack() {
		new TransactionTemplate(transactions).executeWithoutResult(status -> {
			events.publishEvent(new IdentityEvent.UserDeactivated(UUID.randomUUID(), "account deactivated", "system",
					Instant.now()));
			status.setRollbackOnly();
		});
		verifyNoInteractions(sessions);
	}

	@Test
	void leavesAccountsAloneOnATokenChange() {
		new TransactionTemplate(transactions).executeWithoutResult(status -> events.publishEvent(
				new IdentityEvent.TokenRevoked(UUID.randomUUID(), "token 'ci' revoked", "system", Instant.now())));
		verifyNoInteractions(sessions);
	}
}
