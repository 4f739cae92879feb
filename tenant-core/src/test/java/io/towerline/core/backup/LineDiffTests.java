package io.towerline.core.backup;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The line diff is a shortest edit script: replaying it turns one text into the other,
 * and its length equals what the textbook LCS table says, on thousands of random pairs.
 */
class LineDiffTests {

	@Test
	void shouldFindAShortestEditScriptForRandomTexts() {
		Random random = new Random(11);
		for (int round = 0; round < 3000; round++) {
			List<String> from = randomLines(random, random.nextInt(25), 1 + random.nextInt(5));
			List<String> to = (random.nextBoolean()) ? mutate(random, from)
					: randomLines(random, random.nextInt(25), 1 + random.nextInt(5));
			List<LineDiff.Edit> edits = LineDiff.edits(from, to);
			assertThat(replay(edits, from, to)).as("round %d: %s -> %s", round, from, to).isEqualTo(to);
			long changes = edits.stream().filter((edit) -> edit.op() != LineDiff.Op.SAME).count();
			assertThat(changes).as("round %d: %s -> %s", round, from, to)
				.isEqualTo(from.size() + to.size() - 2L * lcs(from, to));
		}
	}

	@Test
	void shouldHandleEmptyAndIdenticalTexts() {
		assertThat(LineDiff.edits(List.of(), List.of())).isEmpty();
		assertThat(LineDiff.edits(List.of("a", "b"), List.of())).extracting(LineDiff.Edit::op)
			.containsExactly(LineDiff.Op.REMOVED, LineDiff.Op.REMOVED);
		assertThat(LineDiff.edits(List.of(), List.of("a"))).extracting(LineDiff.Edit::op)
			.containsExactly(LineDiff.Op.ADDED);
		assertThat(LineDiff.edits(List.of("a", "b"), List.of("a", "b"))).extracting(LineDiff.Edit::op)
			.containsExactly(LineDiff.Op.SAME, LineDiff.Op.SAME);
	}

	private static List<String> replay(List<LineDiff.Edit> edits, List<String> from, List<String> to) {
		List<String> result = new ArrayList<>();
		int expectedFrom = 1;
		for (LineDiff.Edit edit : edits) {
			switch (edit.op()) {
				case SAME -> {
					assertThat(edit.fromLine()).isEqualTo(expectedFrom++);
					assertThat(from.get(edit.fromLine() - 1)).isEqualTo(to.get(edit.toLine() - 1));
					result.add(from.get(edit.fromLine() - 1));
				}
				case REMOVED -> assertThat(edit.fromLine()).isEqualTo(expectedFrom++);
				case ADDED -> result.add(to.get(edit.toLine() - 1));
			}
		}
		assertThat(expectedFrom - 1).isEqualTo(from.size());
		return result;
	}

	private static int lcs(List<String> a, List<String> b) {
		int[][] table = new int[a.size() + 1][b.size() + 1];
		for (int i = 1; i <= a.size(); i++) {
			for (int j = 1; j <= b.size(); j++) {
				table[i][j] = a.get(i - 1).equals(b.get(j - 1)) ? table[i - 1][j - 1] + 1
						: Math.max(table[i - 1][j], table[i][j - 1]);
			}
		}
		return table[a.size()][b.size()];
	}

	private static List<String> randomLines(Random random, int count, int alphabet) {
		List<String> lines = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			lines.add(Character.toString('a' + random.nextInt(alphabet)));
		}
		return lines;
	}

	private static List<String> mutate(Random random, List<String> lines) {
		List<String> mutated = new ArrayList<>(lines);
		int changes = random.nextInt(4);
		for (int i = 0; i < changes; i++) {
			if (!mutated.isEmpty() && random.nextBoolean()) {
				mutated.remove(random.nextInt(mutated.size()));
			}
			else {
				mutated.add(random.nextInt(mutated.size() + 1), "x" + random.nextInt(3));
			}
		}
		return mutated;
	}

}
