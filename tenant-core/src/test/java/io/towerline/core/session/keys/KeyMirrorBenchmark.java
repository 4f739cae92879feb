package io.towerline.core.session.keys;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * The scan alone, without the database: 200,000 keys in FleetBenchmark's shape (1,000
 * routers, 200 of 220 user names each), each search's page and count timed on the wall
 * clock and on the thread's CPU clock (which a loaded machine does not inflate). Run with
 * {@code ./mvnw -o -pl tenant-core -am -Pbenchmark test -Dtest=KeyMirrorBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class KeyMirrorBenchmark {

	@Test
	void measure() {
		KeyMirror mirror = new KeyMirror();
		Random random = new Random(9);
		for (int r = 0; r < 1_000; r++) {
			UUID router = UUID.randomUUID();
			for (int s = 0; s < 200; s++) {
				String name = String.format(Locale.ROOT, "sub%05d", 1 + random.nextInt(220));
				String address = "10." + (64 + s / (253 * 256)) + "." + ((s / 253) % 256) + "." + (2 + s % 253);
				String mac = String.format(Locale.ROOT, "02:00:%02x:%02x:%02x:%02x", random.nextInt(256),
						random.nextInt(256), random.nextInt(256), random.nextInt(256));
				mirror.put(new SearchKey(UUID.randomUUID(), router, null, random.nextLong(1L << 50), name,
						name + "\u001f" + address + "\u001f" + mac));
			}
		}
		mirror.settle();
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		for (int warm = 0; warm < 200; warm++) {
			mirror.find(new KeyQuery("sub00" + (warm % 10), null, null, KeyOrder.values()[warm % 3], null, 101));
		}
		for (String text : List.of("sub000", "sub002", "b0012", "sub00042", "sub010", "10.64.0.", "02:00")) {
			for (KeyOrder order : KeyOrder.values()) {
				long[] wall = new long[200];
				long[] cpu = new long[200];
				long matches = 0;
				for (int i = 0; i < wall.length; i++) {
					long cpu0 = threads.getCurrentThreadCpuTime();
					long start = System.nanoTime();
					matches = mirror.find(new KeyQuery(text, null, null, order, null, 101)).matches();
					wall[i] = System.nanoTime() - start;
					cpu[i] = threads.getCurrentThreadCpuTime() - cpu0;
				}
				Arrays.sort(wall);
				Arrays.sort(cpu);
				System.out.printf(Locale.ROOT, "| `%s` | %s | %,d | %.2f / %.2f ms | %.2f / %.2f ms |%n", text, order,
						matches, wall[100] / 1e6, wall[197] / 1e6, cpu[100] / 1e6, cpu[197] / 1e6);
			}
		}
	}

}
