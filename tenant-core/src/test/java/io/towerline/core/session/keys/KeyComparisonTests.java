package io.towerline.core.session.keys;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The orders in memory are PostgreSQL's: names as their UTF-8 bytes (a {@code C} or
 * {@code C.UTF-8} database), ids as 16 unsigned bytes.
 */
class KeyComparisonTests {

	/** Units from every range that sorts differently by UTF-16 unit and by code point. */
	private static final String[] PIECES = { "a", "b", "Z", ".", "_", "é", "ß", "\u00ff", "\u0100", "\ud7ff", "\ue000",
			"\ufffd", "\uffff", "😀", "\ud800\udc00", "\udbff\udfff", "" };

	@Test
	void shouldOrderNamesAsTheirUtf8Bytes() {
		Random random = new Random(3);
		for (int i = 0; i < 20_000; i++) {
			String a = name(random);
			String b = (random.nextInt(10) == 0) ? a : name(random);
			assertThat(Integer.signum(KeyComparison.names(a, b))).as("%s vs %s", a, b)
				.isEqualTo(Integer.signum(Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8),
						b.getBytes(StandardCharsets.UTF_8))));
		}
		// where UTF-16 order is wrong: U+FFFD before U+1F600 by code point
		assertThat(KeyComparison.names("\ufffd", "😀")).isNegative();
		assertThat("\ufffd".compareTo("😀")).isPositive();
	}

	@Test
	void shouldOrderIdsAsUnsignedBytes() {
		Random random = new Random(5);
		for (int i = 0; i < 20_000; i++) {
			UUID a = new UUID(random.nextLong(), random.nextLong());
			UUID b = (random.nextBoolean()) ? new UUID(a.getMostSignificantBits(), random.nextLong())
					: new UUID(random.nextLong(), random.nextLong());
			assertThat(Integer.signum(KeyComparison.ids(a, b))).as("%s vs %s", a, b)
				.isEqualTo(Integer.signum(Arrays.compareUnsigned(bytes(a), bytes(b))));
		}
		// where UUID.compareTo is wrong: a first byte of 0x80 and over is the greater
		UUID high = UUID.fromString("80000000-0000-0000-0000-000000000000");
		UUID low = UUID.fromString("7fffffff-ffff-ffff-ffff-ffffffffffff");
		assertThat(KeyComparison.ids(high, low)).isPositive();
		assertThat(high.compareTo(low)).isNegative();
	}

	@Test
	void shouldOrderNamesByTheirKeysWhereverTheKeysDiffer() {
		Random random = new Random(7);
		for (int i = 0; i < 20_000; i++) {
			String a = name(random);
			String b = name(random);
			int byKey = Long.compareUnsigned(KeyComparison.nameKey(a), KeyComparison.nameKey(b));
			if (byKey != 0) {
				assertThat(Integer.signum(byKey)).as("%s vs %s", a, b)
					.isEqualTo(Integer.signum(KeyComparison.names(a, b)));
			}
			else if (KeyComparison.wholeInKey(a) && KeyComparison.wholeInKey(b)) {
				assertThat(a).isEqualTo(b);
			}
		}
	}

	private static String name(Random random) {
		StringBuilder name = new StringBuilder();
		int length = random.nextInt(5);
		for (int i = 0; i < length; i++) {
			name.append(PIECES[random.nextInt(PIECES.length)]);
		}
		return name.toString();
	}

	private static byte[] bytes(UUID id) {
		return ByteBuffer.allocate(16)
			.putLong(id.getMostSignificantBits())
			.putLong(id.getLeastSignificantBits())
			.array();
	}

}
