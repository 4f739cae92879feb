package io.towerline.mikrotik.simulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.towerline.mikrotik.wire.Sentence;

/**
 * Keeps the sentences a simulator received, for tests that check what a client sent; a
 * cap keeps a long run (the demo, a fleet) from filling the heap.
 */
final class CommandRecorder {

	private static final int RECORD_LIMIT = 200_000;

	private final boolean enabled;

	private final List<ReceivedCommand> received = Collections.synchronizedList(new ArrayList<>());

	CommandRecorder(boolean enabled) {
		this.enabled = enabled;
	}

	void record(Sentence sentence) {
		if (this.enabled && this.received.size() < RECORD_LIMIT) {
			this.received.add(new ReceivedCommand(sentence));
		}
	}

	List<ReceivedCommand> received() {
		synchronized (this.received) {
			return List.copyOf(this.received);
		}
	}

	void clear() {
		this.received.clear();
	}

}
