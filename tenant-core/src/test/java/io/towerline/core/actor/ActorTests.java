package io.towerline.core.actor;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ActorTests {

	@Test
	void shouldKeepTheStoredFormOfEachKindOfActor() {
		assertThat(Actor.user("alice").value()).isEqualTo("user:alice");
		assertThat(Actor.client("billing").value()).isEqualTo("client:billing");
		assertThat(Actor.system("drift-check").value()).isEqualTo("system:drift-check");
		assertThat(Actor.UNKNOWN.value()).isEqualTo("system:unknown");
	}

	@Test
	void shouldReadBackAnyStoredFormUnchanged() {
		assertThat(Actor.of("user:alice")).isEqualTo(Actor.user("alice"));
		assertThat(Actor.of("admin")).hasToString("admin");
	}

	@Test
	void shouldRefuseAnUnnamedActor() {
		assertThatIllegalArgumentException().isThrownBy(() -> Actor.of(" "));
		assertThatIllegalArgumentException().isThrownBy(() -> Actor.of(null));
	}

}
