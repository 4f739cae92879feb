package io.towerline.core.session.keys;

import java.util.Arrays;
import java.util.function.IntBinaryOperator;

/**
 * The first {@code limit} slots in an order, kept while matches stream past: a heap whose
 * root is the last of those kept, so a match that comes after it is dropped in one
 * comparison. n log(limit) for n matches, no boxing.
 */
final class TopSlots {

	private final int[] heap;

	private final IntBinaryOperator order;

	private int size;

	/**
	 * @param order negative when the first slot comes before the second
	 */
	TopSlots(int limit, IntBinaryOperator order) {
		this.heap = new int[Math.max(limit, 0)];
		this.order = order;
	}

	void offer(int slot) {
		if (this.size < this.heap.length) {
			this.heap[this.size] = slot;
			up(this.size++);
		}
		else if (this.size > 0 && this.order.applyAsInt(slot, this.heap[0]) < 0) {
			this.heap[0] = slot;
			down(0);
		}
	}

	/** The slots kept, first first. */
	int[] inOrder() {
		Integer[] boxed = new Integer[this.size];
		for (int i = 0; i < this.size; i++) {
			boxed[i] = this.heap[i];
		}
		Arrays.sort(boxed, this.order::applyAsInt);
		int[] slots = new int[this.size];
		for (int i = 0; i < this.size; i++) {
			slots[i] = boxed[i];
		}
		return slots;
	}

	private void up(int at) {
		int child = at;
		while (child > 0) {
			int parent = (child - 1) / 2;
			if (this.order.applyAsInt(this.heap[child], this.heap[parent]) <= 0) {
				return;
			}
			swap(child, parent);
			child = parent;
		}
	}

	private void down(int at) {
		int parent = at;
		while (true) {
			int left = 2 * parent + 1;
			if (left >= this.size) {
				return;
			}
			int right = left + 1;
			int later = (right < this.size && this.order.applyAsInt(this.heap[right], this.heap[left]) > 0) ? right
					: left;
			if (this.order.applyAsInt(this.heap[later], this.heap[parent]) <= 0) {
				return;
			}
			swap(parent, later);
			parent = later;
		}
	}

	private void swap(int a, int b) {
		int kept = this.heap[a];
		this.heap[a] = this.heap[b];
		this.heap[b] = kept;
	}

}
