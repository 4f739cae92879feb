package io.towerline.core.audit;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.jpa.repository.JpaRepository;

interface SecurityEventRepository extends JpaRepository<SecurityEvent, Long> {

	Window<SecurityEvent> findBy(ScrollPosition position, Limit limit, Sort sort);

	Window<SecurityEvent> findByTenant(String tenant, ScrollPosition position, Limit limit, Sort sort);

	Window<SecurityEvent> findByTenantAndType(String tenant, SecurityEventType type, ScrollPosition position,
			Limit limit, Sort sort);

	Window<SecurityEvent> findByType(SecurityEventType type, ScrollPosition position, Limit limit, Sort sort);

}
