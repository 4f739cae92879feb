package io.towerline.core.notification;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which gateway answers are worth another attempt: none of the 4xx except timeouts and
 * rate limits; every 5xx.
 */
class SmsRefusalTests {

	@ParameterizedTest
	@ValueSource(ints = { 408, 429, 500, 502, 503, 504, 302 })
	void shouldRetryPassingAnswers(int status) {
		Refusal refusal = SmsDelivery.refusal(status, "answer " + status);
		assertThat(refusal.isPermanent()).isFalse();
		assertThat(refusal.message()).isEqualTo("answer " + status);
	}

	@ParameterizedTest
	@ValueSource(ints = { 401, 403 })
	void shouldGiveUpOnRefusedCredentials(int status) {
		assertThat(SmsDelivery.refusal(status, "no").code()).isEqualTo(DeliveryErrorCode.AUTHENTICATION_REFUSED);
	}

	@ParameterizedTest
	@ValueSource(ints = { 400, 404, 405, 410, 413, 415, 422 })
	void shouldGiveUpOnRejectedRequests(int status) {
		assertThat(SmsDelivery.refusal(status, "no").code()).isEqualTo(DeliveryErrorCode.REQUEST_REFUSED);
	}

}
