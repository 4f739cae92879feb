package io.towerline.core.operation;

import io.towerline.core.tenancy.TenantScoped;

import org.springframework.data.jpa.repository.JpaRepository;

interface OperationPolicyRepository extends JpaRepository<OperationPolicy, Short>, TenantScoped {

}
