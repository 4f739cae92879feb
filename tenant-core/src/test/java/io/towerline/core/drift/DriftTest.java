package io.towerline.core.drift;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import io.towerline.core.actor.Actor;
import io.towerline.core.operation.OperationStatus;
import io.towerline.core.operation.RouterOperations;
import io.towerline.core.plan.PlanDetails;
import io.towerline.core.plan.Plans;
import io.towerline.core.plan.RateLimit;
import io.towerline.core.router.RouterAccess;
import io.towerline.core.router.Routers;
import io.towerline.core.subscriber.Changed;
import io.towerline.core.subscriber.Subscriber;
import io.towerline.core.subscriber.SubscriberDraft;
import io.towerline.core.subscriber.SubscriberProfile;
import io.towerline.core.subscriber.SubscriberRecords;
import io.towerline.core.subscriber.Subscribers;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import io.towerline.core.tenancy.catalog.TenantOnboarding;
import io.towerline.core.testsupport.DatabaseTest;
import io.towerline.core.testsupport.TenantRouterFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the drift and import tests share: a fresh tenant with router "core" (RouterOS
 * 7.19, five secrets) on its own simulator and plan "Home 20". Subclasses add no
 * annotations, so they share one Spring context.
 */
@SpringBootTest
abstract class DriftTest extends DatabaseTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	DriftChecks checks;

	@Autowired
	DriftReports reports;

	@Autowired
	DriftResolutions resolutions;

	@Autowired
	RouterImports routerImports;

	@Autowired
	RouterImportRun importRun;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Subscribers subscribers;

	@Autowired
	SubscriberRecords records;

	@Autowired
	Plans plans;

	@Autowired
	Routers routers;

	@Autowired
	RouterAccess access;

	@Autowired
	RouterOperations operations;

	@Autowired
	TenantOnboarding onboarding;

	@Autowired
	TransactionTemplate transactions;

	TenantRouterFixture fixture;

	TenantId tenant;

	UUID routerId;

	UUID planId;

	@BeforeEach
	void routerAndPlan() {
		this.fixture = TenantRouterFixture.start(this.context, "drift", "core", TenantRouterFixture.v7(5));
		this.tenant = this.fixture.tenant();
		this.routerId = this.fixture.routerId();
		this.planId = inTenant(
				() -> this.plans.create(PlanDetails.of("Home 20", "home-20", RateLimit.parse("5M/20M"), null)).id());
	}

	@AfterEach
	void stop() {
		this.fixture.close();
	}

	ImportResult imported() {
		return imported(this.routerId);
	}

	ImportResult imported(UUID router) {
		UUID operationId = inTenant(() -> this.routerImports.start(router, Actor.of("user:test"))).id();
		awaitSucceeded(operationId);
		return inTenant(() -> this.routerImports.get(operationId));
	}

	DriftResolutions.Resolution resolve(DriftReport report, DriftItem item, DriftAction action) {
		return inTenant(() -> this.resolutions.resolve(
				new DriftResolutions.Request(report.id(), List.of(item.id()), false, action, false),
				Actor.of("user:test")));
	}

	Subscriber provisioned(String username, String password) {
		Changed created = inTenant(() -> this.subscribers.create(new SubscriberDraft(username, password, this.planId,
				this.routerId, null, SubscriberProfile.of(null, null, null, null, null, null)), Actor.of("user:test")));
		awaitSucceeded(created.operation().id());
		return created.subscriber();
	}

	List<DriftItem> items(DriftReport report) {
		return inTenant(() -> this.reports.items(report.id(), null, ScrollPosition.keyset(), 100).getContent());
	}

	static DriftItem byName(List<DriftItem> items, String name) {
		return items.stream().filter((item) -> item.name().equals(name)).findFirst().orElseThrow();
	}

	void awaitSucceeded(UUID operationId) {
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(inTenant(() -> this.operations.get(operationId).status()))
				.isEqualTo(OperationStatus.SUCCEEDED));
	}

	static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	<T> T inTenant(Supplier<T> work) {
		return TenantContext.callAs(this.tenant, () -> this.transactions.execute((tx) -> work.get()));
	}

}
