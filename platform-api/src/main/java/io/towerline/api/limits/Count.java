package io.towerline.api.limits;

/** Saturating counts: a price too large to hold is {@link Long#MAX_VALUE}. */
record Count(long objects, long leaves, long rows) {

	static final Count NONE = new Count(0, 0, 0);

	Count plus(Count other) {
		return new Count(add(this.objects, other.objects), add(this.leaves, other.leaves), add(this.rows, other.rows));
	}

	Count times(long factor) {
		return new Count(multiply(this.objects, factor), multiply(this.leaves, factor), multiply(this.rows, factor));
	}

	static long add(long a, long b) {
		long sum = a + b;
		return (sum < a) ? Long.MAX_VALUE : sum;
	}

	static long multiply(long a, long b) {
		long high = Math.multiplyHigh(a, b);
		return (high != 0 || a * b < 0) ? Long.MAX_VALUE : a * b;
	}

}
