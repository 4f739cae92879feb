/**
 * The platform API: the GraphQL gateway and everything at the edge (security, tenant
 * resolution, embedded defaults). Holds no domain rules; those live in tenant-core.
 */
@NullMarked
package io.towerline.api;

import org.jspecify.annotations.NullMarked;
