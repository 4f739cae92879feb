package io.towerline.core.subscriber;

import java.util.UUID;

import io.towerline.core.tenancy.TenantScoped;

import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.repository.Repository;

/** Subscribers found by a {@link SubscriberFilter}, a keyset page at a time. */
interface SubscriberSearchRepository
		extends Repository<Subscriber, UUID>, JpaSpecificationExecutor<Subscriber>, TenantScoped {

}
