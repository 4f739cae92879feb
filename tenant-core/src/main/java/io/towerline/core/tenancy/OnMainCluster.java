package io.towerline.core.tenancy;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a service whose data lives only in the platform's tables on main (users, API
 * clients, the security log): its methods run with no tenant bound, so their connections
 * and transactions are main's even while the thread serves a tenant on another cluster
 * (ADR 0183). Inside a transaction the caller already opened, the caller's connection is
 * used, as before.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface OnMainCluster {

}
