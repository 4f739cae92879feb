package io.towerline.core.drift;

import io.towerline.core.tenancy.TenantScoped;

import org.springframework.data.jpa.repository.JpaRepository;

interface DriftSettingsRepository extends JpaRepository<DriftSettings, Short>, TenantScoped {

}
