package io.towerline.api.outage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * The JPA transaction manager, as Spring Boot would make it, except that a rollback on a
 * connection the database already closed (killed, failed over) does not fail: the server
 * discarded the transaction with the connection, so there is nothing left to roll back. A
 * failed rollback used to replace the failure that caused it, and Spring logged that
 * failure as an ERROR with its stack trace ("Application exception overridden by rollback
 * exception") on top of our one line for the client's DATABASE_UNAVAILABLE. Now the
 * original failure (the broken statement) travels on and is answered and logged once.
 */
@Configuration(proxyBeanMethods = false)
class LostConnectionRollbackConfiguration {

	@Bean
	JpaTransactionManager transactionManager(ObjectProvider<TransactionManagerCustomizers> customizers) {
		JpaTransactionManager manager = new LostConnectionTolerantTransactionManager();
		customizers.ifAvailable((customizer) -> customizer.customize(manager));
		return manager;
	}

	static final class LostConnectionTolerantTransactionManager extends JpaTransactionManager {

		private static final Logger log = LoggerFactory.getLogger(LostConnectionTolerantTransactionManager.class);

		@Override
		protected void doRollback(DefaultTransactionStatus status) {
			try {
				super.doRollback(status);
			}
			catch (RuntimeException ex) {
				// Spring translates Hibernate's "Unable to rollback" into a
				// JpaSystemException, not a TransactionException
				if (!DatabaseOutage.causedBy(ex)) {
					throw ex;
				}
				log.debug("Rollback on a connection the database closed; its transaction is gone with it", ex);
			}
		}

	}

}
