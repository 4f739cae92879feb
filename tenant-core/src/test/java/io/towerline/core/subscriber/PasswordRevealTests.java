package io.towerline.core.subscriber;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.towerline.core.actor.Actor;
import io.towerline.core.audit.RouterCommandLog;
import io.towerline.core.credentials.SealedSecrets;
import io.towerline.core.operation.RouterOperations;
import io.towerline.core.plan.Plans;
import io.towerline.core.router.Routers;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessResourceFailureException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/** Revealing a password is not possible without its audit record (ADR 0062). */
class PasswordRevealTests {

	private static final Actor ACTOR = Actor.user("alice");

	private final SubscriberRepository repository = mock(SubscriberRepository.class);

	private final SealedSecrets secrets = mock(SealedSecrets.class);

	private final RouterCommandLog commandLog = mock(RouterCommandLog.class);

	private final Subscribers subscribers = new Subscribers(this.repository, mock(Plans.class), mock(Routers.class),
			mock(RouterOperations.class), this.secrets, this.commandLog, Clock.systemUTC(),
			mock(ApplicationEventPublisher.class));

	private final Subscriber subscriber = new Subscriber(UUID.randomUUID(), "pppoe-1", "test:ref", UUID.randomUUID(),
			UUID.randomUUID(), new SubscriberProfile(Contact.NONE, null, null), Instant.now());

	@Test
	void shouldRecordWhoRevealedBeforeRevealing() {
		given(this.repository.findById(this.subscriber.id())).willReturn(Optional.of(this.subscriber));
		given(this.secrets.reveal("test:ref")).willReturn("s3cret");

		assertThat(this.subscribers.revealPassword(this.subscriber.id(), ACTOR)).isEqualTo("s3cret");

		InOrder order = inOrder(this.commandLog, this.secrets);
		order.verify(this.commandLog)
			.recordPlatformAction(this.subscriber.routerId(), "pppoe-1", Subscribers.REVEAL_PASSWORD_ACTION, ACTOR);
		order.verify(this.secrets).reveal("test:ref");
	}

	@Test
	void shouldRevealNothingWhenTheRecordCannotBeWritten() {
		given(this.repository.findById(this.subscriber.id())).willReturn(Optional.of(this.subscriber));
		willThrow(new DataAccessResourceFailureException("database down")).given(this.commandLog)
			.recordPlatformAction(any(), anyString(), anyString(), any());

		assertThatExceptionOfType(DataAccessResourceFailureException.class)
			.isThrownBy(() -> this.subscribers.revealPassword(this.subscriber.id(), ACTOR));
		verify(this.secrets, never()).reveal(anyString());
	}

}
