package io.towerline.api.identity;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The authorization server's signing keys, kept in {@code public.signing_key} with the
 * private half sealed. Tokens are signed with the newest active key (its {@code kid} is
 * set on every token); the JWK set holds it and every key rotated out within the
 * retention time, so tokens signed before a rotation keep verifying. Other replicas see a
 * rotation within {@link #RELOAD_AFTER}.
 */
public class SigningKeys implements JWKSource<SecurityContext> {

	static final Duration RELOAD_AFTER = Duration.ofSeconds(30);

	private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

	private final JdbcClient jdbc;

	private final KeySealer sealer;

	private final Duration retention;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private volatile Loaded loaded = new Loaded(new JWKSet(), "", Instant.EPOCH);

	SigningKeys(JdbcClient jdbc, TransactionTemplate transactions, KeySealer sealer, Duration retention, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.sealer = sealer;
		this.retention = retention;
		this.clock = clock;
	}

	@Override
	public List<JWK> get(JWKSelector selector, SecurityContext context) {
		return selector.select(current().keys());
	}

	/** The id of the key new tokens are signed with. */
	public String currentKeyId() {
		return current().currentKid();
	}

	/** The published keys (public halves): the current one and those still retained. */
	public JWKSet publicKeys() {
		return current().keys().toPublicJWKSet();
	}

	/**
	 * Makes a new key current; the previous one stays published for the retention time.
	 * @return the new key's id
	 */
	public String rotate() {
		String kid = this.transactions.execute((tx) -> {
			lock();
			String created = insertNewKey();
			this.jdbc.sql("UPDATE public.signing_key SET retired_at = :now WHERE retired_at IS NULL AND kid <> :kid")
				.param("now", Timestamp.from(this.clock.instant()))
				.param("kid", created)
				.update();
			return created;
		});
		this.loaded = load();
		log.info("Signing key rotated; tokens are now signed with key {}", kid);
		return kid;
	}

	/** Creates the first key when there is none. */
	void ensureKey() {
		this.transactions.executeWithoutResult((tx) -> {
			lock();
			Long active = this.jdbc.sql("SELECT count(*) FROM public.signing_key WHERE retired_at IS NULL")
				.query(Long.class)
				.single();
			if (active == 0) {
				log.info("No signing key yet; created key {}", insertNewKey());
			}
		});
		this.loaded = load();
	}

	/** One replica at a time changes keys, so two first starts do not both create one. */
	private void lock() {
		this.jdbc.sql("SELECT pg_advisory_xact_lock(7358001)").query().singleRow();
	}

	private Loaded current() {
		Loaded state = this.loaded;
		if (state.at().plus(RELOAD_AFTER).isBefore(this.clock.instant())) {
			state = load();
			this.loaded = state;
		}
		return state;
	}

	private String insertNewKey() {
		try {
			String kid = "tl-" + UUID.randomUUID();
			RSAKey key = new RSAKeyGenerator(2048).keyID(kid)
				.keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.generate();
			this.jdbc
				.sql("INSERT INTO public.signing_key (kid, public_jwk, sealed_private_jwk, created_at) "
						+ "VALUES (:kid, :public, :sealed, :now)")
				.param("kid", kid)
				.param("public", key.toPublicJWK().toJSONString())
				.param("sealed", this.sealer.seal(key.toJSONString().getBytes(StandardCharsets.UTF_8), kid))
				.param("now", Timestamp.from(this.clock.instant()))
				.update();
			return kid;
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Could not generate a signing key", ex);
		}
	}

	private Loaded load() {
		Instant now = this.clock.instant();
		List<StoredKey> rows = this.jdbc
			.sql("SELECT kid, public_jwk, sealed_private_jwk, retired_at FROM public.signing_key "
					+ "WHERE retired_at IS NULL OR retired_at > :oldest ORDER BY created_at DESC, kid")
			.param("oldest", Timestamp.from(now.minus(this.retention)))
			.query((rs, row) -> new StoredKey(rs.getString(1), rs.getString(2), rs.getBytes(3),
					rs.getTimestamp(4) == null))
			.list();
		List<JWK> keys = new ArrayList<>();
		String currentKid = "";
		for (StoredKey row : rows) {
			try {
				if (row.active() && currentKid.isEmpty()) {
					// only the current key's private half is ever opened
					currentKid = row.kid();
					keys.add(JWK
						.parse(new String(this.sealer.open(row.sealedPrivate(), row.kid()), StandardCharsets.UTF_8)));
				}
				else {
					keys.add(JWK.parse(row.publicJwk()));
				}
			}
			catch (ParseException ex) {
				throw new IllegalStateException("Signing key " + row.kid() + " is unreadable", ex);
			}
		}
		return new Loaded(new JWKSet(keys), currentKid, now);
	}

	private record StoredKey(String kid, String publicJwk, byte[] sealedPrivate, boolean active) {

	}

	private record Loaded(JWKSet keys, String currentKid, Instant at) {

	}

}
