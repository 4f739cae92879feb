package io.towerline.core.session.keys;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A search of the copy is the sorted list of every key holding the text, filtered and cut
 * after the cursor, whatever keys were added, replaced and removed before: checked
 * against a plain sort of the live keys, with names that share their first bytes, equal
 * login times and texts holding the search text twice.
 */
class KeyMirrorTests {

	private static final String[] PIECES = { "sub", "su", "b0", "0", "1", "é", "😀", "\ufffd", "\ue000", "%", "x",
			"sub0001", "sub00012" };

	@Test
	void shouldFindWhatASortOfTheLiveKeysFinds() {
		Random random = new Random(21);
		KeyMirror mirror = new KeyMirror();
		Map<UUID, SearchKey> live = new HashMap<>();
		List<UUID> routers = List.of(UUID.randomUUID(), UUID.randomUUID());
		for (int round = 0; round < 30; round++) {
			for (int i = 0; i < 400; i++) {
				int action = random.nextInt(10);
				if (action < 2 && !live.isEmpty()) {
					UUID gone = new ArrayList<>(live.keySet()).get(random.nextInt(live.size()));
					live.remove(gone);
					mirror.remove(gone);
				}
				else {
					UUID id = (action < 4 && !live.isEmpty())
							? new ArrayList<>(live.keySet()).get(random.nextInt(live.size()))
							: new UUID(random.nextLong(), random.nextLong());
					String name = name(random);
					SearchKey key = new SearchKey(id, routers.get(random.nextInt(2)), null, random.nextInt(20), name,
							name + "\u001f10.0.0." + random.nextInt(9) + "\u001f" + name);
					live.put(id, key);
					mirror.put(key);
				}
			}
			mirror.settle();
			for (int q = 0; q < 20; q++) {
				String text = List.of("sub", "b00", "0.0", "😀", "é0", "%x", "001", "zzz").get(random.nextInt(8));
				KeyOrder order = KeyOrder.values()[random.nextInt(3)];
				UUID router = random.nextBoolean() ? null : routers.get(random.nextInt(2));
				List<SearchKey> expected = live.values()
					.stream()
					.filter((key) -> key.search().contains(text))
					.filter((key) -> router == null || router.equals(key.routerId()))
					.sorted(order(order))
					.toList();
				KeyPosition after = null;
				if (!expected.isEmpty() && random.nextBoolean()) {
					SearchKey last = expected.get(random.nextInt(expected.size()));
					after = new KeyPosition(last.loginMicros(), last.sortName(), last.id());
				}
				KeyPosition from = after;
				List<UUID> page = expected.stream()
					.filter((key) -> from == null || order(order).compare(key,
							new SearchKey(from.id(), key.routerId(), null, from.loginMicros(), from.sortName(),
									"")) > 0)
					.limit(13)
					.map(SearchKey::id)
					.toList();
				Found found = mirror.find(new KeyQuery(text, router, null, order, after, 13));
				assertThat(found.matches()).as("round %d %s %s", round, text, order).isEqualTo(expected.size());
				assertThat(found.page()).as("round %d %s %s after %s", round, text, order, after).isEqualTo(page);
			}
		}
		assertThat(mirror.size()).isEqualTo(live.size());
	}

	/**
	 * The memory bound counts a read's keys before the read is applied (ADR 0246):
	 * whatever the read holds (removals of ids held, of ids not held, of one id twice;
	 * keys new and replaced; a whole read) the count is the size the copy has once it is
	 * applied, in the order {@link TenantKeys} applies it.
	 */
	@Test
	void shouldCountTheKeysAReadLeavesBeforeItIsApplied() {
		Random random = new Random(7);
		KeyMirror mirror = new KeyMirror();
		List<UUID> live = new ArrayList<>();
		UUID router = UUID.randomUUID();
		for (int read = 0; read < 300; read++) {
			boolean whole = random.nextInt(12) == 0;
			Map<UUID, SearchKey> keys = new LinkedHashMap<>();
			for (int i = random.nextInt(6); i > 0; i--) {
				UUID id = (!live.isEmpty() && random.nextBoolean()) ? live.get(random.nextInt(live.size()))
						: new UUID(random.nextLong(), random.nextLong());
				keys.put(id, new SearchKey(id, router, null, read, "sub" + read, "sub" + read));
			}
			List<UUID> gone = new ArrayList<>();
			for (int i = whole ? 0 : random.nextInt(5); i > 0; i--) {
				int kind = random.nextInt(3);
				if (kind == 0 && !gone.isEmpty()) {
					gone.add(gone.get(random.nextInt(gone.size())));
				}
				else if (kind == 1 && !live.isEmpty()) {
					UUID held = live.get(random.nextInt(live.size()));
					if (!keys.containsKey(held)) {
						// a read's removals are of ids absent from the table
						gone.add(held);
					}
				}
				else {
					gone.add(new UUID(random.nextLong(), random.nextLong()));
				}
			}
			KeyChanges changes = new KeyChanges(whole, "table", read, List.copyOf(keys.values()), gone);

			int counted = mirror.sizeAfter(changes);

			if (whole) {
				mirror.clear();
				live.clear();
			}
			gone.forEach(mirror::remove);
			live.removeAll(gone);
			keys.values().forEach(mirror::put);
			keys.keySet().stream().filter((id) -> !live.contains(id)).forEach(live::add);
			mirror.settle();
			assertThat(counted).as("read %d: %d keys, removals %s", read, keys.size(), gone)
				.isEqualTo(mirror.size())
				.isEqualTo(live.size());
		}
	}

	private static Comparator<SearchKey> order(KeyOrder order) {
		Comparator<SearchKey> byId = (a, b) -> KeyComparison.ids(a.id(), b.id());
		return switch (order) {
			case NAME ->
				((Comparator<SearchKey>) (a, b) -> KeyComparison.names(a.sortName(), b.sortName())).thenComparing(byId);
			case OLDEST -> Comparator.comparingLong(SearchKey::loginMicros).thenComparing(byId);
			case NEWEST -> Comparator.comparingLong(SearchKey::loginMicros).thenComparing(byId).reversed();
		};
	}

	private static String name(Random random) {
		StringBuilder name = new StringBuilder();
		int length = 1 + random.nextInt(4);
		for (int i = 0; i < length; i++) {
			name.append(PIECES[random.nextInt(PIECES.length)]);
		}
		return name.toString();
	}

}
