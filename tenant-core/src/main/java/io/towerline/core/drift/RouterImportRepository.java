package io.towerline.core.drift;

import java.util.UUID;

import io.towerline.core.tenancy.TenantScoped;

import org.springframework.data.jpa.repository.JpaRepository;

interface RouterImportRepository extends JpaRepository<RouterImport, UUID>, TenantScoped {

}
