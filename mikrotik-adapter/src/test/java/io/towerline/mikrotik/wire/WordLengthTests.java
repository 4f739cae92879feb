package io.towerline.mikrotik.wire;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class WordLengthTests {

	@ParameterizedTest
	@ValueSource(
			ints = { 0, 1, 0x7F, 0x80, 0x3FFF, 0x4000, 0x1FFFFF, 0x200000, 0xFFFFFFF, 0x10000000, Integer.MAX_VALUE })
	void shouldRoundTripEveryFormAtItsBoundaries(int length) throws IOException {
		byte[] encoded = new byte[5];
		int size = WordLength.write(length, encoded, 0);
		assertThat(size).isEqualTo(WordLength.prefixSize(length));
		assertThat(WordLength.read(new ByteArrayInputStream(encoded, 0, size))).isEqualTo(length);
	}

	@Test
	void shouldUseTheShortestForm() {
		assertThat(WordLength.prefixSize(0x7F)).isEqualTo(1);
		assertThat(WordLength.prefixSize(0x80)).isEqualTo(2);
		assertThat(WordLength.prefixSize(0x4000)).isEqualTo(3);
		assertThat(WordLength.prefixSize(0x20000)).isEqualTo(3);
		assertThat(WordLength.prefixSize(0x200000)).isEqualTo(4);
		assertThat(WordLength.prefixSize(0x10000000)).isEqualTo(5);
	}

	@Test
	void shouldAcceptNonMinimalFormsOtherEncodersSend() throws IOException {
		// D13: me.legrange:mikrotik sends 0x20000 in the 4-byte form
		byte[] fourByteForm = { (byte) 0xE0, 0x02, 0x00, 0x00 };
		assertThat(WordLength.read(new ByteArrayInputStream(fourByteForm))).isEqualTo(0x20000);
		byte[] twoByteSmall = { (byte) 0x80, 0x05 };
		assertThat(WordLength.read(new ByteArrayInputStream(twoByteSmall))).isEqualTo(5);
		byte[] fiveByteSmall = { (byte) 0xF0, 0, 0, 0, 9 };
		assertThat(WordLength.read(new ByteArrayInputStream(fiveByteSmall))).isEqualTo(9);
	}

	@ParameterizedTest
	@ValueSource(ints = { 0xF8, 0xF9, 0xFF, 0xF1 })
	void shouldRejectReservedControlBytes(int first) {
		assertThatExceptionOfType(WireProtocolException.class)
			.isThrownBy(() -> WordLength.read(new ByteArrayInputStream(new byte[] { (byte) first, 0, 0, 0, 0 })));
	}

	@Test
	void shouldTellACleanEndFromATruncatedLength() throws IOException {
		assertThat(WordLength.read(new ByteArrayInputStream(new byte[0]))).isEqualTo(-1);
		assertThatExceptionOfType(EOFException.class)
			.isThrownBy(() -> WordLength.read(new ByteArrayInputStream(new byte[] { (byte) 0xC0, 1 })));
	}

}
